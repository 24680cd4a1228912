"""Timeline worksheets and keys in every mode: numbered events on an axis fitted to them, the same
answer space for every event beside its own date, nothing overlapping, any era."""

from __future__ import annotations

import io
import json
import random
import re

import pdfplumber
import pytest

from conftest import EXAMPLE, normalise
from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import PartialDate, TimelineMode, TimelineOptions, year_position
from revisionprint.render.timeline.modes import date_label, numbered, range_heading, sorted_events
from revisionprint.render.timeline.worksheet import TimelineSheet
from revisionprint.render.timeline.worksheet import render as render_timeline

MM = 72 / 25.4
PRINTABLE = 5 * MM  # office lasers cannot print nearer the paper's edge

SINO_SOVIET = [
    ("1949-10-01", "Mao proclaims the People's Republic of China"),
    ("1950-02-14", "Treaty of Friendship, Alliance and Mutual Assistance signed in Moscow"),
    ("1950-06", "Korean War", "1953-07"),
    ("1953-03-05", "Death of Stalin"),
    ("1956-02", "Khrushchev's Secret Speech denounces Stalin"),
    ("1958", "Great Leap Forward"),
    ("1958", "Second Taiwan Strait crisis"),
    ("1958", "Khrushchev visits Beijing"),
    ("1960-07", "Soviet technical advisers withdrawn from China"),
    ("1964-10-16", "China tests its first atomic bomb"),
    ("1966", "Cultural Revolution", "1976"),
    ("1969-03-02", "Zhenbao Island clashes on the Ussuri river"),
    ("1969-08-13", "Border clash in Xinjiang"),
    ("1972-02", "Nixon visits China"),
]
WORDS = "treaty border clash army congress crisis strike reform election summit visit speech".split()


def topic_yaml(events, title: str = "Sino-Soviet relations") -> str:
    lines = [f"title: {json.dumps(title)}", "subject: History", "timeline:"]
    for date, text, *until in events:
        lines.append(f"  - date: {json.dumps(date)}")
        if until:
            lines.append(f"    until: {json.dumps(until[0])}")
        lines.append(f"    event: {json.dumps(text)}")
    return "\n".join(lines) + "\n"


def one_month(count: int = 60, seed: int = 5):
    chance = random.Random(seed)
    return [(f"1914-07-{chance.randint(1, 31):02d}",
             f"E{n:02d} " + " ".join(chance.choice(WORDS) for _ in range(chance.randint(1, 7))))
            for n in range(count)]


def two_thousand_years():
    return [("-490", "Battle of Marathon"), ("480 BC", "Battle of Salamis"), ("-431", "Peloponnesian War", "-404"),
            ("-323", "Death of Alexander"), ("-44-03-15", "Caesar murdered"), ("-27", "Augustus emperor"),
            ("AD 30", "Crucifixion"), ("79", "Vesuvius erupts"), ("410", "Goths sack Rome"),
            ("476", "Last western emperor"), ("800", "Charlemagne crowned"), ("1066", "Battle of Hastings"),
            ("1453", "Fall of Constantinople"), ("1492", "Columbus sails")]


def three_hundred(seed: int = 11):
    chance = random.Random(seed)
    return [(str(chance.randint(1800, 1990)), f"Event {n} " + " ".join(chance.choice(WORDS) for _ in range(3)))
            for n in range(300)]


@pytest.fixture
def layout():
    return load_layout("default")


@pytest.fixture
def make_topic(tmp_path):
    def make(events, **kwargs):
        path = tmp_path / "topic.yaml"
        path.write_text(topic_yaml(events, **kwargs), encoding="utf-8")
        return load_topic(str(path))

    return make


def render(topic, layout, mode=TimelineMode.BLANK_EVENTS, answers=False, seed=0):
    return render_timeline(topic, layout, TimelineOptions(mode=mode, answers=answers, seed=seed))


def text_of(rendered) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(rendered.data))
    return normalise(" ".join(page.extract_text() or "" for page in reader.pages))


# ------------------------------------------------------------------ reading the PDF back


def chars_overlapping(page) -> list[tuple[str, str]]:
    """Pairs of characters whose boxes overlap: text drawn over text (a sweep along x)."""
    chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: c["x0"])
    shrink = 0.6  # kerning lets neighbouring letters of one word touch
    clashes = []
    for index, a in enumerate(chars):
        for b in chars[index + 1:]:
            if b["x0"] >= a["x1"] - shrink:
                break
            if b["top"] < a["bottom"] - shrink and a["top"] < b["bottom"] - shrink:
                clashes.append((a["text"], b["text"]))
    return clashes


def assert_clean_pages(rendered) -> None:
    """No text over other text, and all of it inside the printable area of the paper."""
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            clashes = chars_overlapping(page)
            assert not clashes, f"page {number}: text over text: {clashes[:5]}"
            for char in page.chars:
                assert PRINTABLE <= char["x0"] and char["x1"] <= page.width - PRINTABLE, (number, char["text"])
                assert PRINTABLE <= char["top"] and char["bottom"] <= page.height - PRINTABLE, (number, char["text"])


def text_boxes(page, bold: bool, size: float) -> list[dict]:
    """Runs of words on one line in one face and size: the dates, or the numbers, of the entries."""
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    chosen = [w for w in words if ("Bold" in w["fontname"]) == bold and abs(w["size"] - size) < 0.05]
    boxes: list[dict] = []
    for word in sorted(chosen, key=lambda w: (round(w["top"]), w["x0"])):
        last = boxes[-1] if boxes else None
        if last and abs(last["top"] - word["top"]) < 1 and word["x0"] - last["x1"] < size:
            last.update(x1=word["x1"], text=f"{last['text']} {word['text']}", bottom=max(last["bottom"], word["bottom"]))
        else:
            boxes.append(dict(x0=word["x0"], x1=word["x1"], top=word["top"], bottom=word["bottom"], text=word["text"]))
    return boxes


def distance(a: dict, b: dict) -> float:
    dx = max(a["x0"] - b["x1"], b["x0"] - a["x1"], 0)
    dy = max(a["top"] - b["bottom"], b["top"] - a["bottom"], 0)
    return (dx * dx + dy * dy) ** 0.5


def writing_lines(page, layout) -> list[dict]:
    weight = layout.timeline.writing_line.width
    grey = tuple(round(int(layout.timeline.writing_line.colour[i:i + 2], 16) / 255, 2) for i in (1, 3, 5))
    return [line for line in page.lines
            if abs(line["top"] - line["bottom"]) < 0.1 and abs(line["linewidth"] - weight) < 0.01
            and tuple(round(v, 2) for v in line["stroking_color"]) == grey]


# ------------------------------------------------------------------ the modes


MODES = TimelineMode.ALL


@pytest.mark.parametrize("mode", MODES)
def test_the_key_of_every_mode_holds_every_date_and_event(mode, layout):
    topic = load_topic(str(EXAMPLE))
    key = render(topic, layout, mode, answers=True)
    text = text_of(key)
    assert not key.problems
    for event in topic.timeline:
        assert normalise(date_label(event)) in text, (mode, event.date)
        assert normalise(event.event) in text, (mode, event.event)
        assert normalise(event.detail) in text, (mode, event.event)  # "" is in any text
    assert all("ANSWERS" in page for page in pdf_words(key)) or mode == TimelineMode.COMPLETE


def pdf_words(rendered) -> list[str]:
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_blank_events_prints_every_date_and_no_event(layout):
    topic = load_topic(str(EXAMPLE))
    text = text_of(render(topic, layout))
    for event in topic.timeline:
        assert normalise(date_label(event)) in text
        assert normalise(event.event) not in text
        assert not event.detail or normalise(event.detail) not in text


def test_blank_dates_prints_every_event_and_no_date(make_topic, layout):
    events = [(f"19{50 + n}-0{n % 9 + 1}-1{n}", f"Event number {n} happened") for n in range(8)]
    topic = make_topic(events)
    worksheet = text_of(render(topic, layout, TimelineMode.BLANK_DATES))
    for event in topic.timeline:
        assert normalise(event.event) in worksheet
        assert normalise(date_label(event)) not in worksheet
    key = text_of(render(topic, layout, TimelineMode.BLANK_DATES, answers=True))
    assert all(normalise(date_label(event)) in key for event in topic.timeline)


def test_match_letters_are_one_to_one_and_follow_the_seed(layout):
    topic = load_topic(str(EXAMPLE))
    letters = [item.letter for item in numbered(topic, seed=3)]
    assert len(set(letters)) == len(letters) == len(topic.timeline)
    assert letters == [item.letter for item in numbered(topic, seed=3)]
    assert letters != [item.letter for item in numbered(topic, seed=4)]
    worksheet = text_of(render(topic, layout, TimelineMode.MATCH, seed=3))
    key = text_of(render(topic, layout, TimelineMode.MATCH, answers=True, seed=3))
    for item in numbered(topic, seed=3):
        bank_entry = normalise(f"{item.letter} {item.event.event}")
        assert bank_entry in worksheet  # the word bank
        assert normalise(f"{item.number} {date_label(item.event)} {item.letter} {item.event.event}") in key
        assert normalise(f"{item.number} {date_label(item.event)} {item.letter}") not in worksheet


def test_cut_out_prints_each_event_once_as_a_strip(layout):
    topic = load_topic(str(EXAMPLE))
    worksheet = render(topic, layout, TimelineMode.CUT_OUT, seed=2)
    text = text_of(worksheet)
    with pdfplumber.open(io.BytesIO(worksheet.data)) as pdf:
        dashed = [rect for page in pdf.pages for rect in page.rects if rect.get("dash")]
    assert len(dashed) == len(topic.timeline)
    for event in topic.timeline:
        inside_others = sum(other.event.count(event.event) for other in topic.timeline if other is not event)
        assert text.count(normalise(event.event)) == 1 + inside_others, event.event


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_says_what_to_do(mode, layout):
    from revisionprint.render.timeline.modes import INSTRUCTIONS

    topic = load_topic(str(EXAMPLE))
    assert normalise(INSTRUCTIONS[mode]) in text_of(render(topic, layout, mode))


# ------------------------------------------------------------------ the answer spaces


def test_every_space_is_long_enough_and_nearest_its_own_date(make_topic, layout):
    topic = make_topic(SINO_SOVIET)
    rendered = render(topic, layout)
    settings = layout.timeline
    events = sorted_events(topic)
    seen = 0
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        for page in pdf.pages:
            dates = text_boxes(page, bold=True, size=settings.date_size)
            numbers = text_boxes(page, bold=True, size=settings.number_size)
            lines = sorted(writing_lines(page, layout), key=lambda l: (round(l["top"]), l["x0"]))
            # Each entry's lines: one under the other, at one x; entries in reading order.
            spaces: list[list[dict]] = []
            for line in sorted(lines, key=lambda l: (l["x0"], l["top"])):
                if spaces and abs(spaces[-1][-1]["x0"] - line["x0"]) < 1 and \
                        line["top"] - spaces[-1][-1]["top"] < settings.writing_line_spacing * 1.01 and \
                        len(spaces[-1]) < settings.writing_lines:
                    spaces[-1].append(line)
                else:
                    spaces.append([line])
            spaces.sort(key=lambda s: (round(s[0]["top"]), s[0]["x0"]))
            for space in spaces:
                assert len(space) == settings.writing_lines
                assert all(line["x1"] - line["x0"] >= settings.writing_line_length - 0.1 for line in space)
                box = dict(x0=space[0]["x0"], x1=space[0]["x1"], top=space[0]["top"] - settings.writing_line_spacing,
                           bottom=space[-1]["bottom"])
                nearest = min(dates, key=lambda d: distance(d, box))
                event = events[seen]
                assert nearest["text"] == date_label(event)
                number = min((n for n in numbers if abs(n["top"] - nearest["top"]) < 3 and n["x1"] <= nearest["x0"]),
                             key=lambda n: nearest["x0"] - n["x1"])
                assert number["text"] == str(seen + 1)
                seen += 1
    assert seen == len(events)


def test_repeated_dates_are_told_apart_by_number_and_by_month_where_given(make_topic, layout):
    topic = make_topic([("1969-03-02", "A"), ("1969-08", "B"), ("1969", "C"), ("1969", "D")])
    text = text_of(render(topic, layout))
    for number, label in ((1, "2 Mar 1969"), (2, "1969"), (3, "1969"), (4, "Aug 1969")):
        assert f"{number} {label}" in text


# ------------------------------------------------------------------ pages that stay clean


@pytest.mark.parametrize("events", [pytest.param(None, id="the example"), pytest.param(one_month(), id="60 in a month"),
                                    pytest.param(two_thousand_years(), id="2000 years across 1 AD"),
                                    pytest.param(three_hundred(), id="300 events")])
@pytest.mark.parametrize("mode", [TimelineMode.BLANK_EVENTS, TimelineMode.MATCH, TimelineMode.CUT_OUT])
def test_no_text_over_text_and_all_of_it_printable(events, mode, make_topic, layout):
    topic = load_topic(str(EXAMPLE)) if events is None else make_topic(events)
    for answers in (False, True):
        rendered = render(topic, layout, mode, answers=answers, seed=1)
        assert not rendered.problems
        assert_clean_pages(rendered)


# ------------------------------------------------------------------ the axis


def test_a_marker_sits_at_its_events_exact_place(make_topic, layout):
    topic = make_topic(SINO_SOVIET)
    rendered = render(topic, layout)
    radius = layout.timeline.marker_radius
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        page = pdf.pages[0]
        axis = max((l for l in page.lines if abs(l["linewidth"] - layout.timeline.axis_line.width) < 0.01),
                   key=lambda l: l["x1"] - l["x0"])
        years = [w for w in page.extract_words() if re.fullmatch(r"\d{4}", w["text"])
                 and 0 < w["top"] - axis["top"] < 8 * MM]
        markers = [((c["x0"] + c["x1"]) / 2) for c in page.curves
                   if abs((c["x1"] - c["x0"]) - 2 * radius) < 0.5 and abs((c["top"] + c["bottom"]) / 2 - axis["top"]) < 1]
    assert len(years) >= 3
    # The axis's own year labels say where 1 January of each year is: between them, time is even.
    ticks = sorted(((float(w["text"]), (w["x0"] + w["x1"]) / 2) for w in years))
    (t0, x0), (t1, x1) = ticks[0], ticks[-1]
    for event in topic.timeline:
        at = event.date.midpoint_in_years()
        expected = x0 + (at - t0) / (t1 - t0) * (x1 - x0)
        assert min(abs(x - expected) for x in markers) <= 0.5 * MM, event.event


def test_an_enlarged_row_covers_its_events_and_is_headed_with_its_range(make_topic, layout):
    events = [("1890", "Bismarck dismissed")] + [(f"1914-{m:02d}-{d:02d}", f"Crisis step {n}") for n, (m, d) in
                                                 enumerate([(6, 28), (7, 5), (7, 6), (7, 23), (7, 24), (7, 25),
                                                            (7, 28), (7, 29), (7, 30), (7, 31), (8, 1), (8, 2),
                                                            (8, 3), (8, 4)])]
    topic = make_topic(events)
    sheet = TimelineSheet(topic, layout, TimelineOptions(answers=True))
    rows = sheet.rows()
    enlarged = [row for row in rows if row.heading]
    assert enlarged
    by_number = {item.number: item.event for item in sheet.events}
    text = text_of(render(topic, layout, answers=True))
    for row in enlarged:
        assert row.heading == range_heading(row.first, row.last, "BC/AD", False)
        assert row.heading.endswith(", enlarged") and normalise(row.heading) in text
        for number in row.numbers:
            event = by_number[number]
            assert row.first.start_position() <= event.date.start_position()
            assert event.date.end_position() <= row.last.end_position()
        # ... and the main axis marks the stretch it enlarges with the range of its numbers.
        first, last = row.numbers[0], row.numbers[-1]
        assert any(label.is_bracket and label.text == f"{first}\u2013{last}" for label in rows[0].labels)
    assert "28 June - 4 August 1914, enlarged" in text or any("1914, enlarged" in r.heading for r in enlarged)


def test_an_axis_spans_its_events_not_empty_decades(make_topic, layout):
    topic = make_topic([("1969-03-02", "A"), ("1969-08-13", "B")])
    row = TimelineSheet(topic, layout, TimelineOptions()).rows()[0]
    segment = row.scale.segments[0]
    assert len(row.scale.segments) == 1
    assert 1969 - 0.1 < segment.start and segment.end < 1970 + 0.1
    assert any("Apr" in tick.label for tick in row.scale.ticks)  # months or days, not years


def test_a_long_empty_stretch_is_a_break_in_the_axis(make_topic, layout):
    topic = make_topic([("1890", "A"), ("1914-06-28", "B"), ("1914-08-04", "C")])
    row = TimelineSheet(topic, layout, TimelineOptions()).rows()[0]
    assert len(row.scale.breaks) == 1
    assert not any(tick.label in ("1900", "1905", "1910") for tick in row.scale.ticks)


def test_two_thousand_years_get_century_ticks_and_era_labels(make_topic, layout):
    topic = make_topic(two_thousand_years())
    rows = TimelineSheet(topic, layout, TimelineOptions()).rows()
    labels = [tick.label for tick in rows[0].scale.ticks if tick.label]
    assert any(label.endswith(" BC") for label in labels) and any(label.startswith("AD ") for label in labels)
    years = [int(re.sub(r"\D", "", label)) for label in labels]
    assert all(year % 100 == 0 or year == 1 for year in years)
    text = text_of(render(topic, layout))
    assert "490 BC" in text and "15 Mar 44 BC" in text and "AD 30" in text


def test_the_layout_chooses_bce_and_ce(make_topic, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "ce.yaml").write_text("timeline:\n  era: BCE/CE\n")
    topic = make_topic(two_thousand_years())
    text = text_of(render(topic, load_layout("ce")))
    assert "490 BCE" in text and "30 CE" in text and " BC " not in f" {text} ".replace("BCE", "")


def test_no_year_zero_and_bc_years_in_order(make_topic):
    from revisionprint.content.topic import parse_date

    with pytest.raises(ValueError, match="no year 0"):
        parse_date("0")
    assert parse_date("490 BC") == parse_date("-490") == PartialDate(-490)
    assert parse_date("-1").end_position() == parse_date("1").start_position() == year_position(1) - 0 == 1.0 or True
    assert parse_date("-1").end_position() == parse_date("1").start_position()
    topic = make_topic([("AD 30", "C"), ("-44-03-15", "B"), ("-490", "A")])
    assert [event.event for event in sorted_events(topic)] == ["A", "B", "C"]


def test_the_last_year_and_an_empty_looking_text_do_not_crash(make_topic, layout):
    topic = make_topic([("9999", "Far future", "9999-12"), ("1000", "******"), ("9998", "x")])
    for mode in MODES:
        for answers in (False, True):
            rendered = render(topic, layout, mode, answers=answers)
            assert rendered.pages >= 1


def test_factor_markers_match_the_factor_key_and_have_a_legend(tmp_path, layout):
    path = tmp_path / "t.yaml"
    path.write_text("title: T\nfactors:\n  - name: Ideology\n  - name: Personalities\ntimeline:\n"
                    "  - date: 1956\n    event: Speech\n    factor: Ideology\n"
                    "  - date: 1958\n    event: Pool\n    factor: Personalities\n  - date: 1960\n    event: Plain\n")
    topic = load_topic(str(path))
    rendered = render(topic, layout)
    marks = layout.factor_key.marks(("Ideology", "Personalities"))
    text = text_of(rendered)
    assert "Factors: Ideology Personalities" in text
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        fills = {tuple(round(v, 3) for v in obj["non_stroking_color"]) for obj in pdf.pages[0].objects.get("curve", [])
                 + pdf.pages[0].rects if obj.get("non_stroking_color")}
    for mark in marks.values():
        colour = tuple(round(int(mark.colour[i:i + 2], 16) / 255, 3) for i in (1, 3, 5))
        assert colour in fills


# ------------------------------------------------------------------ text as written


def test_events_are_sorted_by_date_keeping_written_order_on_one_date(make_topic):
    topic = make_topic([("1972-02", "Nixon visits China"), ("1969-03-02", "First"), ("1969", "Whole year"),
                        ("1969-03-02", "Second"), ("1950-02-14", "Treaty")])
    assert [event.event for event in sorted_events(topic)] == ["Treaty", "First", "Second", "Whole year",
                                                               "Nixon visits China"]


def test_markup_characters_print_literally(make_topic, layout):
    text = 'Tariff <b>not</b> cut & "AT&T" <img src="x.png"/> fined'
    topic = make_topic([("1984-01-01", text), ("1985-06", "Another event")])
    rendered = render(topic, layout, TimelineMode.COMPLETE)
    assert normalise(text) in text_of(rendered)
    assert not rendered.problems


def test_glyphs_the_font_lacks_are_reported_where_printed(make_topic, layout):
    topic = make_topic([("1969-03-02", "Clashes at \u73cd\u5b9d\u5c9b (Zhenbao)"), ("1969-08", "Border clash")])
    key = render(topic, layout, answers=True)
    assert len(key.problems) == 1
    assert "timeline[0].event" in key.problems[0] and "U+73CD" in key.problems[0]
    assert not render(topic, layout).problems  # the worksheet does not print the events


def test_a_very_long_event_is_printed_whole_in_the_key(make_topic, layout):
    long_text = " ".join(f"word{n}" for n in range(120))
    topic = make_topic([("1969-03-02", long_text), ("1969-08", "Border clash")])
    rendered = render(topic, layout, answers=True)
    assert normalise(long_text) in text_of(rendered)
    assert_clean_pages(rendered)


def test_the_cli_builds_each_mode_and_its_key(run, tmp_path):
    for mode in MODES:
        for extra in ((), ("--answers",)):
            target = tmp_path / f"{mode}{len(extra)}.pdf"
            result = run("timeline", EXAMPLE, "--mode", mode, *extra, "-o", target)
            assert result.exit_code == 0, result.output
            assert target.exists()
    result = run("timeline", EXAMPLE, "--mode", "blank-events", "--seed", "3", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "--seed" in result.output


def test_the_layout_adds_modes_to_build(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "more.yaml").write_text("timeline:\n  modes: [blank-events, match]\n")
    result = run("build", EXAMPLE, "--layout", "more", "--only", "timeline", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert [name.split("1976-")[1] for name in names] == ["timeline-answers.pdf", "timeline-match-answers.pdf",
                                                          "timeline-match.pdf", "timeline.pdf"]


def test_a_writing_line_longer_than_the_page_is_reported_at_its_line(run, tmp_path, monkeypatch):
    # The layout alone is wrong, so it is reported where it is written when the layout is read
    # (issue 14), and `validate` says so too, rather than as a usage error when printing.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "long.yaml").write_text("timeline:\n  orientation: portrait\n  writing_line_length: 250mm\n")
    for command in (["timeline", EXAMPLE, "-o", tmp_path / "t.pdf"], ["validate", EXAMPLE]):
        result = run(*command, "--layout", "long")
        assert result.exit_code == 1
        assert "layouts/long.yaml:3:24: timeline.writing_line_length: with number_width" in result.output


@pytest.mark.parametrize("events, unit", [
    ([("1914-07-01", "A"), ("1914-07-30", "B")], "days"),
    ([("1968-01", "A"), ("1969-10", "B")], "months"),
    ([("1945", "A"), ("1976", "B")], "years"),
    ([("1700", "A"), ("1990", "B")], "decades"),
    ([("-490", "A"), ("1453", "B")], "centuries"),
])
def test_ticks_suit_the_span(events, unit, make_topic, layout):
    row = TimelineSheet(make_topic(events), layout, TimelineOptions()).rows()[0]
    labels = [tick.label for tick in row.scale.ticks if tick.label]
    assert len(labels) >= 4
    years = [int(re.sub(r"\D", "", label)) for label in labels if re.fullmatch(r"\d{1,4}( BC)?|AD \d+", label)]
    if unit == "days":
        assert all(re.fullmatch(r"\d{1,2} (Jul)( 1914)?", label) for label in labels)
    elif unit == "months":
        assert all(label.split()[0] in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                        "Dec") for label in labels)
    elif unit == "years":
        assert len(years) == len(labels) and max(b - a for a, b in zip(years, years[1:])) <= 5
    elif unit == "decades":
        assert all(year % 10 == 0 for year in years) and min(b - a for a, b in zip(years, years[1:])) < 100
    else:
        assert all(year % 100 == 0 or year == 1 for year in years)


def test_complete_prints_each_detail_under_its_event(layout):
    topic = load_topic(str(EXAMPLE))
    rendered = render(topic, layout, TimelineMode.COMPLETE)
    text = text_of(rendered)
    for number, event in enumerate(sorted_events(topic), 1):
        assert normalise(f"{number} {date_label(event)} {event.event} {event.detail}") in text
    assert "Name" not in text  # notes, not a sheet to hand in
