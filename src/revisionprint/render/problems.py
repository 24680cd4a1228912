"""Text that could not be printed as written, collected while rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..model import Origin, Topic
from .fonts import Faces, describe_characters, missing_glyphs, right_to_left
from .markup import plain_text


@dataclass
class RenderProblems:
    messages: list[str] = field(default_factory=list)
    # The same messages as a set: asking the list would make a big deck's problems quadratic.
    _said: set[str] = field(default_factory=set, repr=False)

    def add(self, origin: Origin, field_name: str, message: str) -> None:
        """One message per problem, however many times a renderer meets it."""
        item = ".".join(part for part in (origin.path, field_name) if part)
        line, column = origin.position_of(field_name)
        # As a Problem prints: control characters escaped, a long message cut short.
        text = str(Problem(origin.file, line, column, item, message))
        if text not in self._said:
            self._said.add(text)
            self.messages.append(text)

    def check_glyphs(self, origin: Origin, field_name: str, text: str, faces: Faces) -> None:
        text = plain_text(text)
        missing = missing_glyphs(text, faces)
        if missing:
            self.add(origin, field_name,
                     f"the font cannot draw {describe_characters(missing)}; they would print as empty boxes. "
                     "Replace them, or add a font that has them to the layout ('revisionprint fonts' lists "
                     "what the fonts cover; the README says how to add one)")
        backwards = right_to_left(text)
        if backwards:
            self.add(origin, field_name,
                     f"has right-to-left text ({describe_characters(backwards[:3])}), which revisionprint "
                     "cannot yet print in the right order (it would read backwards); write it in a "
                     "left-to-right script or leave it out")

    def __bool__(self) -> bool:
        return bool(self.messages)

    @classmethod
    def for_topic(cls, topic: Topic, faces: Faces) -> "RenderProblems":
        """A product's problems, starting with its title: printed in every product's furniture."""
        problems = cls()
        problems.check_glyphs(topic.origin, "title", topic.title, faces)
        return problems


def printable(text: str, faces: Faces) -> bool:
    """No problem for check_glyphs to report: the quick test for a whole card at once."""
    return text.isascii() or not (missing_glyphs(text, faces) or right_to_left(text))


def check_topic_glyphs(topic: Topic, faces: Faces, problems: RenderProblems) -> None:
    """Every text of a topic, as `validate` checks it; each product checks only what it prints."""
    for origin, field_name, text in topic.texts():
        problems.check_glyphs(origin, field_name, text, faces)
