"""Timeline worksheets and answer keys: a proportional axis, every event under its date, no label
over another, and nothing dropped when the events need more rows or pages."""

from __future__ import annotations

import datetime
import io
import json
import random
from itertools import combinations

import pdfplumber
import pytest

from conftest import normalise
from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import TimelineOptions
from revisionprint.render.timeline.worksheet import date_label, sorted_events, timeline_plan
from revisionprint.render.timeline.worksheet import render as render_timeline

MM = 72 / 25.4
HEADING_BAND = (0xE8 / 0xFF, 0xEE / 0xFF, 0xF4 / 0xFF)  # the default layout's band: the axis is filled with it
ACCENT = (0x00 / 0xFF, 0x72 / 0xFF, 0xB2 / 0xFF)  # the default layout's accent: `until` span bars
WRITING_LINE_GREY = 0xBB / 0xFF
MARKER_DIAMETER = 1.7 * MM

SINO_SOVIET = [
    ("1949-10-01", "Mao proclaims the People's Republic of China"),
    ("1950-02-14", "Treaty of Friendship, Alliance and Mutual Assistance signed in Moscow"),
    ("1950-06", "Korean War", "1953-07"),
    ("1953-03-05", "Death of Stalin"),
    ("1956-02", "Khrushchev's Secret Speech denounces Stalin"),
    ("1957-11", 'Mao in Moscow says "the east wind prevails over the west wind"'),
    ("1958-08", "Second Taiwan Strait crisis"),
    ("1959-06", "USSR cancels the agreement to help China build an atomic bomb"),
    ("1960-07", "Soviet technical advisers withdrawn from China"),
    ("1962-10", "Cuban Missile Crisis; Sino-Indian War"),
    ("1963", "Open polemics: the Nine Letters"),
    ("1964-10-16", "China tests its first atomic bomb"),
    ("1966", "Cultural Revolution", "1976"),
    ("1969-03-02", "Zhenbao Island clashes on the Ussuri river"),
    ("1969-08-13", "Border clash in Xinjiang"),
    ("1969-09-11", "Kosygin and Zhou Enlai meet at Beijing airport"),
    ("1971-07", "Kissinger's secret visit to Beijing"),
    ("1972-02", "Nixon visits China"),
    ("1976-09-09", "Death of Mao"),
]


def topic_yaml(events, title: str = "Sino-Soviet relations") -> str:
    lines = [f"title: {json.dumps(title)}", "subject: History", "timeline:"]
    for date, text, *until in events:
        lines.append(f"  - date: {date}")
        if until:
            lines.append(f"    until: {until[0]}")
        lines.append(f"    event: {json.dumps(text)}")
    return "\n".join(lines) + "\n"


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


def render(topic, layout, answers: bool):
    rendered = render_timeline(topic, layout, TimelineOptions(answers=answers))
    return rendered, rendered.problems


def dense_year(count: int = 30, seed: int = 7):
    """Many events in one year, several on the same day, with texts of different lengths."""
    chance = random.Random(seed)
    words = "treaty border clash army congress crisis strike reform election summit visit speech".split()
    events = []
    for n in range(count):
        month, day = chance.randint(1, 12), chance.randint(1, 28)
        if n % 7 == 0 and events:
            month, day = int(events[-1][0][5:7]), int(events[-1][0][8:10])  # the same day as another
        text = f"E{n:02d} " + " ".join(chance.choice(words) for _ in range(chance.randint(1, 9)))
        events.append((f"1969-{month:02d}-{day:02d}", text))
    return events


def many_years(count: int = 60, seed: int = 3):
    chance = random.Random(seed)
    words = "treaty border clash army congress crisis strike reform election summit visit speech".split()
    events = []
    for n in range(count):
        year, month = chance.randint(1950, 1979), chance.randint(1, 12)
        text = f"E{n:02d} " + " ".join(chance.choice(words) for _ in range(chance.randint(1, 8)))
        until = [f"{year + chance.randint(1, 3)}"] if n % 11 == 0 else []
        events.append((f"{year}-{month:02d}", text, *until))
    return events


# ------------------------------------------------------------------ reading the PDF back


def ribbons(page) -> list[dict]:
    """The axes drawn on a page, top first: rectangles filled with the band colour."""
    found = [rect for rect in page.rects
             if _colour(rect.get("non_stroking_color")) == pytest.approx(HEADING_BAND, abs=0.01)]
    return sorted(found, key=lambda rect: rect["top"])


def marker_centres(page) -> list[float]:
    return sorted((curve["x0"] + curve["x1"]) / 2 for curve in page.curves
                  if curve.get("fill") and abs(curve["x1"] - curve["x0"] - MARKER_DIAMETER) < 0.3
                  and _colour(curve.get("non_stroking_color")) == pytest.approx((0, 0, 0), abs=0.01))


def span_bars(page) -> list[dict]:
    return sorted((curve for curve in page.curves if curve.get("fill")
                   and _colour(curve.get("non_stroking_color")) == pytest.approx(ACCENT, abs=0.01)),
                  key=lambda curve: curve["x0"])


def _colour(value):
    if value is None:
        return None
    value = tuple(value)
    return value * 3 if len(value) == 1 else value


def centre_of_word(page, text: str, ribbon: dict) -> float:
    """The x centre of a word printed inside an axis (a year label)."""
    words = [w for w in page.extract_words() if w["text"] == text
             and w["top"] >= ribbon["top"] - 0.5 and w["bottom"] <= ribbon["bottom"] + 0.5]
    assert len(words) == 1, (text, words)
    return (words[0]["x0"] + words[0]["x1"]) / 2


def words_in_labels(pdf_bytes: bytes, plan) -> dict[int, str]:
    """The printed words inside each label's box, found from the plan and the axis it was drawn on."""
    found = {}
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) == len(plan.pages)
        for page, planned in zip(pdf.pages, plan.pages):
            axes = ribbons(page)
            assert len(axes) == len(planned.rows)
            words = page.extract_words()
            for ribbon, row in zip(axes, planned.rows):
                def page_x(x):
                    return ribbon["x0"] - row.axis.left + x

                def page_top(y):
                    return ribbon["bottom"] + row.axis.bottom - y

                for label in row.labels:
                    rect = label.rect
                    inside = [w["text"] for w in words
                              if w["x0"] >= page_x(rect.left) - 0.5 and w["x1"] <= page_x(rect.right) + 0.5
                              and w["top"] >= page_top(rect.top) - 1.5 and w["bottom"] <= page_top(rect.bottom) + 1.5]
                    found[label.event] = " ".join(inside)
    return found


def all_words(pdf_bytes: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return [[w["text"] for w in page.extract_words()] for page in pdf.pages]


# ------------------------------------------------------------------ geometry checks


def _crosses(a, b, c, d) -> bool:
    """Segments ab and cd cross at a point inside both (touching ends and collinear runs do not count)."""
    def side(p, q, r):
        value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(value) < 1e-6 else (1 if value > 0 else -1)

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def _enters(a, b, rect, margin: float = 0.05) -> bool:
    """Segment ab passes through the inside of rect (running along its edge does not count)."""
    left, bottom, right, top = rect.left + margin, rect.bottom + margin, rect.right - margin, rect.top - margin
    if max(a[0], b[0]) <= left or min(a[0], b[0]) >= right or max(a[1], b[1]) <= bottom or min(a[1], b[1]) >= top:
        return False
    for n in range(101):  # leaders are short straight pieces: sampling them is exact enough at 1/100
        x, y = a[0] + (b[0] - a[0]) * n / 100, a[1] + (b[1] - a[1]) * n / 100
        if left < x < right and bottom < y < top:
            return True
    return False


def _segments(label):
    return list(zip(label.leader, label.leader[1:]))


def assert_clean_layout(plan, count: int) -> None:
    """Every event placed once; labels inside the frame and clear of each other; leaders clear of
    other labels and of each other."""
    placed = sorted(label.event for label in plan.labels)
    assert placed == list(range(count)), "every event must be placed exactly once"
    for row in plan.rows:
        for label in row.labels:
            rect = label.rect
            assert -0.01 <= rect.left and rect.right <= row.width + 0.01, label
            assert -0.01 <= rect.bottom and rect.top <= row.height + 0.01, label
            assert rect.left - 0.01 <= label.pole_x <= rect.right + 0.01
        for one, other in combinations(row.labels, 2):
            assert not one.rect.overlaps(other.rect), (one, other)
            for a, b in _segments(one):
                assert not _enters(a, b, other.rect), ("leader crosses a label", one.event, other.event)
            for a, b in _segments(other):
                assert not _enters(a, b, one.rect), ("leader crosses a label", other.event, one.event)
            if one.side == other.side:
                for a, b in _segments(one):
                    for c, d in _segments(other):
                        assert not _crosses(a, b, c, d), ("leaders cross", one.event, other.event)


# ------------------------------------------------------------------ tests


def test_answer_key_prints_each_event_under_its_date(make_topic, layout):
    topic = make_topic(SINO_SOVIET)
    rendered, problems = render(topic, layout, answers=True)
    plan = timeline_plan(topic, layout)
    events = sorted_events(topic)
    printed = words_in_labels(rendered.data, plan)
    for number, event in enumerate(events):
        assert normalise(printed[number]) == normalise(f"{date_label(event)} {event.event}"), number
    assert not problems
    assert rendered.contents == "19 events on 1 page"
    assert rendered.printing == "A4 landscape, single-sided, at 100% / actual size"


def test_worksheet_prints_dates_with_a_line_each_and_no_events(make_topic, layout):
    topic = make_topic(SINO_SOVIET)
    rendered, problems = render(topic, layout, answers=False)
    plan = timeline_plan(topic, layout)
    events = sorted_events(topic)
    printed = words_in_labels(rendered.data, plan)
    for number, event in enumerate(events):
        assert normalise(printed[number]) == normalise(date_label(event)), number
    # No word that only the events use is printed anywhere on the sheet.
    words = {word for page in all_words(rendered.data) for word in page}
    printed_elsewhere = set(" ".join(date_label(event) for event in events).split()) | set(
        "Sino-Soviet relations History Timeline worksheet Write the event that happened on each date on its line "
        "Name Class Date Page of -".split())
    answer_words = {word for event in events for word in event.event.split()} - printed_elsewhere
    assert answer_words and not answer_words & words, answer_words & words
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        lines = [line for page in pdf.pages for line in page.lines
                 if _colour(line.get("stroking_color")) == pytest.approx((WRITING_LINE_GREY,) * 3, abs=0.01)]
    assert len(lines) == len(events)
    assert all(line["x1"] - line["x0"] >= 25 * MM - 0.1 for line in lines)
    assert not problems


def test_both_versions_have_their_furniture_on_every_page(make_topic, layout):
    topic = make_topic(many_years())
    worksheet, _ = render(topic, layout, answers=False)
    answers, _ = render(topic, layout, answers=True)
    assert worksheet.pages == answers.pages > 1  # the key breaks its pages where the sheet does
    for page in all_words(worksheet.data):
        assert {"Name", "Class", "Date"} <= set(page)
        assert "ANSWERS" not in page
    for page in all_words(answers.data):
        assert "ANSWERS" in page
        assert "Name" not in page


def test_labels_never_overlap_in_a_dense_year(make_topic, layout):
    events = dense_year(30)
    topic = make_topic(events)
    plan = timeline_plan(topic, layout)
    assert_clean_layout(plan, len(events))
    rendered, problems = render(topic, layout, answers=True)
    assert rendered.pages == len(plan.pages)
    printed = words_in_labels(rendered.data, plan)
    for number, event in enumerate(sorted_events(topic)):
        assert normalise(printed[number]) == normalise(f"{date_label(event)} {event.event}")
    assert not problems


def test_sixty_events_over_thirty_years_continue_on_more_rows(make_topic, layout):
    events = many_years(60)
    topic = make_topic(events)
    plan = timeline_plan(topic, layout)
    assert len(plan.rows) > 1
    assert_clean_layout(plan, len(events))
    # Each row is a stretch of time after the one before, and shows every one of its dates.
    for row in plan.rows:
        for label in row.labels:
            assert row.axis.left - 0.01 <= label.marker_x <= row.axis.right + 0.01
    starts = [row.start for row in plan.rows]
    assert starts == sorted(starts)
    rendered, _ = render(topic, layout, answers=True)
    assert rendered.contents == f"60 events on {rendered.pages} pages"
    printed = words_in_labels(rendered.data, plan)
    for number, event in enumerate(sorted_events(topic)):
        assert normalise(printed[number]) == normalise(f"{date_label(event)} {event.event}")


def test_events_on_one_day_fan_out_without_crossing(make_topic, layout):
    events = [("1914-08-04", f"Declaration number {n} of war on the same day") for n in range(12)]
    plan = timeline_plan(make_topic(events), layout)
    assert_clean_layout(plan, len(events))


def test_a_single_event_gets_a_whole_year_and_lies_on_its_day(make_topic, layout):
    topic = make_topic([("1969-03-02", "Zhenbao Island clashes")])
    rendered, _ = render(topic, layout, answers=True)
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        page = pdf.pages[0]
        (axis,) = ribbons(page)
        (marker,) = marker_centres(page)
        start, end = centre_of_word(page, "1969", axis), centre_of_word(page, "1970", axis)
    # 2 March is day 61 of 365 in 1969: its middle is 60.5 days in.
    expected = start + (end - start) * 60.5 / 365
    assert marker == pytest.approx(expected, abs=0.5 * MM)
    assert axis["x0"] == pytest.approx(start, abs=0.5) and axis["x1"] == pytest.approx(end, abs=0.5)


def test_axis_is_proportional_with_a_labelled_tick_every_year(make_topic, layout):
    # Years 1950 to 1970 fill an axis from 1 January 1950 to 31 December 1970: mid-1960 is its middle.
    topic = make_topic([("1950", "Start of the period"), ("1960", "Halfway through the period"),
                        ("1970", "End of the period"), ("1955-07-01", "A day in 1955")])
    rendered, _ = render(topic, layout, answers=False)
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        page = pdf.pages[0]
        (axis,) = ribbons(page)
        markers = marker_centres(page)
        years = {year: centre_of_word(page, str(year), axis) for year in range(1950, 1972)}
    left, right = years[1950], years[1971]
    for year, x in years.items():
        assert x == pytest.approx(left + (right - left) * (year - 1950) / 21, abs=0.5 * MM), year
    assert len(markers) == 4
    assert markers[2] == pytest.approx((left + right) / 2, abs=0.5 * MM)
    middle_of_day = (datetime.date(1955, 7, 1) - datetime.date(1955, 1, 1)).days + 0.5
    assert markers[1] == pytest.approx(left + (right - left) * (5 + middle_of_day / 365) / 21, abs=0.5 * MM)


def test_spans_run_from_their_first_day_to_the_end_of_until(make_topic, layout):
    topic = make_topic([("1904-04", "Entente Cordiale"), ("1905-03", "First Moroccan Crisis", "1906-04"),
                        ("1914-08-04", "Britain declares war on Germany")])
    rendered, _ = render(topic, layout, answers=True)
    with pdfplumber.open(io.BytesIO(rendered.data)) as pdf:
        page = pdf.pages[0]
        (axis,) = ribbons(page)
        (bar,) = span_bars(page)
        start, end = centre_of_word(page, "1904", axis), centre_of_word(page, "1915", axis)

    def x_of(day: datetime.date) -> float:
        year_days = 366 if day.year % 4 == 0 else 365
        year = day.year + (day - datetime.date(day.year, 1, 1)).days / year_days
        return start + (end - start) * (year - 1904) / 11

    assert bar["x0"] == pytest.approx(x_of(datetime.date(1905, 3, 1)), abs=0.5 * MM)
    assert bar["x1"] == pytest.approx(x_of(datetime.date(1906, 5, 1)), abs=0.5 * MM)  # to the end of 30 April


def test_events_in_one_year_span_that_year(make_topic, layout):
    plan = timeline_plan(make_topic([("1969-08", "Border clash"), ("1969-03", "Zhenbao Island")]), layout)
    (row,) = plan.rows
    assert (row.start, row.end) == (1969.0, 1970.0)
    assert [label.marker_x for label in sorted(row.labels, key=lambda label: label.event)] == sorted(
        label.marker_x for label in row.labels)


def test_events_are_sorted_by_date_keeping_written_order_on_one_date(make_topic):
    topic = make_topic([("1972-02", "Nixon visits China"), ("1969-03-02", "First"), ("1969", "Whole year"),
                        ("1969-03-02", "Second"), ("1950-02-14", "Treaty")])
    assert [event.event for event in sorted_events(topic)] == ["Treaty", "First", "Second", "Whole year",
                                                               "Nixon visits China"]


def test_markup_characters_print_literally(make_topic, layout):
    text = 'Tariff <b>not</b> cut & "AT&T" <img src="x.png"/> fined'
    topic = make_topic([("1984-01-01", text), ("1985-06", "Another event")])
    rendered, problems = render(topic, layout, answers=True)
    printed = words_in_labels(rendered.data, timeline_plan(topic, layout))
    assert normalise(printed[0]) == normalise(f"1 Jan 1984 {text}")
    assert not problems


def test_glyphs_the_font_lacks_are_reported_where_printed(make_topic, layout):
    topic = make_topic([("1969-03-02", "Clashes at \u73cd\u5b9d\u5c9b (Zhenbao)"), ("1969-08", "Border clash")])
    _, answer_problems = render(topic, layout, answers=True)
    _, worksheet_problems = render(topic, layout, answers=False)
    assert len(answer_problems) == 1
    assert "timeline[0].event" in answer_problems[0] and "U+73CD" in answer_problems[0]
    assert not worksheet_problems  # the worksheet does not print the events


def test_a_very_long_event_grows_taller_and_is_still_printed(make_topic, layout):
    long_text = " ".join(f"word{n}" for n in range(120))
    topic = make_topic([("1969-03-02", long_text), ("1969-08", "Border clash")])
    rendered, problems = render(topic, layout, answers=True)
    plan = timeline_plan(topic, layout)
    assert_clean_layout(plan, 2)
    printed = words_in_labels(rendered.data, plan)
    assert normalise(printed[0]) == normalise(f"2 Mar 1969 {long_text}")
    assert not problems
