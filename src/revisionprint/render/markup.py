"""Our inline syntax (**bold**, *italic*, H~2~O, x^2^) to Paragraph markup; everything else is data.

Text from YAML is escaped first, so `<b>`, `&` and `<img ...>` print literally.
A star written `\\*` prints as a star and never starts or ends formatting: imported
cards (content/imports) write every star of the file they came from that way.
Sub- and superscripts follow Pandoc: no spaces inside, so a lone ~ or ^ is printed as it is;
`\\~` and `\\^` print as themselves too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _html_escape

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\*\w])")
# While the patterns run, an escaped mark stands aside as a character of the private use area.
_ESCAPED = (("\\*", "\ue000", "*"), ("\\~", "\ue001", "~"), ("\\^", "\ue002", "^"))
_SUBSCRIPT = re.compile(r"~([^\s~]+)~")
_SUPERSCRIPT = re.compile(r"\^([^\s^]+)\^")

SUBSCRIPT, NORMAL, SUPERSCRIPT = -1, 0, 1  # where a run sits on the line


def _has_marks(text: str) -> bool:
    return "*" in text or "~" in text or "^" in text  # quicker than a regular expression


def _set_aside(text: str) -> str:
    for written, aside, _ in _ESCAPED:
        text = text.replace(written, aside)
    return text


def _put_back(text: str) -> str:
    for _, aside, char in _ESCAPED:
        text = text.replace(aside, char)
    return text


def escape(text: str) -> str:
    """&, < and > as entities (xml.sax.saxutils.escape would import urllib and email: 12 ms a run)."""
    return _html_escape(text, quote=False)


def to_markup(text: str) -> str:
    markup = escape(text)
    if not _has_marks(markup):
        return markup
    return _formatted(markup, "<b>\\1</b>", "<i>\\1</i>", "<sub>\\1</sub>", "<sup>\\1</sup>")


def plain_text(text: str) -> str:
    """The characters that will be printed, without our markup."""
    if not _has_marks(text):
        return text
    return _formatted(text, *[r"\1"] * 4)


def _formatted(text: str, bold: str, italic: str, subscript: str, superscript: str) -> str:
    """Each kind of markup replaced, trying only those whose mark the text has (a deck has
    thousands of texts, most with at most one kind)."""
    escaped = "\\" in text
    if escaped:
        text = _set_aside(text)
    if "*" in text:
        text = _ITALIC.sub(italic, _BOLD.sub(bold, text))
    if "~" in text:
        text = _SUBSCRIPT.sub(subscript, text)
    if "^" in text:
        text = _SUPERSCRIPT.sub(superscript, text)
    return _put_back(text) if escaped else text


_TAG = re.compile(r"(</?(?:b|i|sub|sup)>)")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
Run = tuple[str, bool, bool, int]  # characters, bold, italic, SUBSCRIPT / NORMAL / SUPERSCRIPT


def styled_runs(text: str) -> tuple[Run, ...]:
    """The text as (characters, bold, italic, position) runs, exactly as to_markup formats it."""
    if not _has_marks(text):
        return ((text, False, False, NORMAL),) if text else ()
    return _marked_up_runs(text)


@lru_cache(maxsize=1024)  # a text is tried at several sizes while it is fitted
def _marked_up_runs(text: str) -> tuple[Run, ...]:
    runs = []
    bold = italic = False
    position = NORMAL
    for piece in _TAG.split(to_markup(text)):
        if piece in ("<b>", "</b>"):
            bold = piece == "<b>"
        elif piece in ("<i>", "</i>"):
            italic = piece == "<i>"
        elif piece in ("<sub>", "<sup>", "</sub>", "</sup>"):
            position = NORMAL if piece.startswith("</") else SUBSCRIPT if piece == "<sub>" else SUPERSCRIPT
        elif piece:
            for entity, char in _ENTITIES:
                piece = piece.replace(entity, char)
            runs.append((piece, bold, italic, position))
    return tuple(runs)
