"""Text that could not be printed as written, collected while rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import Iterator

from ..model import Origin, Topic
from .fonts import Faces, describe_characters, missing_glyphs
from .markup import plain_text


@dataclass
class RenderProblems:
    messages: list[str] = field(default_factory=list)

    def add(self, origin: Origin, field_name: str, message: str) -> None:
        """One message per problem, however many times a renderer meets it."""
        item = ".".join(part for part in (origin.path, field_name) if part)
        line, column = origin.position_of(field_name)
        text = f"{origin.file}:{line}:{column}: {item}: {message}"
        if text not in self.messages:
            self.messages.append(text)

    def check_glyphs(self, origin: Origin, field_name: str, text: str, faces: Faces) -> None:
        missing = missing_glyphs(plain_text(text), faces)
        if missing:
            self.add(origin, field_name,
                     f"the font cannot draw {describe_characters(missing)}; they would print as empty boxes. "
                     "Replace them: the font has Latin, Greek and Cyrillic letters, but not these")

    def __bool__(self) -> bool:
        return bool(self.messages)

    @classmethod
    def for_topic(cls, topic: Topic, faces: Faces) -> "RenderProblems":
        """A product's problems, starting with its title: printed in every product's furniture."""
        problems = cls()
        problems.check_glyphs(topic.origin, "title", topic.title, faces)
        return problems


def check_topic_glyphs(topic: Topic, faces: Faces, problems: RenderProblems) -> None:
    """Every text of a topic, as `validate` checks it; each product checks only what it prints."""
    for origin, field_name, text in _topic_texts(topic):
        problems.check_glyphs(origin, field_name, text, faces)


def _topic_texts(topic: Topic) -> Iterator[tuple[Origin, str, str]]:
    for name in ("title", "subject", "course", "source", "question"):
        yield topic.origin, name, getattr(topic, name)
    for card in topic.flashcards:
        yield card.origin, "front", card.front
        for index, text in enumerate(card.back):
            yield card.origin, f"back[{index}]" if card.back_is_list else "back", text
        for index, tag in enumerate(card.tags):
            yield card.origin, f"tags[{index}]", tag
    for factor in topic.factors:
        yield factor.origin, "name", factor.name
        yield factor.origin, "summary", factor.summary
        for key, texts in (("evidence", factor.evidence), ("for", factor.arguments_for),
                           ("against", factor.arguments_against)):
            for index, text in enumerate(texts):
                yield factor.origin, f"{key}[{index}]", text
    for event in topic.timeline:
        yield event.origin, "event", event.event  # (detail is not printed)
