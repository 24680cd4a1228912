"""Our quick line breaker must break exactly where ReportLab's general one does."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from revisionprint.render.paragraph import CardParagraph
from revisionprint.render.fitting import paragraph_style, text_frags
from revisionprint.render.fonts import register_family

TEXTS = [
    "Plain words only, long enough to wrap over several lines of a narrow card back for certain.",
    "**Khrushchev**'s speech attacked *Stalin*, whose **policies** Mao had *copied* closely, so Mao took it "
    "as an attack on himself and on the **Chinese** road to socialism",
    "*Italic start* then plain then **bold end**",
    "Spaces   between    words  and **bold**,  punctuation; *italic*: end.",
    "**Runs** *side* **by**side *with* only **spaces** *between* **them**, then (*one*)**two** three",
    "The de\u00adStalin\u00adisation speech by Khrush\u00adchev attacked peace\u00adful co\u00adexistence and "
    "**Sta\u00adlin**'s legacy",
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


def _chars_drawn(draw) -> list[tuple]:
    import io

    import pdfplumber
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(300, 400), invariant=1)
    draw(canvas)
    canvas.save()
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        return [(c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"].split("+")[-1], round(c["size"], 2),
                 c["non_stroking_color"]) for c in pdf.pages[0].chars]


# Sub- and superscripts, and letters Open Sans lacks (drawn in the fallback font, DejaVu Sans).
SCRIPTED_TEXTS = ["H~2~O and CO~2~ beside x^2^ + y^2^ = r^2^, then **bold** plain",
                  "Σ x~i~ ≈ √2 ⇒ ∀ε > 0 and **Ж** or *λ* in a row: ∑∫∂ with plain words to wrap"]


@pytest.mark.parametrize("align, bullets, bold, texts", [("centre", False, True, TEXTS), ("left", True, False, TEXTS),
                                                         ("left", False, False, TEXTS),
                                                         ("left", True, False, SCRIPTED_TEXTS),
                                                         ("centre", False, True, SCRIPTED_TEXTS)])
def test_quick_drawing_puts_every_character_where_paragraph_draws_it(align, bullets, bold, texts):
    """CardTexts written the quick way against the same texts as CardParagraphs drawn by Paragraph.drawOn."""
    from revisionprint.render.cardtext import CardText
    from revisionprint.render.textwriter import TextWriter, write_stacked
    from revisionprint.render.fitting import TextBlock, measure

    register_family("Open Sans")
    block = TextBlock(texts, bullets=bullets, align=align, bold=bold)

    def wrapped(flowables):
        heights, _ = measure(flowables, 200)
        return flowables, heights

    def by_paragraph(canvas):
        top = 380
        paragraphs = block.flowables("Open Sans", 9.5, "#203040")
        assert all(isinstance(paragraph, Paragraph) for paragraph in paragraphs)
        for flowable, height in zip(*wrapped(paragraphs)):
            flowable.drawOn(canvas, 40, top - height)
            top -= height + flowable.getSpaceAfter()

    def quickly(canvas):
        flowables, heights = wrapped(block.card_texts("Open Sans", 9.5, "#203040"))
        assert all(isinstance(flowable, CardText) and flowable.writable for flowable in flowables)
        writer = TextWriter(canvas)
        write_stacked(writer, flowables, heights, 40, 380)
        writer.draw()

    expected = _chars_drawn(by_paragraph)
    assert len(expected) > 100
    drawn = _chars_drawn(quickly)
    assert [(c[0], *c[3:]) for c in drawn] == [(c[0], *c[3:]) for c in expected]
    # Within a hundredth of a point (0.004 mm): the two ways round a centred line's widths differently.
    assert all(abs(a[1] - b[1]) <= 0.011 and abs(a[2] - b[2]) <= 0.011 for a, b in zip(drawn, expected)), \
        [(a, b) for a, b in zip(drawn, expected) if a[1:3] != b[1:3]][:3]



@pytest.mark.parametrize("texts", [TEXTS, SCRIPTED_TEXTS])
@pytest.mark.parametrize("width", [60, 90, 160, 240])
@pytest.mark.parametrize("bullets", [False, True])
def test_a_card_text_wraps_as_its_card_paragraph_does(texts, width, bullets):
    """The card path's CardText and the CardParagraph it turns into for ReportLab's machinery."""
    from revisionprint.render.fitting import TextBlock

    register_family("Open Sans")
    block = TextBlock(texts, bullets=bullets)
    for text in block.card_texts("Open Sans", 10, "#000000"):
        paragraph = text.as_paragraph()
        assert text.wrap(width, 1e6) == paragraph.wrap(width, 1e6)
        assert lines_of(text, width) == lines_of(paragraph, width)
        # Line records and their runs, every field (a record's repr lists its fields, sorted).
        assert [repr(line) for line in text.blPara.lines] == [repr(line) for line in paragraph.blPara.lines]
        assert text.getSpaceAfter() == paragraph.getSpaceAfter()
        # Known from the wrap's widest line, without looking at every line again.
        from revisionprint.render.lines import lines_fit

        assert text.fits_across == lines_fit(text) == lines_fit(paragraph)


def test_a_card_text_drawn_by_paragraph_matches_its_quick_writing_when_a_word_sticks_out():
    """A word wider than the box makes a text unwritable: it is drawn by Paragraph.drawOn instead."""
    from revisionprint.render.fitting import TextBlock

    register_family("Open Sans")
    text = TextBlock(["A Averyveryveryveryverylongwordthatcannotfit here"], bullets=False).card_texts(
        "Open Sans", 10, "#000000")[0]
    text.wrap(80, 1e6)
    assert not text.writable
    paragraph = text.as_paragraph()
    paragraph.wrap(80, 1e6)
    assert _chars_drawn(lambda canvas: text.drawOn(canvas, 10, 300)) == \
        _chars_drawn(lambda canvas: paragraph.drawOn(canvas, 10, 300))


def test_no_break_spaces_hold_words_together():
    register_family("Open Sans")
    style = paragraph_style("Open Sans", 10)
    text = "From 1914\u00a0\u2013\u00a01918 the front moved 10\u00a0km, said Louis\u00a0XIV, " * 3
    for width in (60, 90, 130, 200):
        for line in lines_of(CardParagraph(text, style, frags=text_frags(text, style)), width):
            assert not line.startswith(("\u2013", "1918", "km", "XIV")), (width, line)


def test_soft_hyphens_are_invisible_except_where_a_line_breaks():
    register_family("Open Sans")
    style = paragraph_style("Open Sans", 10)
    text = "Khrush\u00adchev's de\u00adStalin\u00adisation speech"
    wide = lines_of(CardParagraph(text, style, frags=text_frags(text, style)), 400)
    assert wide == ["Khrushchev's deStalinisation speech"]
    narrow = lines_of(CardParagraph(text, style, frags=text_frags(text, style)), 55)
    assert narrow == ["Khrush-", "chev's de-", "Stalin-", "isation", "speech"]
    assert any(line.endswith("-") for line in narrow) and "\u00ad" not in "".join(narrow)


@pytest.mark.parametrize("words", [5, 40, 80, 120, 160, 200, 260])
def test_the_size_found_is_the_largest_that_fits(words):
    """Whatever shortcut the search takes, it must land where trying every size would."""
    from revisionprint.model import SizeRange
    from revisionprint.render.fitting import TextBlock, fit_block, measure

    register_family("Open Sans")
    text = " ".join(f"word{n}" if n % 9 else f"**bold{n}**" for n in range(words))
    block = TextBlock([text, text[: len(text) // 3]], bullets=True)
    sizes = SizeRange(largest=14.0, smallest=6.0)
    width, height = 220.0, 140.0

    def fits(size):
        flowables = block.flowables("Open Sans", size, "#000000")
        heights, across = measure(flowables, width)
        return across and sum(heights) + sum(f.getSpaceAfter() for f in flowables[:-1]) <= height + 0.01

    every_half_point = [14.0 - step / 2 for step in range(17)]  # 14, 13.5 ... 6: sizes a teacher can tell apart
    expected = next((size for size in every_half_point if fits(size)), None)
    fitted = fit_block(block, "Open Sans", "#000000", width, height, sizes)
    assert fitted.fits == (expected is not None)
    if expected is not None:
        assert fitted.size == expected
