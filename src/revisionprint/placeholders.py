"""The placeholders of header and footer texts: `{title}`, `{page}` ... and `{{` for a brace.

Read by the layout (which reports anything else in braces, at its line) and filled in by the
page furniture with a plain replacement: never `str.format`, whose format specs
(`{page:>9999999999}`) and conversions a layout must not reach.
"""

from __future__ import annotations

import re
from typing import Mapping

PLACEHOLDERS = ("title", "subject", "course", "source", "product", "page", "pages", "student")

# A doubled brace, a name in braces, or a brace on its own (which is a mistake).
_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def unknown_pieces(template: str) -> list[str]:
    """What in braces is not a placeholder, as written: '{title:d}', '{', '{pagez}'."""
    return [match.group() for match in _PIECE.finditer(template)
            if match.group() not in ("{{", "}}") and match.group(1) not in PLACEHOLDERS]


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with each placeholder replaced by its value and each doubled brace halved."""
    def piece(match: re.Match) -> str:
        text = match.group()
        if text in ("{{", "}}"):
            return text[0]
        return values.get(match.group(1), text) if match.group(1) is not None else text

    return _PIECE.sub(piece, template)
