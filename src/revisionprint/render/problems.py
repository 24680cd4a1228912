"""Text that could not be printed as written, collected while rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Origin
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
                     "Replace them, or choose a layout font that has them")

    def __bool__(self) -> bool:
        return bool(self.messages)
