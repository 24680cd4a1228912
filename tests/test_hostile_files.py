"""Files no teacher means to write, from issue 14: each ends in a message at the file and line
(exit 1) that repeats no more than an excerpt of what was written, never a hang or a crash."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from revisionprint import limits
from revisionprint.model import SizeRange
from revisionprint.errors import excerpt
from revisionprint.placeholders import fill, unknown_pieces

from conftest import EXAMPLE

REPO = Path(__file__).resolve().parent.parent
CARD = "  - front: Question {n}\n    back: Answer {n}\n"


def deck(count: int, card: str = CARD) -> str:
    return "title: Deck\nflashcards:\n" + "".join(card.format(n=n) for n in range(count))


@pytest.fixture
def layout(tmp_path, monkeypatch):
    """Writes layouts/NAME.yaml in a fresh working folder, as a teacher's own layout."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()

    def write(text: str, name: str = "mine") -> str:
        (tmp_path / "layouts" / f"{name}.yaml").write_text(text, encoding="utf-8")
        return name

    return write


def problems_of(result) -> list[str]:
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


# ---------------------------------------------------------------- numbers in layouts


@pytest.mark.parametrize("text, where, words", [
    ("flashcards:\n  back_offset: {y: 1" + "0" * 400 + "mm}\n", "layouts/mine.yaml:2:20: flashcards.back_offset.y",
     "a length can be at most 2000mm"),
    ("flashcards:\n  back_text: {largest: 99999999999999999pt}\n", "layouts/mine.yaml:2:24: flashcards.back_text.largest",
     "it can be at most 72pt"),
    ("factors:\n  writing_line_spacing: 1" + "0" * 400 + "mm\n", "layouts/mine.yaml:2:25: factors.writing_line_spacing",
     "it can be at most 30mm"),
    ("factors:\n  widths: [inf, 1, 1, 1, 1, 1]\n", "layouts/mine.yaml:2:12: factors.widths[0]",
     "'inf' should be a number"),
    ("factors:\n  widths: [nan, 1, 1, 1, 1, 1]\n", "layouts/mine.yaml:2:12: factors.widths[0]",
     "'nan' should be a number"),
    ("factors:\n  widths: [1000, 1, 1, 1, 1, 1]\n", "layouts/mine.yaml:2:12: factors.widths[0]", "from 0.1 to 100"),
    ("factors:\n  widths: [100, 0.1, 1, 1, 1, 1]\n", "layouts/mine.yaml:2:11: factors.widths", "too narrow for a word"),
    ("timeline:\n  writing_lines: 1" + "0" * 400 + "\n", "layouts/mine.yaml:2:18: timeline.writing_lines",
     "should be a whole number from 1 to 10"),
    ("factors:\n  cell_padding: 24mm\n", "layouts/mine.yaml:2:17: factors.cell_padding",
     "each column needs at least 12mm of text inside its padding"),
    ("factors:\n  cell_padding: 51mm\n", "layouts/mine.yaml:2:17: factors.cell_padding", "at most 50mm"),
    ("lines:\n  cut: {width: 6mm}\n", "layouts/mine.yaml:2:16: lines.cut.width", "at most 5mm"),
    ("paper: 18mm x 18mm\n", "layouts/mine.yaml:1:8: paper", "each side must be from 100mm to 1200mm"),
    ("paper: 2000mm x 2000mm\n", "layouts/mine.yaml:1:8: paper", "each side must be from 100mm to 1200mm"),
    ("margins: {top: 150mm, bottom: 10mm}\n", "layouts/mine.yaml:1:31: margins.bottom",
     "leave less than 60mm of the paper (A4) to print on"),
    ("font: {size: 73pt}\n", "layouts/mine.yaml:1:14: font.size", "it can be at most 72pt"),
    ("flashcards: {safe_margin: 31mm}\n", "layouts/mine.yaml:1:27: flashcards.safe_margin", "at most 30mm"),
    ("timeline: {orientation: portrait, writing_line_length: 177mm}\n",
     "layouts/mine.yaml:1:56: timeline.writing_line_length", "but the timeline page has 186mm inside its margins"),
    ("timeline: {writing_line_length: 251mm}\n", "layouts/mine.yaml:1:33: timeline.writing_line_length",
     "at most 250mm"),
])
def test_a_number_out_of_range_is_reported_where_it_is_written(run, layout, text, where, words):
    result = run("validate", EXAMPLE, "--layout", layout(text))
    assert any(line.startswith(where) and words in line for line in problems_of(result)), result.output
    assert "0" * 100 not in result.output


def test_numbers_at_the_documented_limits_are_accepted(run, layout):
    name = layout("paper: 100mm x 1200mm\nmargins: {top: 20mm, bottom: 20mm, left: 20mm, right: 20mm}\n"
                  "font: {size: 72pt, title_size: 4pt}\nfactors: {writing_line_spacing: 30mm, widths: [1, 1, 1, 1, 1, 1]}\n"
                  "flashcards: {back_offset: {x: 10mm, y: -10mm}}\ntimeline: {writing_line_length: 250mm}\n")
    result = run("validate", EXAMPLE, "--layout", name)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("text, where, words", [
    # The built-in widths and padding do not fit this paper: the teacher's paper is what to change.
    ("paper: 100mm x 100mm\n", "layouts/mine.yaml:1:8: paper",
     "leaves the factor table 76mm across inside the margins, too narrow for its 6 columns whatever their widths"),
    ("paper: 100mm x 100mm\nfactors: {widths: [1, 1, 1, 1, 1, 1]}\n", "layouts/mine.yaml:1:8: paper",
     "too narrow for its 6 columns whatever their widths"),
    ("paper: 105mm x 148mm\n", "layouts/mine.yaml:1:8: paper",
     "narrowest column 13.6mm wide (factors.widths [1.1, 1.6, 2.3, 1.7, 1.7, 1.6])"),
    ("paper: 100mm x 100mm\nmargins: {left: 20mm, right: 20mm}\nfactors: {columns: [factor, summary], widths: [1, 1]}\n",
     "layouts/mine.yaml:1:8: paper", "leaves the timeline page 60mm inside its margins, but its numbered writing lines "
     "need 70mm (timeline.writing_line_length 60mm and number_width 10mm)"),
])
def test_a_built_in_value_that_does_not_fit_the_teachers_paper_is_reported_at_the_paper(run, layout, text, where,
                                                                                          words):
    result = run("validate", EXAMPLE, "--layout", layout(text))
    assert any(line.startswith(where) and words in line for line in problems_of(result)), result.output
    assert "data/layouts" not in result.output  # a file the teacher cannot change


def test_a_paper_set_on_the_command_line_is_named_as_the_option(run):
    result = run("validate", EXAMPLE, "--set", "paper=105mmx148mm")
    assert result.exit_code == 2, result.output
    assert "--set paper: leaves the factor table's narrowest column 13.6mm wide" in result.output
    assert "data/layouts" not in result.output


def test_a_slipped_decimal_point_in_the_back_offset_suggests_the_offset_meant(run, layout):
    result = run("validate", EXAMPLE, "--layout", layout("flashcards:\n  back_offset: {x: 500mm}\n"))
    assert "did you mean 5mm?" in result.output


# ---------------------------------------------------------------- header and footer texts


@pytest.mark.parametrize("template, column", [("{title:d}", 9), ("{pages:,}", 9), ("{page:>9999999999}", 9),
                                              ("{title!r}", 9), ("{0}", 9), ("{}", 9), ("{title[0]}", 9)])
def test_a_placeholder_with_a_format_is_reported_when_the_layout_is_read(run, layout, template, column):
    result = run("validate", EXAMPLE, "--layout", layout(f"footer:\n  left: '{template}'\n"))
    assert any(line.startswith(f"layouts/mine.yaml:2:{column}: footer.left: '{template}' is not a placeholder")
               for line in problems_of(result)), result.output


def test_placeholders_are_filled_by_plain_replacement():
    values = {"title": "{page}", "page": "3"}
    assert fill("{title} - page {page} {{title}} }}", values) == "{page} - page 3 {title} }"
    assert unknown_pieces("Page {page} of {pages} {{x}}") == []
    assert unknown_pieces("{page:>9} {") == ["{page:>9}", "{"]


def test_a_long_title_in_the_header_costs_a_few_measurements(monkeypatch):
    """Shortening a header to fit halves the text, rather than trying one character less at a time."""
    from revisionprint.render import furniture

    calls = []
    real = furniture.string_width
    monkeypatch.setattr(furniture, "string_width", lambda *args: calls.append(1) or real(*args))
    counts = []
    for length in (3_000, 24_000):
        calls.clear()
        size, text = furniture._fit_line("word " * (length // 5), "Helvetica", 200, SizeRange(8, 5.5))
        assert text.endswith("\u2026") and real(text, "Helvetica", size) <= 200
        counts.append(len(calls))
    assert counts[1] <= counts[0] + 10, counts


# ---------------------------------------------------------------- reading the file


def test_a_file_larger_than_the_limit_is_refused_without_reading_it_all(run):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    result = run("validate", "/dev/zero")
    assert problems_of(result) == ["/dev/zero:1:1: is larger than 30 MB, more than any topic or layout "
                                   "(see docs/limits.md); is it the right file?"]


def test_a_file_at_the_size_limit_is_read(run, write_topic, monkeypatch):
    from revisionprint import yamlfile

    text = "# " + "padding " * 2_000 + "\n" + deck(3)  # larger than any layout read with it
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", len(text.encode()))
    result = run("validate", write_topic(text))
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", len(text.encode()) - 1)
    assert "is larger than" in run("validate", write_topic(text)).output


def test_a_control_character_is_reported_at_its_own_line_and_column(run, write_topic):
    path = write_topic("title: T\nsubject: History\ncourse: C\nsource: Notes\x07 page 4\nflashcards:\n"
                       "  - {front: a, back: b}\n")
    [problem] = problems_of(run("validate", path))
    assert problem.startswith(f"{path}:4:14: has an invisible control character (\\x07, U+0007)")
    assert "unicode string" not in problem and "position" not in problem


@pytest.mark.parametrize("character", [chr(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0xFFFE, 0xFFFF)
                                       if chr(code) not in "\t\n\r\x85"])
def test_every_unreadable_character_is_reported_where_it_is(run, write_topic, character):
    # The bytes are looked at first, to spare most files a pattern over every character.
    path = write_topic(f"title: T\nflashcards:\n  - front: The {character}end\n    back: b\n")
    [problem] = problems_of(run("validate", path))
    assert problem.startswith(f"{path}:3:16: has an invisible control character"), problem
    assert f"U+{ord(character):04X}" in problem


def test_tabs_no_break_spaces_and_pound_signs_are_readable(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: \u00a3100\u00a0a year\tor so\n    back: \ufeffb\n")
    result = run("validate", path)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("tagged, column", [("!!python/name:os.system", 12), ("!!binary", 12), ("!!str", 12),
                                            ("!!int", 12), ("!local", 12), ("!<tag:yaml.org,2002:str>", 12)])
def test_every_yaml_tag_is_refused_at_its_line(run, write_topic, tagged, column):
    path = write_topic(f"title: T\nflashcards:\n  - front: {tagged} What?\n    back: b\n")
    problems = problems_of(run("validate", path))
    assert any(line.startswith(f"{path}:3:{column}: YAML reads '{tagged}' as a tag") for line in problems), problems


def test_a_tag_on_a_list_is_refused_too(run, write_topic):
    path = write_topic("title: T\nflashcards: !!seq\n  - {front: a, back: b}\n")
    assert problems_of(run("validate", path))[0].startswith(f"{path}:2:13: YAML reads '!!seq' as a tag")


def test_a_huge_value_is_echoed_only_as_an_excerpt(run, layout):
    result = run("validate", EXAMPLE, "--layout", layout("margins:\n  top: " + "x" * 4_000 + "\n"))
    [problem] = problems_of(result)
    assert "x" * limits.EXCERPT_CHARACTERS + "\u2026" in problem and len(problem) < 400


def test_escape_characters_are_shown_escaped_never_sent_to_the_terminal(run, write_topic):
    path = write_topic('title: T\n"\\e]0;owned\\a": 1\nflashcards:\n  - front: "\\e[31mred"\n    back: b\n'
                       '    tags: ["\\e[2J,\\u202e"]\n')
    result = run("validate", path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "\\x1b]0;owned\\x07" in result.output


def test_excerpts_are_short_and_escaped():
    assert excerpt("a" * 100) == "a" * 60 + "\u2026"
    assert excerpt("\x1b[2J\n") == "\\x1b[2J\\x0a"


# ---------------------------------------------------------------- extends


@pytest.mark.parametrize("target", ["/etc/passwd", "../secret.yaml", "..\\secret.yaml", "sub/../../secret.yaml"])
def test_extends_never_reads_a_file_outside_the_layouts_folder(run, layout, tmp_path, target):
    (tmp_path / "secret.yaml").write_text("password: hunter2-top-secret\n")
    (tmp_path / "layouts" / "sub").mkdir()
    result = run("validate", EXAMPLE, "--layout", layout(f"extends: '{target}'\n"))
    [problem] = problems_of(result)
    assert problem.startswith("layouts/mine.yaml:1:10: extends:") and "is a path" in problem
    assert "hunter2" not in result.output and "root:" not in result.output


def test_extends_still_finds_a_file_next_to_the_layout(run, layout):
    layout("font: {size: 12pt}\n", name="school")
    assert run("validate", EXAMPLE, "--layout", layout("extends: school.yaml\n")).exit_code == 0


# ---------------------------------------------------------------- aliases, anchors, nesting


def test_a_big_deck_with_ampersands_is_not_an_alias_bomb(run, write_topic):
    path = write_topic(deck(30_000, "  - front: Question {n} & more\n    back: Answer & {n}\n"))
    result = run("validate", path)
    assert result.exit_code == 0 and "30,000 flashcards" in result.output, result.output[:500]


def test_a_wrapped_line_starting_with_an_ampersand_is_text(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: Who signed\n      &initialled the treaty?\n    back: b\n")
    assert run("validate", path).exit_code == 0


def test_an_anchor_at_the_start_of_a_text_is_still_reported(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: &Co were asked\n    back: b\n")
    [problem] = problems_of(run("validate", path))
    assert problem.startswith(f"{path}:3:12: YAML reads '&Co' at the start of this text as an anchor")


def test_aliases_that_repeat_few_items_are_fine(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - &card {front: a, back: b}\n  - *card\n")
    assert run("validate", path).exit_code == 0


def test_aliases_repeating_more_than_the_limit_are_refused(run, write_topic):
    rows = ["title: T", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    rows += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(3)]
    # About 12,000 items repeated: within the limit; two levels more, over a million, far beyond it.
    within = run("validate", write_topic("\n".join(rows) + "\n"))
    assert "would repeat" not in within.output
    rows += [f"e: &e [{', '.join(['*d'] * 10)}]", f"z: [{', '.join(['*e'] * 10)}]"]
    result = run("validate", write_topic("\n".join(rows) + "\n"))
    assert "its aliases (*name) would repeat more than 100,000 items" in result.output


@pytest.mark.parametrize("anchor", ["", "&card "], ids=["plain", "with an anchor"])
def test_nesting_deeper_than_the_limit_is_refused(run, write_topic, anchor):
    # A file with no anchor and no tag has only its depth checked, in a walk of its own.
    within = f"title: T\nflashcards: [{anchor}{{front: a, back: b}}]\nx: " + "[" * (limits.MAX_DEPTH - 1) + "]" * (
        limits.MAX_DEPTH - 1) + "\n"
    assert "nested too deeply" not in run("validate", write_topic(within)).output
    beyond = f"title: T\nflashcards: [{anchor}{{front: a, back: b}}]\nx: " + "[" * 21 + "]" * 21 + "\n"
    assert "is nested too deeply (more than 20 lists or mappings inside each other)" in \
        run("validate", write_topic(beyond)).output
    beyond = "title: T\nx: " + "[" * 500 + "]" * 500 + "\n"
    assert "is nested too deeply (more than 20 lists or mappings inside each other)" in \
        run("validate", write_topic(beyond)).output


# ---------------------------------------------------------------- the size of a topic


def _sized_topic(section: str, count: int) -> str:
    item = {"flashcards": "  - {{front: Q{n}, back: A{n}}}\n", "factors": "  - {{name: F{n}}}\n",
            "timeline": "  - {{date: 1900, event: E{n}}}\n"}[section]
    return f"title: T\n{section}:\n" + "".join(item.format(n=n) for n in range(count))


@pytest.mark.parametrize("section, most, what", [("factors", limits.MAX_FACTORS, "factors"),
                                                 ("timeline", limits.MAX_EVENTS, "events")])
def test_a_topic_can_have_up_to_its_limit_of_factors_and_events(run, write_topic, section, most, what):
    assert run("validate", write_topic(_sized_topic(section, most))).exit_code == 0
    [problem] = problems_of(run("validate", write_topic(_sized_topic(section, most + 1))))
    assert f":3:3: {section}: has {most + 1:,} {what}; it can have at most {most:,}" in problem


def test_a_topic_can_have_up_to_its_limit_of_cards(run, write_topic, monkeypatch):
    from revisionprint.content import topic

    assert limits.MAX_CARDS == 50_000  # docs/limits.md; checked on a smaller limit to keep the test quick
    monkeypatch.setattr(topic, "MAX_CARDS", 40)
    assert run("validate", write_topic(_sized_topic("flashcards", 40))).exit_code == 0
    [problem] = problems_of(run("validate", write_topic(_sized_topic("flashcards", 41))))
    assert "flashcards: has 41 cards; it can have at most 40" in problem


def test_a_list_can_have_up_to_its_limit_of_items(run, write_topic):
    def back(count):
        return "title: T\nflashcards:\n  - front: Q\n    back: [" + ", ".join(["x"] * count) + "]\n"

    assert "items" not in run("validate", write_topic(back(limits.MAX_LIST_ITEMS))).output
    [problem] = problems_of(run("validate", write_topic(back(limits.MAX_LIST_ITEMS + 1))))
    assert f"flashcards[0].back: has {limits.MAX_LIST_ITEMS + 1} items; it can have at most" in problem


def test_a_text_can_have_up_to_its_limit_of_characters_and_lines(run, write_topic):
    def card(back):
        return f"title: T\nflashcards:\n  - front: Q\n    back: {back}\n"

    most = limits.MAX_TEXT_CHARACTERS
    assert "characters" not in run("validate", write_topic(card("x" * most))).output
    [problem] = problems_of(run("validate", write_topic(card("x" * (most + 1)))))
    assert f"flashcards[0].back: is {most + 1:,} characters long; a text can be at most {most:,}" in problem
    lines = limits.MAX_TEXT_LINES
    assert "lines" not in run("validate", write_topic(card("|\n" + "      a\n" * lines))).output
    [problem] = problems_of(run("validate", write_topic(card("|\n" + "      a\n" * (lines + 1)))))
    assert f"has {lines + 1} lines; a text can have at most {lines}" in problem


def test_every_limit_is_documented():
    documented = (REPO / "docs" / "limits.md").read_text(encoding="utf-8").replace(",", "")
    for name in dir(limits):
        if name.isupper():
            value = getattr(limits, name)
            shown = f"{value // 1_000_000} MB" if name == "MAX_FILE_BYTES" else f"{value:g}"
            assert shown in documented, f"{name} = {value} is not in docs/limits.md"


# ---------------------------------------------------------------- cost grows linearly


class CountingList(list):
    """A list that counts the items looked through by `in`: a step that asks a growing list
    whether it already holds each new item is quadratic."""

    looked_at = 0

    def __contains__(self, item):
        CountingList.looked_at += len(self)
        return super().__contains__(item)


def _work_to_build(run, write_topic, tmp_path, monkeypatch, cards: int) -> tuple[int, int]:
    """Python calls made and list items looked through while building a deck whose every card has
    a word too long for it."""
    from revisionprint import build
    from revisionprint.render import problems as render_problems

    monkeypatch.setattr(build.BuildReport, "__init__", _counting_init(build.BuildReport.__init__))
    monkeypatch.setattr(render_problems.RenderProblems, "__init__",
                        _counting_init(render_problems.RenderProblems.__init__))
    path = write_topic(deck(cards, "  - front: Q{n}\n    back: " + "x" * 200 + "\n"), f"deck{cards}.yaml")
    CountingList.looked_at = 0
    calls = [0]

    def count(frame, event, arg):
        if event == "call":
            calls[0] += 1

    sys.setprofile(count)
    try:
        result = run("validate", path)
        assert result.exit_code == 0
        result = run("flashcards", path, "-o", tmp_path / f"deck{cards}.pdf")
    finally:
        sys.setprofile(None)
    assert result.exit_code == 1 and "flashcards[0].back: has a word" in result.output
    return calls[0], CountingList.looked_at


def _counting_init(init):
    def counting(self, *args, **kwargs):
        init(self, *args, **kwargs)
        for name in ("problems", "messages"):
            if isinstance(getattr(self, name, None), list):
                setattr(self, name, CountingList(getattr(self, name)))

    return counting


def test_reading_and_reporting_a_big_deck_costs_in_proportion_to_its_size(run, write_topic, tmp_path,
                                                                           monkeypatch):
    small = _work_to_build(run, write_topic, tmp_path, monkeypatch, 100)
    large = _work_to_build(run, write_topic, tmp_path, monkeypatch, 800)
    # Eight times the cards: about eight times the work (a quadratic step would be 64 times),
    # counted as Python calls and as list items looked through one by one.
    for few, many in zip(small, large):
        assert many <= 8 * few * 1.5 + 100, (small, large)


def test_importing_a_file_larger_than_the_limit_is_refused_without_reading_it_all(run, tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    result = run("import", "/dev/zero", "--format", "line-pairs", "-o", tmp_path / "cards.yaml")
    assert result.exit_code == 1
    assert "/dev/zero:1:1: is larger than 30 MB, more than any set of cards as text" in result.output


def test_a_text_in_a_script_the_font_lacks_names_a_few_of_its_characters(run, write_topic):
    path = write_topic("title: T\nflashcards:\n  - front: " + "".join(chr(0x4E00 + n) for n in range(3000))
                       + "\n    back: b\n")
    [problem] = problems_of(run("validate", path))
    assert "'一' (U+4E00)" in problem and "and 2990 more" in problem and len(problem) < 600


def test_a_line_taller_than_the_card_continues_without_a_crash(run, write_topic, layout, tmp_path):
    """Found by the fuzz tests: 72pt backs with --overflow continue (the word that cannot fit is reported)."""
    name = layout("flashcards:\n  back_text: {largest: 72pt, smallest: 72pt}\n  safe_margin: 0mm\n")
    path = write_topic("title: T\nflashcards:\n  - {front: Q, back: [Mao's 1958 plan, A rejection of the model]}\n")
    result = run("flashcards", path, "--layout", name, "--overflow", "continue", "--keep-going", "-o",
                 tmp_path / "cards.pdf")
    assert result.exit_code == 0, result.output
    assert "has a word too wide for a 85 x 55 mm card even at 72pt ('rejection')" in result.output
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")


def test_a_suggestion_among_many_long_choices_is_short(run, write_topic):
    events = "".join(f"  - {{date: {1900 + n}, event: Event {n} {'x' * 4000}}}\n" for n in range(50))
    path = write_topic("title: T\nfactors:\n  - {name: F, events: [Nothing like any of them]}\ntimeline:\n" + events)
    [problem] = problems_of(run("validate", path))
    assert "names no event of this topic's timeline: 'Nothing like any of them'" in problem
    assert "Event 0 " in problem and len(problem) < 1300  # the message is cut at 1,000 characters


@pytest.mark.parametrize("value", ["", "~", "null", "Null", "NULL", "nULL", "none", "yes", "Yes", "YES", "yES", "no",
                                   "No", "NO", "true", "True", "TRUE", "tRUE", "false", "off", "Off", "OFF", "on",
                                   "On", "ON", "y", "n", "0", "1", "1.5", ".inf", "2020-01-01", "0x1F", "=", "<<",
                                   "'yes'", '"null"', "text", "Mao's *view*"])
def test_values_are_read_as_null_or_yes_no_exactly_where_yaml_reads_them_so(value):
    """Only the null and bool types are resolved (everything else is read as text): the same
    values as PyYAML's own resolver gives those two types."""
    import yaml

    from revisionprint.yamlfile import BOOL_TAG, NULL_TAG, parse_yaml

    text = f"key: {value}\n{value or 'empty'}: 1\n"
    ours = parse_yaml(text.encode(), "t.yaml").root
    theirs = yaml.compose(text, Loader=yaml.SafeLoader)

    def kind(node) -> str:
        return node.tag if node.tag in (NULL_TAG, BOOL_TAG) else "text"

    pairs = [pair for entry in zip(ours.value, theirs.value) for pair in zip(*entry)]
    assert len(pairs) == 4
    assert [kind(mine) for mine, _ in pairs] == [kind(pyyaml) for _, pyyaml in pairs], value
