"""What teachers type prints: fallback fonts, sub- and superscripts, every font embedded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from conftest import EXAMPLE, pdf_text
from revisionprint.build import slugify
from revisionprint.render.fonts import register_family

# The characters a science, maths or language teacher types (issue 12).
SYMBOLS = ("ÀÉÎÕÜàéîõüçñøåæœßŁłŐőŠšŽžĀāĞğİı ΑΒΓΔΘΛΞΠΣΦΨΩαβγδεθλμπσφψω АБВГДЖЗИЯабвгджзия "
           "₀₁₂₃₄₅₆₇₈₉ ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ →←↑↓↔⇌⟶ ≤≥≠≈∝√π∑∫Δ°±×÷−∞ ✓✗☐ ½¼¾ µ")

REACTIONS = ["6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂", "C₆H₁₂O₆ + 6O₂ → 6CO₂ + 6H₂O + energy",
             "ATP ⇌ ADP + Pᵢ", "Glucose → 2 pyruvate (ΔG < 0)", "Na⁺/K⁺ pump: 3 Na⁺ out, 2 K⁺ in"]


def _biology_deck(count: int = 45) -> str:
    lines = ["title: Cell biology", "subject: Biology", "flashcards:"]
    for number in range(count):
        back = REACTIONS[number % len(REACTIONS)]
        lines += [f"  - front: \"Card {number}: what happens in {number} µm of the α-helix, β-sheet?\"",
                  f"    back: \"{back}; H~2~O and x^2^ at {number} °C ± 0.5\""]
    return "\n".join(lines) + "\n"


def _printed(text: str) -> str:
    return text.replace("~", "").replace("^", "")


def test_a_biology_deck_prints_every_character_without_keep_going(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    source = _biology_deck()
    result = run("flashcards", write_topic(source), "-o", target)
    assert result.exit_code == 0, result.output
    text = pdf_text(target).replace(" ", "")
    for line in source.splitlines()[3:]:
        value = line.split(":", 1)[1].strip().strip('"')
        assert _printed(value).replace(" ", "") in text


def _font_files() -> dict[str, Path]:
    """The font file behind each PostScript name the PDFs use."""
    files = {}
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if hasattr(font, "face") and hasattr(font.face, "charToGlyph"):
            own = font.face.name
            files[own.decode() if isinstance(own, bytes) else own] = font.face.charToGlyph
    return files


def _drawn_with_glyphs(path: Path) -> set[tuple[str, str]]:
    """(character, font) for every character printed, each checked to be in the font it is drawn in
    (pdfplumber shows a missing glyph as a NUL)."""
    maps = _font_files()
    drawn = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                font = char["fontname"].split("+", 1)[-1]
                if char["text"].strip():
                    assert ord(char["text"]) in maps[font], f"{path.name}: {char['text']!r} has no glyph in {font}"
                    drawn.add((char["text"], font))
    return drawn


def test_every_symbol_prints_with_a_glyph_in_regular_bold_and_italic(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    cards = []
    for style in ("{}", "**{}**", "*{}*"):
        cards.append("  - front: Symbols\n    back:\n" + "".join(f"      - \"{style.format(word)}\"\n"
                                                            for word in SYMBOLS.split()))
    result = run("flashcards", write_topic("title: Symbols\nflashcards:\n" + "".join(cards)), "-o", target,
                 "--stock", "plain-a4-a6")
    assert result.exit_code == 0, result.output
    seen = {(text, "Bold" in font, "Italic" in font or "Oblique" in font)
            for text, font in _drawn_with_glyphs(target)}
    for char in SYMBOLS.replace(" ", ""):
        assert (char, False, False) in seen
        assert any(printed == char and bold for printed, bold, _ in seen)
        # Italic where the font has an italic for it; DejaVu's upright where only it has the character.
        assert sum(1 for printed, _, _ in seen if printed == char) >= 3 or char in "✓✗☐"


def test_subscripts_print_smaller_and_lower_superscripts_higher(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    run("flashcards", write_topic("title: T\nflashcards:\n  - front: Q\n    back: H~2~O and x^3^ but a ~ lone tilde\n"),
        "-o", target)
    with pdfplumber.open(target) as pdf:
        chars = [char for char in pdf.pages[1].chars if char["text"].strip()]
    by_text = {char["text"]: char for char in chars}
    h, two, x, three = by_text["H"], by_text["2"], by_text["x"], by_text["3"]
    assert two["size"] < h["size"] * 0.8 and two["bottom"] > h["bottom"] + 1  # pdfplumber: y grows downwards
    assert three["size"] < x["size"] * 0.8 and three["bottom"] < x["bottom"] - 1
    assert "a ~ lone tilde" in pdf_text(target)
    assert "H2O and x3" in pdf_text(target)


def _fonts_of(path: Path) -> list:
    fonts = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            fonts.append(font.get_object())
    return fonts


def test_every_product_embeds_every_font_it_uses(run, tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out).exit_code == 0
    assert run("calibrate", "-o", out / "calibration.pdf").exit_code == 0
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) >= 5
    for pdf in pdfs:
        fonts = _fonts_of(pdf)
        assert fonts, pdf.name
        for font in fonts:
            assert font["/BaseFont"] != "/Helvetica", pdf.name
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{pdf.name}: {font['/BaseFont']} is not embedded"


def test_a_date_never_breaks_between_day_and_month(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    filler = "word " * 9
    topic = write_topic(f"title: T\nflashcards:\n  - front: Q\n    back: {filler}on 28 June 1914 and {filler}\n")
    assert run("flashcards", topic, "-o", target, "--stock", "plain-a4-business").exit_code == 0
    with pdfplumber.open(target) as pdf:
        lines = (pdf.pages[1].extract_text() or "").splitlines()
    assert any("28 June" in line for line in lines), lines


def test_file_names_keep_a_separator_between_numbers():
    assert slugify("Imperial Germany, 1871\u20131914") == "imperial-germany-1871-1914"
    assert slugify("Mao's China") == "mao-s-china"
    assert slugify("\u00c9lan vital") == "elan-vital"


def test_validate_says_ok_or_not_for_each_file(run, write_topic):
    good = write_topic("title: Good\nflashcards:\n  - front: Q\n    back: A\n", "good.yaml")
    bad = write_topic("title: Bad\nflashcards:\n  - front: \u4e2d\n    back: A\n", "bad.yaml")
    other = write_topic("title: Other\nflashcards:\n  - front: Q\n    back: 6CO\u2082 \u2192 x\n", "other.yaml")
    result = run("validate", good, bad, other)
    assert result.exit_code == 1
    assert f"{good}: OK" in result.output and f"{other}: OK" in result.output
    assert f"{bad}: 1 problem" in result.output and f"{bad}:3:12: flashcards[0].front" in result.output


def test_fonts_command_lists_the_fonts_and_what_they_cover(run):
    result = run("fonts")
    assert result.exit_code == 0
    assert "Open Sans" in result.output and "DejaVu Sans" in result.output
    assert "arrows" in result.output


def test_the_topic_code_uses_only_letters_the_font_has(run, write_topic, tmp_path):
    target = tmp_path / "cards.pdf"
    topic = write_topic("title: \u4e2d\u6587 Chinese history\nflashcards:\n  - front: Q\n    back: A\n")
    result = run("flashcards", topic, "-o", target, "--keep-going")
    assert result.exit_code == 0
    assert "CH 1" in pdf_text(target) and "\u4e2d" not in pdf_text(target).split("CH 1")[0][-3:]


DEJAVU = Path(__file__).resolve().parent.parent / "src" / "revisionprint" / "data" / "fonts" / "dejavu"


def _fontnames(path: Path, page: int = 1) -> dict[str, str]:
    with pdfplumber.open(path) as pdf:
        return {char["text"]: char["fontname"].split("+", 1)[-1] for char in pdf.pages[page].chars}


def test_a_layout_may_print_in_the_teachers_own_font(run, write_topic, tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(DEJAVU / "DejaVuSans.ttf", fonts / "MySchoolFont.ttf")
    shutil.copy(DEJAVU / "DejaVuSans-Bold.ttf", fonts / "MySchoolFont-Bold.ttf")
    layout = tmp_path / "mine.yaml"
    layout.write_text("font:\n  files:\n    regular: fonts/MySchoolFont.ttf\n    bold: fonts/MySchoolFont-Bold.ttf\n")
    target = tmp_path / "cards.pdf"
    topic = write_topic("title: T\nflashcards:\n  - front: Question\n    back: answer\n")
    result = run("flashcards", topic, "-o", target, "--layout", layout)
    assert result.exit_code == 0, result.output
    assert _fontnames(target, 0)["Q"] == "DejaVuSans-Bold" and _fontnames(target, 1)["a"] == "DejaVuSans"
    assert "MySchoolFont" in run("fonts", "--layout", layout).output


def test_a_layout_fallback_comes_before_the_built_in_one(run, write_topic, tmp_path):
    shutil.copy(DEJAVU / "DejaVuSans-Oblique.ttf", tmp_path / "Extra.ttf")
    layout = tmp_path / "mine.yaml"
    layout.write_text("font:\n  fallbacks: [Extra.ttf]\n")
    target = tmp_path / "cards.pdf"
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: a \u2192 b\n")
    assert run("flashcards", topic, "-o", target, "--layout", layout).exit_code == 0
    names = _fontnames(target)
    assert names["a"] == "OpenSans-Regular" and names["\u2192"] == "DejaVuSans-Oblique"


def test_a_font_that_cannot_be_embedded_is_an_error_naming_the_file(run, write_topic, tmp_path):
    # An OpenType font with PostScript (CFF) outlines: the table directory is what tells.
    header = b"OTTO" + (2).to_bytes(2, "big") + bytes(6)
    tables = b"".join(tag + bytes(4) + (44).to_bytes(4, "big") + (4).to_bytes(4, "big") for tag in (b"CFF ", b"cmap"))
    (tmp_path / "Fancy.otf").write_bytes(header + tables + bytes(8))
    layout = tmp_path / "mine.yaml"
    layout.write_text("font:\n  family: Open Sans\n  files:\n    regular: Fancy.otf\n  fallbacks: [missing.ttf]\n")
    result = run("flashcards", write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n"),
                 "-o", tmp_path / "c.pdf", "--layout", layout)
    assert result.exit_code == 1
    assert f"{layout}:4:14: font.files.regular: 'Fancy.otf': has PostScript (CFF) outlines" in result.output
    assert f"{layout}:5:15: font.fallbacks[0]: 'missing.ttf': there is no such file" in result.output


def test_right_to_left_text_is_refused_not_printed_backwards(run, write_topic, tmp_path):
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    back: \u05e9\u05dc\u05d5\u05dd\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf")
    assert result.exit_code == 1
    assert f"{topic}:4:11: flashcards[0].back: has right-to-left text" in result.output


def test_chinese_text_breaks_between_characters_not_before_closing_punctuation():
    from revisionprint.model import SizeRange
    from revisionprint.render.fitting import TextBlock, fit_block

    text = "毛泽东是中华人民共和国的创始人，领导了长征、大跃进和文化大革命，于一九七六年去世。" * 2
    fitted = fit_block(TextBlock([text], bullets=False), "Open Sans", "#000000", 150, 400, SizeRange(11, 11))
    assert fitted.fits and fitted.words_fit
    lines = ["".join(word.text for word in line.words) for line in fitted.flowables[0].blPara.lines]
    assert len(lines) > 3 and "".join(lines) == text
    assert not any(line[0] in "，、。" for line in lines)


def test_every_product_draws_science_text_with_glyphs(run, write_topic, tmp_path):
    """Factor names and events reach the furniture, keys, legends and tables: every character
    printed anywhere is drawn in a font that has it."""
    topic = write_topic(
        "title: Climate \u2192 CO\u2082\nsubject: Geography \u2713\nquestion: How far did CO\u2082 (\u2191) cause it?\n"
        "flashcards:\n  - front: \"CO\u2082 \u2192 warming?\"\n    back: Yes \u2713 (\u0394T \u2248 1.1 \u00b0C)\n"
        "    tags: [CO\u2082 \u2191]\n"
        "factors:\n  - name: CO\u2082 \u2191\n    summary: \u0394T \u221d log CO\u2082\n    evidence: [\u2248 420 ppm]\n"
        "  - name: Methane CH\u2084\n    summary: 80\u00d7 stronger \u2192 short-lived\n"
        "timeline:\n  - date: 1958\n    event: Keeling curve \u2191 CO\u2082\n    factor: CO\u2082 \u2191\n"
        "  - date: 2015\n    event: Paris \u2264 2 \u00b0C\n    factor: Methane CH\u2084\n")
    out = tmp_path / "out"
    result = run("build", topic, "-o", out)
    assert result.exit_code == 0, result.output
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) >= 5
    drawn = {text for pdf in pdfs for text, _ in _drawn_with_glyphs(pdf)}
    assert set("\u2192\u2082\u2191\u2713\u0394\u2248\u221d\u2084\u00d7\u2264") <= drawn
