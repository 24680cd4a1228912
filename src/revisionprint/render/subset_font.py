"""A TrueType font whose text, once its characters are known, is encoded in one step.

ReportLab maps each string it draws to the font's embedded subset one character at a time
in Python (TTFont.splitString): a third of drawing a deck of cards. After the first few
cards almost every string uses only characters the subset already holds, so those strings
are encoded with str.translate instead, with the same bytes and no change to the subset.
Any string with a new character, or one outside the first subset, goes the usual way.
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

NO_BREAK_SPACE = 0xA0  # ReportLab prints it as a space


class SubsetFont(TTFont):
    def splitString(self, text, doc, encoding="utf-8"):
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is None:
            return super().splitString(text, doc, encoding)
        known = getattr(state, "known_first_subset", None)
        if known is None or known[0] != len(state.assignments):
            known = state.known_first_subset = _first_subset(state.assignments)
        _, characters, table = known
        if not text:
            return []
        if characters.issuperset(text):
            return [(0, text.translate(table).encode("latin-1"))]
        return super().splitString(text, doc, encoding)


def _first_subset(assignments: dict[int, int]) -> tuple[int, frozenset, dict[int, str]]:
    """(how many characters were assigned, those in the first subset, a translation to their codes)."""
    table = {code: chr(number) for code, number in assignments.items() if number < 256}
    if 32 in table:
        table[NO_BREAK_SPACE] = table[32]
    return len(assignments), frozenset(map(chr, table)), table
