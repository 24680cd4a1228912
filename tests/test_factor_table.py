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
from revisionprint.model import BLANK_FACTOR_TABLE, FactorTableOptions
from revisionprint.render.factors.table import render as render_factor_table

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
        for key in ("evidence", "for", "against"):
            if key in factor:
                lines.append(f"    {key}:")
                lines += [f"      - {json.dumps(item)}" for item in factor[key]]
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
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [page.within_bbox((x0 - 0.5, 0, x1 + 0.5, page.height)).extract_text() or "" for page in pdf.pages]
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


def test_blank_cells_are_ruled_8mm_apart_with_room_for_handwriting(make_topic):
    evidence = [f"Evidence point {n} is long enough to wrap over two lines of this column." for n in range(5)]
    factor = {"name": "Long answer", "summary": "Short.", "evidence": evidence}
    topic = make_topic([factor])
    completed, blank = render(topic), render(topic, blank=True)
    with pdfplumber.open(io.BytesIO(completed.data)) as pdf:
        x0, x1 = column_bounds()["evidence"]
        page = pdf.pages[0]
        words = page.within_bbox((x0, 0, x1, page.height)).extract_words()
        heading = next(w for w in words if w["text"] == "Evidence")
        typed_lines = len({round(w["top"]) for w in words if heading["bottom"] < w["top"] < page.height - 15 * MM})
    assert typed_lines >= 10  # each point wraps
    with pdfplumber.open(io.BytesIO(blank.data)) as pdf:
        ruled = writing_lines(pdf.pages[0], "evidence")
        short_cell = writing_lines(pdf.pages[0], "summary")
    # Students write larger than type: 1.5 ruled lines for every printed line of the answer.
    assert len(ruled) == math.ceil(1.5 * typed_lines)
    assert len(short_cell) == len(ruled)  # the whole row is as tall as its tallest answer
    gaps = {round(b - a, 1) for a, b in zip(ruled, ruled[1:])}
    assert gaps == {round(8 * MM, 1)}


def test_short_answers_still_get_the_minimum_writing_lines(make_topic):
    topic = make_topic([{"name": "Brief", "summary": "One line.", "evidence": ["One."]}])
    with pdfplumber.open(io.BytesIO(render(topic, blank=True).data)) as pdf:
        assert len(writing_lines(pdf.pages[0], "evidence")) == 3  # min_writing_lines in the default layout


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
    for text in texts:
        assert text.count("For (main factor)") == 1
        assert "Evidence" in text and "Key point" in text
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for page in pdf.pages[1:]:
            heading = next(w for w in page.extract_words() if w["text"] == "Key")
            assert heading["top"] < 25 * MM  # just under the header rule, not part-way down


def test_rows_that_fit_on_a_page_are_not_split(make_topic):
    factors = long_table()
    texts = pages_text(render(make_topic(factors)).data)
    for factor in factors:
        first_page = next(i for i, text in enumerate(texts) if f"{factor['name']} " in text + " ")
        assert squash(factor["against"][0]) in texts[first_page], factor["name"]
        assert squash(factor["evidence"][-1]) in texts[first_page], factor["name"]


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
    assert blank.pages > rendered.pages
    assert "Enormous factor (continued)" in column_text(blank.data, "factor")
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
    factor = {"name": "Mao \u6bdb", "summary": "Fine.", "evidence": ["Fine.", "Snowman \u2603 here."]}
    topic = make_topic([factor])
    messages = render(topic).problems
    assert len(messages) == 2
    name_message, evidence_message = messages
    assert "factors[0].name" in name_message and "U+6BDB" in name_message
    assert f"{Path(topic.file).name}:" in evidence_message or topic.file in evidence_message
    assert "factors[0].evidence[1]" in evidence_message and "U+2603" in evidence_message
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
        text = " ".join(pages_text(rendered.data))
        assert text.count("For (main factor)") == rendered.pages
        for words in words_under_factor_heading(rendered.data):
            assert words[0] in ("Opening", "A"), (before, words)  # each page starts with a whole name
        if not blank:
            evidence = column_text(rendered.data, "evidence")
            assert all(bullet in evidence for bullet in bullets), before


def test_every_page_of_a_blank_table_says_which_factor_its_rows_belong_to(make_topic):
    # Blank rows are 1.5 times as tall as the completed ones, so these rows run over pages.
    factors = [{"name": f"Factor {n} ideology and leadership rivalry", "summary": f"Summary {n}.",
                "evidence": [f"Evidence {n}.{k}: in 1958 the Great Leap Forward was criticised by Khrushchev, "
                             "who called the communes reactionary and old-fashioned." for k in range(4 + n % 3)]}
               for n in range(3)]
    rendered = render(make_topic(factors), blank=True)
    assert rendered.pages >= 4
    for words in words_under_factor_heading(rendered.data):
        assert words[:2] in (["Factor", "0"], ["Factor", "1"], ["Factor", "2"]), words  # a whole name, not its tail
    names = column_text(rendered.data, "factor")
    for factor in factors:
        assert factor["name"] + " (continued)" in names
