"""Our quick line breaker must break exactly where ReportLab's general one does."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from revisionprint.render.fitting import CardParagraph, paragraph_style, text_frags
from revisionprint.render.fonts import register_family

TEXTS = [
    "Plain words only, long enough to wrap over several lines of a narrow card back for certain.",
    "**Khrushchev**'s speech attacked *Stalin*, whose **policies** Mao had *copied* closely, so Mao took it "
    "as an attack on himself and on the **Chinese** road to socialism",
    "*Italic start* then plain then **bold end**",
    "Spaces   between    words  and **bold**,  punctuation; *italic*: end.",
]


def lines_of(paragraph, width):
    paragraph.wrap(width, 1e6)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(frag.text for frag in line.words).strip() for line in lines]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [90, 160, 240])
def test_lines_match_reportlabs_own_breaker(text, width):
    register_family("Open Sans")
    style = paragraph_style("Open Sans", 10)
    ours = CardParagraph(text, style, frags=text_frags(text, style))
    theirs = Paragraph(text, style, frags=text_frags(text, style))
    theirs.style = style
    assert lines_of(ours, width) == lines_of(theirs, width)
    assert ours.height == pytest.approx(theirs.height)


def test_a_word_wider_than_the_line_stays_whole_so_it_can_be_reported():
    """ReportLab would cut such a word anywhere; we keep it whole and the fitting reports it."""
    register_family("Open Sans")
    style = paragraph_style("Open Sans", 10)
    text = "A **very-long-bold-compound-word-that-will-not-fit** in *italic* and plain"
    ours = CardParagraph(text, style, frags=text_frags(text, style))
    assert "very-long-bold-compound-word-that-will-not-fit" in lines_of(ours, 90)[1]
    assert min(line.extraSpace for line in ours.blPara.lines) < 0
