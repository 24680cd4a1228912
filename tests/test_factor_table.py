"""Factor tables: every note in its column, headings on every page, and a blank copy with room to write."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pdfplumber
import pytest

from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import BLANK_FACTOR_TABLE, BLANKABLE_COLUMNS, FACTOR_COLUMNS, FactorTableOptions, factor_column
from revisionprint.render.factors.table import render as render_factor_table

from conftest import printed_in_order

MM = 72 / 25.4
HEADINGS = {"factor": "Factor", "summary": "Key point", "evidence": "Evidence",
            "for": "For (main factor)", "against": "Against"}
WRITING_LINE_GREY = 0xBB / 0xFF

FACTORS = [
    {
        "name": "Ideology",
        "summary": "Mao rejected de-Stalinisation and peaceful coexistence as revisionism.",
        "evidence": ["Secret Speech of 1956 criticised Stalin without consulting Beijing.",
                     "The 'Long Live Leninism!' articles appeared in April 1960.",
                     "Open polemics of 1963-64, the Nine Letters, attacked Moscow by name."],
        "for": ["Both sides framed every dispute in ideological terms."],
        "against": ["Ideology often justified decisions taken for national interest."],
    },
    {
        "name": "Leadership rivalry",
        "summary": "Mao wanted China to lead world revolution after the death of Stalin.",
        "evidence": ["Mao told Moscow in 1957 that the east wind prevails over the west wind.",
                     "At Bucharest in 1960 Khrushchev attacked Peng Zhen in front of the delegates."],
        "for": ["Personal hostility between Mao and Khrushchev was intense."],
        "against": ["The split went on after Khrushchev fell in October 1964."],
    },
    {
        "name": "National interest",
        "summary": "Disputes over nuclear help, Taiwan, India and the long border.",
        "evidence": ["Soviet technical advisers were withdrawn in July 1960.",
                     "Zhenbao Island clashes on the Ussuri river, March 1969."],
        "for": ["The split became a military confrontation in 1969.",
                "China sought rapprochement with the United States by 1971."],
        "against": ["Border disputes had existed since 1949 without any split."],
    },
]


def answers(factor: dict) -> list[str]:
    return [factor["summary"], *factor["evidence"], *factor["for"], *factor["against"]]


def topic_yaml(factors: list[dict], question: str = "Why did the Sino-Soviet split happen by 1969?") -> str:
    lines = ["title: Sino-Soviet relations", "subject: History"]
    if question:
        lines.append(f"question: {json.dumps(question)}")
    lines.append("factors:")
    for factor in factors:
        lines.append(f"  - name: {json.dumps(factor['name'])}")
        if "summary" in factor:
            lines.append(f"    summary: {json.dumps(factor['summary'])}")
        for key in ("evidence", "for", "against", "links"):
            if key in factor:
                lines.append(f"    {key}:")
                lines += [f"      - {json.dumps(item)}" for item in factor[key]]
        if "rank" in factor:
            lines.append(f"    rank: {factor['rank']}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def make_topic(tmp_path):
    def make(factors: list[dict], **kwargs):
        path = tmp_path / "topic.yaml"
        path.write_text(topic_yaml(factors, **kwargs), encoding="utf-8")
        return load_topic(str(path))

    return make


def render(topic, layout_name: str = "default", blank: bool = False):
    return render_factor_table(topic, load_layout(layout_name), BLANK_FACTOR_TABLE if blank else FactorTableOptions())


def squash(text: str) -> str:
    """Words joined by single spaces: text wrapped across lines still matches. Keeps every character."""
    return " ".join(text.split())


def pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [squash(page.extract_text() or "") for page in pdf.pages]


def column_bounds(layout_name: str = "default") -> dict[str, tuple[float, float]]:
    """Where each column lies across a landscape page: the layout's shares of the space inside the margins."""
    layout = load_layout(layout_name)
    page_width = max(layout.page_width, layout.page_height)
    width = page_width - layout.margins.left - layout.margins.right
    bounds, x = {}, layout.margins.left
    for column, share in zip(layout.factors.columns, layout.factors.widths):
        step = width * share / sum(layout.factors.widths)
        bounds[column] = (x, x + step)
        x += step
    return bounds


def column_text(data: bytes, column: str, layout_name: str = "default") -> str:
    """All text inside one column, page after page, so a cell's lines read in order."""
    x0, x1 = column_bounds(layout_name)[column]
    first_word = factor_column(column).heading.split()[0]
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            # From the column's heading down (the question above spans every column); on later
            # pages from under the repeated heading, so a row's text reads on from the page before.
            heading = min((w for w in page.extract_words() if w["text"] == first_word), key=lambda w: w["top"],
                          default=None)
            top = 0 if heading is None else heading["top"] if number == 0 else heading["bottom"]
            texts.append(page.within_bbox((x0 - 0.5, top, x1 + 0.5, page.height)).extract_text() or "")
    return squash(" ".join(texts))


def test_completed_table_prints_every_note_in_its_own_column(make_topic):
    rendered = render(make_topic(FACTORS))
    text = " ".join(pages_text(rendered.data))
    assert "Why did the Sino-Soviet split happen by 1969?" in text
    assert "Sino-Soviet relations" in text
    columns = {column: column_text(rendered.data, column) for column in HEADINGS}
    for column, heading in HEADINGS.items():
        assert heading in columns[column]
    for factor in FACTORS:
        assert factor["name"] in columns["factor"]
        assert squash(factor["summary"]) in columns["summary"]
        for key in ("evidence", "for", "against"):
            for item in factor[key]:
                assert squash(item) in columns[key], (key, item)
    assert rendered.contents == "3 factors on 1 page"
    assert rendered.printing == "A4 landscape, single-sided, at 100% / actual size"


def test_rows_follow_the_order_of_the_notes(make_topic):
    names = column_text(render(make_topic(FACTORS)).data, "factor")
    positions = [names.index(factor["name"]) for factor in FACTORS]
    assert positions == sorted(positions)


def test_blank_table_keeps_names_and_headings_but_no_answers(make_topic):
    rendered = render(make_topic(FACTORS), blank=True)
    text = " ".join(pages_text(rendered.data))
    assert "Why did the Sino-Soviet split happen by 1969?" in text
    assert "Complete the table" in text
    for heading in HEADINGS.values():
        assert heading in text
    for factor in FACTORS:
        assert factor["name"] in text
        for answer in answers(factor):
            assert squash(answer) not in text
    # Not even a fragment: words that occur only in the answers never print.
    printed_words = set(text.replace(",", " ").split())
    for word in ("revisionism.", "Bucharest", "Zhenbao", "Ussuri", "rapprochement", "polemics", "Khrushchev"):
        assert word not in printed_words


def test_every_blank_page_has_name_class_and_date(make_topic):
    long_factors = [dict(FACTORS[0], name=f"Factor number {n}") for n in range(8)]
    rendered = render(make_topic(long_factors), blank=True)
    texts = pages_text(rendered.data)
    assert len(texts) > 1
    for text in texts:
        assert "Name" in text and "Class" in text and "Date" in text
    assert not any("Name" in text for text in pages_text(render(make_topic(FACTORS)).data))


def writing_lines(page, column: str) -> list[float]:
    """Tops of the light grey ruled lines inside one column of a page."""
    x0, x1 = column_bounds()[column]
    return sorted(line["top"] for line in page.lines
                  if line["x0"] >= x0 - 0.5 and line["x1"] <= x1 + 0.5 and line["top"] == line["bottom"]
                  and all(abs(c - WRITING_LINE_GREY) < 0.01 for c in line["stroking_color"]))


def test_blank_cells_get_the_layouts_lines_for_their_column_whatever_the_answer(make_topic):
    """The writing space is set by the task, not by the model answer: a long and a short answer get the same."""
    evidence = [f"Evidence point {n} is long enough to wrap over two lines of this column." for n in range(5)]
    topic = make_topic([{"name": "Long answer", "summary": "Short.", "evidence": evidence},
                        {"name": "Brief", "summary": "One line.", "evidence": ["One."]}])
    layout = load_layout("default")
    with pdfplumber.open(io.BytesIO(render(topic, blank=True).data)) as pdf:
        page = pdf.pages[0]
        ruled = writing_lines(page, "evidence")
        summary = writing_lines(page, "summary")
    lines = layout.factors.writing_lines
    assert len(ruled) == 2 * lines["evidence"]
    assert len(summary) == 2 * lines["summary"]
    first_row = ruled[:lines["evidence"]]
    assert {round(b - a, 1) for a, b in zip(first_row, first_row[1:])} == {round(8 * MM, 1)}
    # The rows are equally tall: the second row's lines sit one row height below the first's.
    row_height = ruled[lines["evidence"]] - ruled[0]
    assert summary[lines["summary"]] - summary[0] == pytest.approx(row_height, abs=0.1)


def test_writing_lines_per_column_come_from_the_layout(make_topic, tmp_path):
    layout_file = tmp_path / "lines.yaml"
    layout_file.write_text("factors:\n  writing_lines: {evidence: 6, summary: 2}\n", encoding="utf-8")
    topic = make_topic(FACTORS[:1])
    rendered = render_factor_table(topic, load_layout(str(layout_file)), BLANK_FACTOR_TABLE)
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        assert len(writing_lines(pdf.pages[0], "evidence")) == 6
        assert len(writing_lines(pdf.pages[0], "summary")) == 2


def long_table() -> list[dict]:
    return [{"name": f"Factor {n}", "summary": f"Summary {n} of a long table.",
             "evidence": [f"Evidence {n}.{k}: a long piece of evidence that wraps over two or three lines "
                          f"in the evidence column of the table." for k in range(6)],
             "for": [f"For {n}: the row is long."], "against": [f"Against {n}: rows split cleanly."]}
            for n in range(12)]


def test_long_table_repeats_the_heading_row_once_at_the_top_of_every_page(make_topic):
    rendered = render(make_topic(long_table()))
    texts = pages_text(rendered.data)
    assert len(texts) >= 3
    with_rows = [text for text in texts if not only_the_judgement_line(text)]
    assert with_rows == texts[:len(with_rows)]  # a page of only the judgement line comes last, if at all
    for text in texts:
        assert text.count("Why did the Sino-Soviet split happen by 1969?") == 1  # the question heads every page
        assert text.count("Sino-Soviet relations") == 2  # the title in the header and footer, not a third time
    for text in with_rows:
        assert text.count("For (main factor)") == 1
        assert "Evidence" in text and "Key point" in text
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for page in pdf.pages[1:len(with_rows)]:
            heading = next(w for w in page.extract_words() if w["text"] == "Key")
            assert heading["top"] < 40 * MM  # just under the question, not part-way down


def only_the_judgement_line(page_text: str) -> bool:
    """A last page with no rows: the question, then straight on to the judgement line."""
    return "How far did each factor" in page_text and "Key point" not in page_text


def test_no_page_is_left_a_quarter_empty_while_rows_follow(make_topic):
    """A row that does not fit the rest of a page starts on it and continues under the headings."""
    factors = long_table()
    rendered = render(make_topic(factors))
    texts = pages_text(rendered.data)
    layout = load_layout("default")
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for page in pdf.pages[:-1]:
            grid = [line["bottom"] for line in page.lines if line["top"] == line["bottom"]]
            assert max(grid) > page.height - layout.margins.bottom - 0.25 * (page.height - 30 * MM)
    for factor in factors:  # every note is printed, the rows' parts in order
        joined = " ".join(texts)
        assert all(squash(item) in joined or printed_in_order(squash(item), joined) for item in factor["evidence"])


def test_a_cell_taller_than_a_page_breaks_between_lines(make_topic):
    bullets = [f"Bullet {n:03d} of a very long list of evidence, with words to wrap." for n in range(150)]
    factors = [{"name": "Enormous factor", "summary": "Too much evidence.", "evidence": bullets,
                "against": ["Last word."]}]
    topic = make_topic(factors)
    rendered = render(topic)
    assert rendered.pages >= 5
    evidence = column_text(rendered.data, "evidence")
    positions = [evidence.index(bullet) for bullet in bullets]
    assert positions == sorted(positions)
    # The row's later pages still say which factor they belong to.
    names = column_text(rendered.data, "factor")
    assert names.count("Enormous factor (continued)") == rendered.pages - 1
    blank = render(topic, blank=True)
    assert blank.pages == 1  # the blank row has the layout's lines, not the answer's length
    assert "Bullet" not in " ".join(pages_text(blank.data))


def test_markup_characters_print_literally_and_stars_make_bold(make_topic):
    factor = {"name": "Markup", "summary": "Tags <b>x</b> & <img src=x> stay text; **stressed** words are bold.",
              "evidence": ["An *italic* word."]}
    rendered = render(make_topic([factor]))
    summary = column_text(rendered.data, "summary")
    assert "Tags <b>x</b> & <img src=x> stay text; stressed words are bold." in summary
    assert "*" not in summary + column_text(rendered.data, "evidence")
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        fonts = {w["text"]: w["fontname"] for w in pdf.pages[0].extract_words(extra_attrs=["fontname"])}
    assert fonts["stressed"].endswith("-Bold")
    assert fonts["words"].endswith("-Regular")
    assert fonts["italic"].endswith("-Italic")


@pytest.mark.parametrize("layout_name, size", [("default", (842, 595)), ("letter", (792, 612))])
def test_pages_are_landscape_on_the_layout_paper(make_topic, layout_name, size):
    for blank in (False, True):
        rendered = render(make_topic(FACTORS), layout_name, blank=blank)
        with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
            for page in pdf.pages:
                assert (round(page.width), round(page.height)) == size
        assert rendered.printing.startswith(f"{'A4' if layout_name == 'default' else 'Letter'} landscape")


def test_without_a_question_the_title_is_the_heading(make_topic):
    rendered = render(make_topic(FACTORS[:1], question=""))
    first_page = pages_text(rendered.data)[0]
    assert "Sino-Soviet relations Factor Key point" in first_page
    assert rendered.contents == "1 factor on 1 page"


def test_characters_the_font_lacks_are_reported_where_they_print(make_topic, tmp_path):
    factor = {"name": "Mao \u6bdb", "summary": "Fine.", "evidence": ["Fine.", "Middle \u4e2d here."]}
    topic = make_topic([factor])
    messages = render(topic).problems
    assert len(messages) == 2
    name_message, evidence_message = messages
    assert "factors[0].name" in name_message and "U+6BDB" in name_message
    assert f"{Path(topic.file).name}:" in evidence_message or topic.file in evidence_message
    assert "factors[0].evidence[1]" in evidence_message and "U+4E2D" in evidence_message
    assert ":9:9:" in evidence_message  # the line and column of that evidence item in topic.yaml

    blank_messages = render(topic, blank=True).problems
    # The blank sheet prints only the name, so only the name is reported.
    assert [m for m in blank_messages if "evidence" in m] == []
    assert any("factors[0].name" in m for m in blank_messages)


def test_a_topic_without_factors_does_not_crash(tmp_path):
    path = tmp_path / "cards.yaml"
    path.write_text("title: Cards only\nflashcards:\n  - front: Q?\n    back: A.\n", encoding="utf-8")
    rendered = render(load_topic(str(path)))
    assert rendered.pages == 1
    assert rendered.contents.startswith("0 factors")


def words_under_factor_heading(data: bytes) -> list[list[str]]:
    """For each page, the words of the Factor column below its heading."""
    x0, x1 = column_bounds()["factor"]
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = [w["text"] for w in page.within_bbox((x0, 0, x1, page.height)).extract_words()]
            if "Factor" in words:  # (a page of only the judgement line has no rows)
                pages.append(words[words.index("Factor") + 1:])
    return pages


@pytest.mark.parametrize("blank", [False, True])
def test_long_rows_break_cleanly_wherever_the_page_ends(make_topic, blank):
    """Whatever comes before it, a row longer than a page (with a name long enough to wrap) builds."""
    bullets = [f"Point {n:02d} of a long list of evidence that needs many lines to print." for n in range(45)]
    long_name = "A factor with a long name that wraps over several lines of its narrow column"
    for before in range(0, 12, 3):
        factors = [{"name": "Opening factor", "summary": "Short.", "evidence": [f"Item {k}." for k in range(before)]},
                   {"name": long_name, "summary": "Long.", "evidence": bullets}]
        rendered = render(make_topic(factors), blank=blank)
        texts = pages_text(rendered.data)
        assert " ".join(texts).count("For (main factor)") == len([t for t in texts if not only_the_judgement_line(t)])
        for words in words_under_factor_heading(rendered.data):
            assert words[0] in ("Opening", "A"), (before, words)  # each page starts with a whole name
        if not blank:
            evidence = column_text(rendered.data, "evidence")
            assert all(bullet in evidence for bullet in bullets), before




def write_layout(tmp_path, text: str, name: str = "custom.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def six_long_factors() -> list[dict]:
    return [{"name": f"Factor {n} with a name of several words", "summary": f"Summary {n}: " + "a key point. " * 8,
             "evidence": [f"Evidence {n}.{k}: a long piece of evidence that wraps over several lines of the "
                          f"evidence column, as real notes do." for k in range(12)],
             "for": [f"For {n}.{k}: " + "an argument that runs on. " * 4 for k in range(4)],
             "against": [f"Against {n}.{k}: " + "a counter-argument. " * 4 for k in range(4)]}
            for n in range(6)]


@pytest.mark.parametrize("factors", [None, six_long_factors()], ids=["example", "six-long-factors"])
def test_blank_tables_fit_on_two_a4_landscape_pages(make_topic, factors):
    topic = load_topic(str(Path(__file__).parent.parent / "content" / "sino-soviet-relations.yaml")) \
        if factors is None else make_topic(factors)
    rendered = render(topic, blank=True)
    assert rendered.pages <= 2
    assert rendered.printing.startswith("A4 landscape")
    text = " ".join(pages_text(rendered.data))
    for factor in topic.factors:
        assert squash(factor.name) in text


def test_partial_scaffold_blanks_only_the_chosen_columns(make_topic):
    options = FactorTableOptions(blank_columns=("evidence", "for"))
    rendered = render_factor_table(make_topic(FACTORS), load_layout("default"), options)
    text = " ".join(pages_text(rendered.data))
    for factor in FACTORS:
        assert factor["name"] in text
        assert squash(factor["summary"]) in column_text(rendered.data, "summary")
        for item in factor["against"]:
            assert squash(item) in column_text(rendered.data, "against")
        for item in factor["evidence"] + factor["for"]:
            assert squash(item) not in text
    assert "Name" in text and "Class" in text and "Date" in text  # a student sheet
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        assert len(writing_lines(pdf.pages[0], "evidence")) > 0
        assert writing_lines(pdf.pages[0], "summary") == []


@pytest.mark.parametrize("column", [c.key for c in FACTOR_COLUMNS if c.key != "factor"])
@pytest.mark.parametrize("blank", [False, True])
def test_every_column_choice_builds(make_topic, tmp_path, column, blank):
    layout = load_layout(write_layout(tmp_path, f"factors:\n  columns: [factor, {column}]\n  widths: [1, 2]\n"))
    factors = [dict(factor, links=[FACTORS[(n + 1) % 3]["name"]], rank=n + 1) for n, factor in enumerate(FACTORS)]
    rendered = render_factor_table(make_topic(factors), layout, BLANK_FACTOR_TABLE if blank else FactorTableOptions())
    text = " ".join(pages_text(rendered.data))
    assert factor_column(column).heading in text
    assert all(factor["name"] in text for factor in FACTORS)
    if column == "summary":
        assert (FACTORS[0]["summary"] in text) != blank


@pytest.mark.parametrize("column", BLANKABLE_COLUMNS)
def test_every_blank_columns_choice_builds(make_topic, column):
    layout = load_layout("default")
    options = FactorTableOptions(blank_columns=(column,))
    rendered = render_factor_table(make_topic(FACTORS), layout, options)
    assert rendered.problems == ()
    text = " ".join(pages_text(rendered.data))
    assert "Name" in text and all(factor["name"] in text for factor in FACTORS)
    if column in ("summary", "evidence", "for", "against"):
        blanked = FACTORS[0][column] if column == "summary" else FACTORS[0][column][0]
        assert squash(blanked) not in text
        kept = "against" if column != "against" else "evidence"
        assert squash(FACTORS[0][kept][0]) in column_text(rendered.data, kept)


def test_a_factor_with_60_evidence_items_splits_with_the_header_repeated_and_nothing_lost(make_topic):
    evidence = [f"Item {n:02d}: a piece of evidence with enough words to wrap in its column." for n in range(60)]
    rendered = render(make_topic([{"name": "Huge", "summary": "Much.", "evidence": evidence}]))
    texts = pages_text(rendered.data)
    assert rendered.pages >= 3
    for text in texts:
        assert text.count("Why did the Sino-Soviet split happen by 1969?") == 1
    for page_text in texts[:-1]:
        assert page_text.count("Evidence") >= 1 and page_text.count("Key point") == 1
    evidence_text = column_text(rendered.data, "evidence")
    positions = [evidence_text.index(squash(item)) for item in evidence]
    assert positions == sorted(positions)
    assert column_text(rendered.data, "factor").count("Huge (continued)") >= 1


def test_rows_broken_by_a_page_are_closed_by_a_border(make_topic):
    evidence = [f"Item {n:02d}: a piece of evidence with enough words to wrap in its column." for n in range(60)]
    rendered = render(make_topic([{"name": "Huge", "summary": "Much.", "evidence": evidence}]))
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for page in pdf.pages[:-1]:
            words = page.extract_words()
            lowest_word = max(w["bottom"] for w in words if w["bottom"] < page.height - 14 * MM)
            rules = [line for line in page.lines if line["top"] == line["bottom"] and line["top"] > lowest_word]
            assert rules, "the part of the row on this page has a bottom border"


@pytest.mark.parametrize("layout_text", ["margins: {right: 9mm}\n", ""])
def test_the_example_builds_with_narrow_margins(layout_text, tmp_path):
    layout = load_layout(write_layout(tmp_path, layout_text or "description: plain\n"))
    topic = load_topic(str(Path(__file__).parent.parent / "content" / "sino-soviet-relations.yaml"))
    for options in (FactorTableOptions(), BLANK_FACTOR_TABLE, FactorTableOptions(blank_columns=("evidence",))):
        rendered = render_factor_table(topic, layout, options)
        text = " ".join(pages_text(rendered.data))
        assert all(squash(factor.name) in text for factor in topic.factors)


def test_a_misnested_markup_name_continues_onto_the_next_page(make_topic):
    evidence = [f"Item {n:02d}: a piece of evidence with enough words to wrap in its column." for n in range(40)]
    rendered = render(make_topic([{"name": "**a *b** c*", "summary": "Much.", "evidence": evidence}]))
    assert rendered.pages >= 2
    assert "(continued)" in column_text(rendered.data, "factor")


def test_tiny_paper_is_a_message_not_a_crash(tmp_path, run):
    layout = write_layout(tmp_path, "paper: 18mm x 18mm\n")
    result = run("factors", str(Path(__file__).parent.parent / "content" / "sino-soviet-relations.yaml"),
                 "-o", tmp_path / "t.pdf", "--layout", layout)
    assert result.exit_code == 1
    # Refused when the layout is read (issue 14: paper from 100mm to 1200mm a side).
    assert "custom.yaml:1:8: paper: '18mm x 18mm' is not a paper a printer takes" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("width", ["nan", "inf", "-1", "0"])
def test_widths_that_are_not_positive_numbers_are_refused_at_their_line(tmp_path, run, width):
    layout = write_layout(tmp_path, f"factors:\n  widths: [{width}, 1, 1, 1, 1, 1]\n")
    result = run("layouts", "show", layout)
    assert result.exit_code == 1
    assert "custom.yaml:2:" in result.output and "widths[0]" in result.output


def test_unknown_blank_columns_are_a_usage_error_listing_the_valid_ones(tmp_path, run):
    example = str(Path(__file__).parent.parent / "content" / "sino-soviet-relations.yaml")
    result = run("factors", example, "--blank-columns", "evidence,fr", "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2
    assert "did you mean 'for'" in result.output
    assert ", ".join(BLANKABLE_COLUMNS) in result.output
    not_shown = run("factors", example, "--blank-columns", "links", "-o", tmp_path / "p.pdf")
    assert not_shown.exit_code == 2
    assert "the layout's table has no 'links' column" in not_shown.output
    ok = run("factors", example, "--blank-columns", "evidence,for", "-o", tmp_path / "p.pdf")
    assert ok.exit_code == 0, ok.output
    text = " ".join(pages_text((tmp_path / "p.pdf").read_bytes()))
    assert "Name" in text and "Complete the table" in text


def test_rank_prints_its_value_or_a_box_and_places_factors_on_the_continuum(make_topic, tmp_path):
    layout_file = write_layout(tmp_path, "factors:\n  columns: [factor, rank, summary]\n  widths: [2, 1, 4]\n")
    layout = load_layout(layout_file)
    factors = [dict(factor, rank=rank) for factor, rank in zip(FACTORS, (2, 1, 3))]
    topic = make_topic(factors)
    completed = render_factor_table(topic, layout, FactorTableOptions())
    with pdfplumber.open(io.BytesIO(completed.data)) as pdf:
        words = pdf.pages[0].extract_words()
    # On the continuum, rank 1 is nearest "entirely" (the right), rank 3 nearest "not at all".
    prompt = next(w["top"] for w in words if w["text"] == "How")
    line_words = [w for w in words if w["top"] > prompt]
    x_of = {name: next(w["x0"] for w in line_words if w["text"] == name.split()[0])
            for name in ("Ideology", "Leadership rivalry", "National interest")}
    assert x_of["National interest"] < x_of["Ideology"] < x_of["Leadership rivalry"]
    assert {"1", "2", "3"} <= {w["text"] for w in words}
    blank = render_factor_table(topic, layout, BLANK_FACTOR_TABLE)
    with pdfplumber.open(io.BytesIO(blank.data)) as pdf:
        assert len(pdf.pages[0].rects) >= 3  # a box to write each rank in
    assert not {"1", "2", "3"} & set(column_text(blank.data, "rank", layout_file).split())


def test_each_factor_has_its_own_colour_and_shape_beside_its_name(make_topic):
    rendered = render(make_topic(FACTORS))
    layout = load_layout("default")
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        page = pdf.pages[0]
        name_column_end = column_bounds()["factor"][1]
        fills = {tuple(round(c, 2) for c in shape["non_stroking_color"])
                 for shape in page.curves + page.rects if shape.get("fill") and shape["x0"] < name_column_end}
    expected = {tuple(round(int(colour[i:i + 2], 16) / 255, 2) for i in (1, 3, 5))
                for colour in layout.factor_key.colours[:3]}
    assert expected <= fills


def test_events_print_their_dates_beside_the_evidence(tmp_path):
    path = tmp_path / "topic.yaml"
    path.write_text("title: T\nfactors:\n  - name: Border\n    evidence: [Clashes.]\n"
                    "    events: [1969-03, Treaty of Friendship]\n"
                    "timeline:\n  - date: 1950-02-14\n    event: Treaty of Friendship\n"
                    "  - date: 1969-03\n    event: Zhenbao Island clashes\n", encoding="utf-8")
    rendered = render(load_topic(str(path)))
    evidence = column_text(rendered.data, "evidence")
    assert "Mar 1969: Zhenbao Island clashes" in evidence
    assert "14 Feb 1950: Treaty of Friendship" in evidence
    assert "Zhenbao" not in " ".join(pages_text(render(load_topic(str(path)), blank=True).data))


def test_links_and_events_naming_nothing_are_errors_at_their_line(tmp_path, run):
    path = tmp_path / "topic.yaml"
    path.write_text("title: T\nfactors:\n  - name: A\n    links: [B, Nothing]\n    events:\n      - 1956\n"
                    "      - Moon landing\n  - name: B\n    rank: first\n"
                    "timeline:\n  - date: 1956\n    event: Secret Speech\n", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "topic.yaml:4:16: factors[0].links[1]: names no factor of this topic: 'Nothing'" in result.output
    assert "topic.yaml:7:9: factors[0].events[1]: names no event" in result.output
    assert "topic.yaml:9:11: factors[1].rank:" in result.output
    assert "events[0]" not in result.output  # 1956 names the Secret Speech by its date


def test_an_event_named_by_a_date_two_events_share_asks_for_its_text(tmp_path, run):
    path = tmp_path / "topic.yaml"
    path.write_text("title: T\nfactors:\n  - name: A\n    events: [1969]\n"
                    "timeline:\n  - date: 1969\n    event: Clashes\n  - date: 1969\n    event: Talks\n",
                    encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "topic.yaml:4:14: factors[0].events[0]: 2 events have the date 1969 ('Clashes' and 'Talks')" in result.output


def test_the_layout_can_choose_a3(make_topic, tmp_path):
    layout = load_layout(write_layout(tmp_path, "paper: A3\n"))
    rendered = render_factor_table(make_topic(six_long_factors()), layout, BLANK_FACTOR_TABLE)
    assert rendered.printing.startswith("A3 landscape")
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (1191, 842)
    assert rendered.pages <= 2


def test_a_row_is_never_broken_leaving_only_its_factors_name(make_topic):
    from revisionprint.render.factors.breaking import BodyRow, TableShape, split_row
    from revisionprint.render.factors.cells import cell_flowables, name_flowables
    from revisionprint.render.factors.plan import plan_rows
    from revisionprint.render.fonts import register_family

    layout = load_layout("default")
    register_family(layout.font_family)
    plan = plan_rows(make_topic(FACTORS[:1]), layout, FactorTableOptions())[0]
    widths = [100.0] * len(layout.factors.columns)
    shape = TableShape(layout, [], [], widths, 500.0, name_column=0)
    row = BodyRow(plan, [name_flowables(plan.factor.name, plan.mark, layout)] +
                  [cell_flowables(cell, layout) for cell in plan.cells[1:]])
    padding = 2 * layout.factors.cell_padding
    one_line = layout.factors.text_size.largest * 1.22
    assert split_row(row, padding + one_line * 0.9, shape) is None  # not even a line of the notes fits
    top, rest = split_row(row, padding + one_line * 2.5, shape)
    assert any(top.cells[1:]) and any(rest.cells[1:])


def test_the_space_left_under_a_blank_table_is_lines_to_explain_the_judgement(make_topic):
    topic = make_topic(six_long_factors())
    blank = render(topic, blank=True)
    last = pages_text(blank.data)[-1]
    assert "Explain your judgement" in last
    with pdfplumber.open(io.BytesIO(blank.data)) as pdf:
        page = pdf.pages[-1]
        prompt = next(w for w in page.extract_words() if w["text"] == "Explain")
        lines_below = [line for line in page.lines if line["top"] > prompt["bottom"] and line["top"] == line["bottom"]
                       and line["x1"] - line["x0"] > page.width / 2]
    assert len(lines_below) >= 3
    assert "Explain your judgement" not in " ".join(pages_text(render(topic).data))
