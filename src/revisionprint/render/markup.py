"""Our inline syntax (**bold**, *italic*) to Paragraph markup; everything else is data.

Text from YAML is escaped first, so `<b>`, `&` and `<img ...>` print literally.
A star written `\\*` prints as a star and never starts or ends formatting: imported
cards (content/imports) write every star of the file they came from that way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\*\w])")
# While the patterns run, an escaped star stands aside as a character of the private use area.
_ESCAPED_STAR, _SET_ASIDE_STAR = "\\*", "\ue000"


def to_markup(text: str) -> str:
    markup = escape(text.replace(_ESCAPED_STAR, _SET_ASIDE_STAR))
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    return _ITALIC.sub(r"<i>\1</i>", markup).replace(_SET_ASIDE_STAR, "*")


def plain_text(text: str) -> str:
    """The characters that will be printed, without our markup."""
    if "*" not in text:
        return text
    text = _BOLD.sub(r"\1", text.replace(_ESCAPED_STAR, _SET_ASIDE_STAR))
    return _ITALIC.sub(r"\1", text).replace(_SET_ASIDE_STAR, "*")


_TAG = re.compile(r"(</?[bi]>)")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def styled_runs(text: str) -> tuple[tuple[str, bool, bool], ...]:
    """The text as (characters, bold, italic) runs, exactly as to_markup formats it."""
    if "*" not in text:
        return ((text, False, False),) if text else ()
    return _marked_up_runs(text)


@lru_cache(maxsize=1024)  # a text is tried at several sizes while it is fitted
def _marked_up_runs(text: str) -> tuple[tuple[str, bool, bool], ...]:
    runs = []
    bold = italic = False
    for piece in _TAG.split(to_markup(text)):
        if piece in ("<b>", "</b>"):
            bold = piece == "<b>"
        elif piece in ("<i>", "</i>"):
            italic = piece == "<i>"
        elif piece:
            for entity, char in _ENTITIES:
                piece = piece.replace(entity, char)
            runs.append((piece, bold, italic))
    return tuple(runs)
