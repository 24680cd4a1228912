"""Words of the build summary shared by every product, kept apart from document.py so
the flashcards, which draw on a canvas of their own, need not load ReportLab's platypus."""

from __future__ import annotations


def counted(number: int, thing: str) -> str:
    """'1 card', '2 cards', '1,000 cards': the build summary is read by people."""
    return f"{number:,} {thing}{'' if number == 1 else 's'}"
