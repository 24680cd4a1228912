"""Class packs: what a teacher checks in the PDF (bookmarks, page labels, pages, names)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader, PdfWriter

from conftest import EXAMPLE, pdf_pages_text

TOPIC = """\
title: {title}
subject: History
question: Why did {title} happen?
flashcards:
  - front: What is {title}?
    back: A topic of {count} cards
    tags: [context]
  - front: When was {title}?
    back: [In 1950, "Or 1951"]
    tags: [dates]
  - front: Who led {title}?
    back: Mao
    tags: [people]
factors:
  - name: Ideology
    summary: The ideas behind {title}.
    evidence: [A speech]
  - name: Leaders
    summary: The people of {title}.
timeline:
  - date: 1950-02-14
    event: A treaty about {title}
  - date: 1960-07
    event: Advisers leave
  - date: 1969
    event: Border clashes
"""


@pytest.fixture
def topics(write_topic):
    return [write_topic(TOPIC.format(title=title, count=3), f"{title.lower()}.yaml") for title in ("Alpha", "Beta")]


@pytest.fixture
def class_list(tmp_path):
    path = tmp_path / "11a.csv"
    path.write_text("surname,name,form\nLovelace,Ada Lovelace,11A\nTuring,Alan Turing,11A\n"
                    "Hopper,Grace Hopper,11A\n", encoding="utf-8")
    return path


def outline(reader: PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """(depth, title, 0-based page) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


def product_pages(run, tmp_path, topic, keys) -> dict[str, int]:
    """How many pages each product has when built on its own."""
    folder = tmp_path / f"alone-{topic.stem}"
    assert run("build", topic, "--output", folder, "--quiet").exit_code == 0
    return {key: len(PdfReader(next(folder.glob(f"*-{key}.pdf"))).pages) for key in keys}


def test_a_packs_bookmarks_labels_and_pages_are_its_products_each_starting_on_a_front(run, tmp_path, topics):
    target = tmp_path / "pack.pdf"
    result = run("pack", *topics, "--products", "flashcards,factors-blank,timeline", "-o", target)
    assert result.exit_code == 0, result.output
    reader = PdfReader(target)
    labels = {"flashcards": "Flashcards", "factors-blank": "Blank factor table", "timeline": "Timeline worksheet"}
    expected, page = [], 0
    for topic, title in zip(topics, ("Alpha", "Beta")):
        expected.append((0, title, page))
        for key, pages in product_pages(run, tmp_path, topic, labels).items():
            expected.append((1, labels[key], page))
            page += pages + pages % 2  # a blank back after an odd product
    assert outline(reader) == expected
    assert len(reader.pages) == page
    assert all(start % 2 == 0 for _, _, start in expected)  # page index 0, 2, ...: page 1, 3, ... a front
    assert reader.page_labels == [str(number) for number in range(1, page + 1)]
    assert "Wrote" in result.output and f"on {page} pages" in result.output


def test_a_blank_back_follows_an_odd_product_and_is_its_size(run, tmp_path, topics):
    target = tmp_path / "pack.pdf"
    assert run("pack", topics[0], "--products", "timeline,flashcards", "-o", target).exit_code == 0
    reader = PdfReader(target)
    marks = outline(reader)
    timeline_start = next(page for _, title, page in marks if title == "Timeline worksheet")
    assert len(reader.pages) - timeline_start == 2  # the worksheet's one page, and a blank back
    worksheet, back = reader.pages[timeline_start], reader.pages[timeline_start + 1]
    assert (back.extract_text() or "").strip() == ""
    assert (back.mediabox.width, back.mediabox.height) == (worksheet.mediabox.width, worksheet.mediabox.height)
    # Flashcards come first (the product table's order), fronts on fronts: pages 1, 3 ...
    assert marks[1][1] == "Flashcards" and marks[1][2] == 0


def copies_by_bookmark(reader: PdfReader) -> dict[str, range]:
    tops = [(title, page) for depth, title, page in outline(reader) if depth == 0]
    ends = [page for _, page in tops[1:]] + [len(reader.pages)]
    return {title: range(page, end) for (title, page), end in zip(tops, ends)}


def test_each_student_has_their_name_on_their_own_sheets_and_nowhere_else(run, tmp_path, topics, class_list):
    target = tmp_path / "class.pdf"
    result = run("pack", *topics, "--students", class_list, "--products", "flashcards,factors-blank,timeline",
                 "-o", target)
    assert result.exit_code == 0, result.output
    reader = PdfReader(target)
    texts = pdf_pages_text(target)
    names = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    copies = copies_by_bookmark(reader)
    assert list(copies) == names  # class-list order
    sheets = [(page, title) for depth, title, page in outline(reader) if depth == 2]
    for name, pages in copies.items():
        assert reader.page_labels[pages[0]] == f"{name} - 1"
        for page in pages:
            others = [other for other in names if other != name and other in texts[page]]
            assert not others, f"page {page + 1} of {name}'s copy names {others}"
        # Each worksheet and table starts with the Name field filled in.
        for page, title in sheets:
            if page in pages and title != "Flashcards":
                assert f"Name {name}" in texts[page], (title, page)
    assert sum(text.count("Ada Lovelace") for text in texts) == 4  # 2 topics x (table + worksheet)


def test_a_class_list_may_be_a_text_file_with_one_name_a_line(run, tmp_path, topics):
    names = tmp_path / "names.txt"
    names.write_text("# 11B, autumn term\nZoë Ashby\n\n  Ravi Patel  \n", encoding="utf-8")
    target = tmp_path / "class.pdf"
    assert run("pack", topics[0], "--students", names, "--products", "timeline", "-o", target).exit_code == 0
    assert list(copies_by_bookmark(PdfReader(target))) == ["Zoë Ashby", "Ravi Patel"]
    assert "Name Zoë Ashby" in pdf_pages_text(target)[0]


@pytest.mark.parametrize("name, data", [
    ("names.csv", "\ufeffName;Class\nÉlodie Martin;11C\n".encode("utf-8")),  # Excel's CSV in much of Europe
    ("names.txt", "Name\tClass\nÉlodie Martin\t11C\n".encode("utf-16")),  # Excel's Unicode Text, saved as .txt
    ("names.tsv", "Name\tClass\nÉlodie Martin\t11C\n".encode("utf-16")),
])
def test_class_lists_as_excel_saves_them_are_read(run, tmp_path, topics, name, data):
    names = tmp_path / name
    names.write_bytes(data)
    target = tmp_path / "class.pdf"
    assert run("pack", topics[0], "--students", names, "--products", "timeline", "-o", target).exit_code == 0
    assert "Name Élodie Martin" in pdf_pages_text(target)[0]


@pytest.mark.parametrize("name, text, message", [
    ("names.csv", "surname,form\nLovelace,11A\n", ":1:1: has no 'name' column (its columns are 'surname', 'form')"),
    ("names.txt", "Ada Lovelace\n张伟\n", ":2:1: the name '张伟' has '伟' (U+4F1F), '张' (U+5F20), which the font"),
    ("names.txt", "# 11A\n\n", ":1:1: has no names in it"),
    ("names.xlsx", "PK\x03\x04\x14\x00", ": is a spreadsheet file, not text; save it as CSV"),
])
def test_a_class_list_that_cannot_be_used_is_reported_at_its_line(run, tmp_path, topics, name, text, message):
    names = tmp_path / name
    names.write_text(text, encoding="utf-8")
    result = run("pack", topics[0], "--students", names, "-o", tmp_path / "class.pdf")
    assert result.exit_code == 1
    assert f"{names}{message}" in result.output
    assert not (tmp_path / "class.pdf").exists()


def test_two_pack_builds_are_byte_identical_and_carry_no_date(run, tmp_path, topics, class_list):
    layout = tmp_path / "school.yaml"
    layout.write_text("extends: default\nauthor: Humanities, Hilltop School\n", encoding="utf-8")
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    for target in (first, second):
        assert run("pack", *topics, "--students", class_list, "--contents", "--layout", layout,
                   "-o", target).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    metadata = PdfReader(first).metadata
    assert (metadata.title, metadata.subject, metadata.author) == ("Alpha, Beta", "History",
                                                                   "Humanities, Hilltop School")
    assert "/CreationDate" not in metadata and "/ModDate" not in metadata


def test_source_date_epoch_puts_no_date_in_a_pack(run, tmp_path, topics, monkeypatch):
    """A pack takes its parts' pages, never their dated document information."""
    plain, dated = tmp_path / "plain.pdf", tmp_path / "dated.pdf"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert run("pack", topics[0], "--products", "factors,timeline", "--contents", "-o", plain).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("pack", topics[0], "--products", "factors,timeline", "--contents", "-o", dated).exit_code == 0
    assert plain.read_bytes() == dated.read_bytes()


def test_jobs_2_writes_the_same_bytes_as_jobs_1(run, tmp_path, topics, class_list):
    serial, parallel = tmp_path / "serial.pdf", tmp_path / "parallel.pdf"
    assert run("pack", *topics, "--students", class_list, "--shuffle", "--vary", "--contents",
               "--jobs", "1", "-o", serial).exit_code == 0
    assert run("pack", *topics, "--students", class_list, "--shuffle", "--vary", "--contents",
               "--jobs", "2", "-o", parallel).exit_code == 0
    assert serial.read_bytes() == parallel.read_bytes()


def fronts_in_order(target, reader: PdfReader, copy: range) -> list[str]:
    start = next(page for depth, title, page in outline(reader) if title == "Flashcards" and page in copy)
    text = pdf_pages_text(target)[start]
    return sorted((text.index(f"{which} Alpha"), which) for which in ("What is", "When was", "Who led"))


def test_vary_gives_each_student_their_own_shuffle_the_first_as_without_it(run, tmp_path, topics, class_list):
    varied, same = tmp_path / "varied.pdf", tmp_path / "same.pdf"
    args = ["pack", topics[0], "--students", class_list, "--products", "flashcards", "--shuffle", "--seed", "3"]
    assert run(*args, "--vary", "-o", varied).exit_code == 0
    assert run(*args, "-o", same).exit_code == 0
    orders = {}
    for target in (varied, same):
        reader = PdfReader(target)
        orders[target] = [[which for _, which in fronts_in_order(target, reader, pages)]
                          for pages in copies_by_bookmark(reader).values()]
    assert orders[same][0] == orders[same][1] == orders[same][2]
    assert orders[varied][0] == orders[same][0]  # the first student: seed 3 itself
    assert len({tuple(order) for order in orders[varied]}) > 1


def test_the_contents_page_gives_the_page_each_product_starts_on(run, tmp_path, topics):
    target = tmp_path / "pack.pdf"
    assert run("pack", *topics, "--products", "factors,timeline", "--contents", "--title", "Year 11 revision",
               "-o", target).exit_code == 0
    reader = PdfReader(target)
    contents = pdf_pages_text(target)[0]
    assert contents.startswith("Year 11 revision")
    for depth, title, page in outline(reader):
        if depth == 1:
            assert f"{title} . " in contents and f" {page + 1}" in contents
    marks = outline(reader)
    assert marks[0] == (0, "Contents", 0)
    assert "Alpha Factor table" in contents and "Beta Factor table" in contents  # each under its topic
    assert reader.pages[1].extract_text().strip() == ""  # the contents page's blank back


def test_unnamed_copies(run, tmp_path, topics):
    target = tmp_path / "pack.pdf"
    assert run("pack", topics[0], "--products", "timeline", "--copies", "3", "-o", target).exit_code == 0
    reader = PdfReader(target)
    assert list(copies_by_bookmark(reader)) == ["Copy 1", "Copy 2", "Copy 3"]
    assert len(reader.pages) == 6


@pytest.mark.parametrize("args, option", [
    (["--students", "{list}", "--copies", "2"], "--copies"),
    (["--products", "flashcards,worksheet"], "--products"),
    (["--products", "factors", "--vary"], "--vary"),
])
def test_command_line_mistakes_exit_2_naming_the_option(run, topics, class_list, args, option):
    result = run("pack", topics[0], *[arg.format(list=class_list) for arg in args])
    assert result.exit_code == 2
    assert option in result.output


COURSE = """\
title: Year 11 revision
products: [flashcards, timeline]
contents: true
topics:
  - topics/*.yaml
classes:
  - name: 11A
    students: classes/11a.csv
  - name: Spares
    copies: 2
"""


@pytest.fixture
def course(tmp_path, topics, class_list):
    (tmp_path / "topics").mkdir()
    (tmp_path / "classes").mkdir()
    for topic in topics:
        topic.rename(tmp_path / "topics" / topic.name)
    class_list.rename(tmp_path / "classes" / "11a.csv")
    path = tmp_path / "course.yaml"
    path.write_text(COURSE, encoding="utf-8")
    return path


def test_a_course_file_writes_a_pack_per_class_as_the_pack_command_would(run, tmp_path, course):
    result = run("course", course, "--jobs", "2")
    assert result.exit_code == 0, result.output
    written = tmp_path / "output" / "11a.pdf"
    assert list(copies_by_bookmark(PdfReader(written))) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert list(copies_by_bookmark(PdfReader(tmp_path / "output" / "spares.pdf"))) == ["Copy 1", "Copy 2"]
    by_hand = tmp_path / "by-hand.pdf"
    assert run("pack", tmp_path / "topics" / "alpha.yaml", tmp_path / "topics" / "beta.yaml", "--students",
               tmp_path / "classes" / "11a.csv", "--products", "flashcards,timeline", "--contents",
               "--title", "Year 11 revision", "-o", by_hand).exit_code == 0
    assert written.read_bytes() == by_hand.read_bytes()


@pytest.mark.parametrize("change, message", [
    (("products: [flashcards, timeline]", "products: [flashcards, worksheet]"),
     "course.yaml:2:24: products[1]: unknown product 'worksheet'"),
    (("contents: true", "contents: maybe"), "course.yaml:3:11: contents: 'maybe' should be true or false"),
    (("  - topics/*.yaml", "  - topics/gamma.yaml"), "course.yaml:5:5: topics[0]: there is no topic file "
                                                       "'topics/gamma.yaml'"),
    (("classes/11a.csv", "classes/11b.csv"), "course.yaml:8:15: classes[0].students: there is no class list"),
    (("name: Spares", "name: 11A"), "course.yaml:9:11: classes[1].name: a class named '11A' is given twice"),
    (("title:", "titel:"), "course.yaml:1:1: titel: unknown key 'titel'; did you mean 'title'?"),
])
def test_course_file_mistakes_are_reported_at_their_line(run, tmp_path, course, change, message):
    course.write_text(COURSE.replace(*change), encoding="utf-8")
    result = run("course", course)
    assert result.exit_code == 1
    assert f"{course.parent / message}" in result.output
    assert not (tmp_path / "output").exists()


def test_every_course_mistake_is_reported_in_one_run(run, tmp_path, course):
    course.write_text(COURSE.replace("contents: true", "contents: maybe").replace("classes/11a", "classes/11c"),
                      encoding="utf-8")
    result = run("course", course)
    assert "contents: 'maybe'" in result.output and "classes[0].students" in result.output
    assert "2 problems found" in result.output


def test_a_product_that_prints_no_name_is_drawn_twice_not_for_every_student(monkeypatch, tmp_path, topics):
    from revisionprint import build
    from revisionprint.content import load_topics
    from revisionprint.layouts import load_layout
    from revisionprint.pack import PackRequest, build_pack
    from revisionprint.pack.students import read_class_list

    names = tmp_path / "names.txt"
    names.write_text("".join(f"Student {number}\n" for number in range(1, 7)), encoding="utf-8")
    drawn, render = [], build.Product.render
    monkeypatch.setattr(build.Product, "render", lambda self, *args, **kwargs: (drawn.append(self.key),
                                                                                render(self, *args, **kwargs))[1])
    told = []
    request = PackRequest(tuple(load_topics([str(topics[0])])), load_layout("default"),
                          tuple(build.select_products(["flashcards", "timeline"])[:2]), read_class_list(names))
    pack = build_pack(request, progress=lambda more, total: told.append((more, total)))
    assert drawn.count("flashcards") == 2 and drawn.count("timeline") == 6
    assert sum(more for more, _ in told) == told[0][1] == 12  # the bar reaches its end
    assert pack.copies == 6 and not pack.problems


def test_a_topic_without_a_section_skips_its_products_and_says_so(run, tmp_path, write_topic, topics):
    cards_only = write_topic("title: Gamma\nflashcards:\n  - front: What?\n    back: That\n", "gamma.yaml")
    target = tmp_path / "pack.pdf"
    result = run("pack", cards_only, topics[0], "--products", "flashcards,timeline", "-o", target)
    assert result.exit_code == 0, result.output
    assert f"Skipped: {cards_only}: no timeline section, so the pack has no timeline worksheet of it" in result.output
    assert [(depth, title) for depth, title, _ in outline(PdfReader(target))] == [
        (0, "Gamma"), (1, "Flashcards"), (0, "Alpha"), (1, "Flashcards"), (1, "Timeline worksheet")]


@pytest.mark.parametrize("key", ["timeline-match", "cardsort"])
def test_vary_gives_seeded_products_their_own_order_for_each_student(run, tmp_path, write_topic, class_list, key):
    evidence = "".join(f"\n      - Evidence number {number}" for number in range(8))
    topic = write_topic(TOPIC.format(title="Alpha", count=3).replace("evidence: [A speech]", f"evidence:{evidence}")
                        + "".join(f"  - date: {1970 + year}\n    event: Event number {year}\n" for year in range(8)),
                        "many.yaml")
    orders = {}
    for vary in ((), ("--vary",)):
        target = tmp_path / f"{key}{len(vary)}.pdf"
        result = run("pack", topic, "--students", class_list, "--products", key, "--seed", "5", *vary, "-o", target)
        assert result.exit_code == 0, result.output
        reader, texts = PdfReader(target), pdf_pages_text(target)
        orders[vary] = [texts[pages[0]].replace(name, "") for name, pages in copies_by_bookmark(reader).items()]
    plain, varied = orders[()], orders[("--vary",)]
    assert plain[0] == plain[1] == plain[2]
    assert varied[0] == plain[0]  # the first student: seed 5 itself
    assert len(set(varied)) == 3


def test_flashcard_fronts_print_on_fronts_and_backs_behind_them_after_an_odd_product(run, tmp_path, topics):
    target = tmp_path / "pack.pdf"
    # The timeline worksheet (one page) comes before the second topic's flashcards.
    assert run("pack", *topics, "--products", "flashcards,timeline", "-o", target).exit_code == 0
    texts = pdf_pages_text(target)
    for title in ("Alpha", "Beta"):
        front = next(index for index, text in enumerate(texts) if f"What is {title}?" in text)
        assert front % 2 == 0, f"{title}'s fronts are on page {front + 1}, a back"
        assert "A topic of 3 cards" in texts[front + 1]  # its backs on the other side of the sheet


def test_a_pack_of_many_topics_is_titled_by_its_first(run, tmp_path, write_topic):
    paths = [write_topic(TOPIC.format(title=f"Topic {n}", count=3), f"t{n}.yaml") for n in range(1, 6)]
    target = tmp_path / "pack.pdf"
    assert run("pack", *paths, "--products", "factors", "-o", target).exit_code == 0
    assert PdfReader(target).metadata.title == "Topic 1 and 4 other topics"


def test_a_layout_can_name_the_student_on_every_page_of_their_tables(run, tmp_path, topics, class_list):
    layout = tmp_path / "named.yaml"
    layout.write_text('extends: default\nfooter:\n  centre: "Copy of {student}"\n', encoding="utf-8")
    target = tmp_path / "class.pdf"
    assert run("pack", topics[0], "--students", class_list, "--products", "factors,timeline-answers",
               "--layout", layout, "-o", target).exit_code == 0
    reader, texts = PdfReader(target), pdf_pages_text(target)
    for name, pages in copies_by_bookmark(reader).items():
        printed = [page for page in pages if texts[page]]  # not the blank backs
        assert printed and all(f"Copy of {name}" in texts[page] for page in printed)


def every_product_key() -> list[str]:
    from revisionprint.build import every_variant

    return [item.key for item in every_variant()]


@pytest.mark.parametrize("key", every_product_key())
def test_every_product_joins_a_pack_and_fills_its_name_field(run, tmp_path, key):
    names = tmp_path / "names.txt"
    names.write_text("Ada Lovelace\nAlan Turing\n", encoding="utf-8")
    target = tmp_path / "pack.pdf"
    result = run("pack", EXAMPLE, "--students", names, "--products", key, "-o", target, "--keep-going")
    assert result.exit_code == 0, result.output
    reader, texts = PdfReader(target), pdf_pages_text(target)
    for name, pages in copies_by_bookmark(reader).items():
        assert pages[0] % 2 == 0
        for page in pages:
            if " Class " in f" {texts[page]} " and " Date " in f" {texts[page]} ":  # a sheet with a Name field
                assert f"Name {name} Class" in texts[page], f"{key}, page {page + 1}"


def test_two_classes_whose_files_would_share_a_name_are_reported(run, tmp_path, course):
    course.write_text(COURSE.replace("name: Spares", "name: 11a"), encoding="utf-8")
    result = run("course", course)
    assert result.exit_code == 1
    assert f"{course}:9:11: classes[1].name: a class named '11a' is given twice (its file would be 11a.pdf)" \
        in result.output


def test_a_name_in_a_script_the_main_font_lacks_prints_through_the_fallback(run, tmp_path, topics):
    names = tmp_path / "names.txt"
    names.write_text("Nino ნინო\n", encoding="utf-8")
    target = tmp_path / "class.pdf"
    assert run("pack", topics[0], "--students", names, "--products", "factors-blank", "-o", target).exit_code == 0
    assert "Name Nino ნინო Class" in pdf_pages_text(target)[0]
    fonts = {str(font.get("/BaseFont")) for font in PdfReader(target).pages[0]["/Resources"]["/Font"].values()}
    assert any("DejaVu" in font for font in fonts), fonts


def test_a_contents_page_over_several_pages_keeps_the_theme(run, tmp_path, write_topic):
    from test_theme import GREY_LEVEL, drawn, themed_layout

    paths = [write_topic(TOPIC.format(title=f"Topic {n}", count=3), f"t{n}.yaml") for n in range(1, 41)]
    target = tmp_path / "pack.pdf"
    assert run("pack", *paths, "--products", "factors,timeline", "--contents", "--layout", themed_layout(tmp_path),
               "-o", target).exit_code == 0
    reader = PdfReader(target)
    first_product = next(page for _, title, page in outline(reader) if title == "Factor table")
    assert first_product >= 4  # the contents run over more than two pages
    contents = tmp_path / "contents.pdf"
    writer = PdfWriter()
    for page in reader.pages[:first_product]:
        writer.add_page(page)
    writer.write(contents)
    colours, _ = drawn(contents)
    assert colours and all(set(colour) == {GREY_LEVEL} for colour in colours), colours
    for page in PdfReader(contents).pages:  # a page starts in black: its colour is set before any text
        content = page.get_contents().get_data() if page.get_contents() is not None else b""
        assert not content or content.index(b" rg") < content.index(b"Tj")


def test_mistakes_in_a_topic_and_in_the_class_list_are_reported_together(run, tmp_path, write_topic):
    topic = write_topic("title: Gamma\nflashcards:\n  - front: What?\n", "gamma.yaml")
    names = tmp_path / "names.csv"
    names.write_text("surname\nLovelace\n", encoding="utf-8")
    result = run("pack", topic, "--students", names, "-o", tmp_path / "pack.pdf")
    assert result.exit_code == 1
    assert f"{topic}:3:5: flashcards[0]" in result.output and f"{names}:1:1: has no 'name' column" in result.output


def test_a_course_without_classes_is_one_pack_of_its_copies(run, tmp_path, course):
    course.write_text(COURSE.split("classes:")[0] + "copies: 3\n", encoding="utf-8")
    assert run("course", course, "-q").exit_code == 0
    written = tmp_path / "output" / "year-11-revision-pack.pdf"
    assert list(copies_by_bookmark(PdfReader(written))) == ["Copy 1", "Copy 2", "Copy 3"]


def test_a_class_list_longer_than_a_year_group_is_reported_at_the_name_past_the_limit(run, tmp_path, topics):
    names = tmp_path / "names.txt"
    names.write_text("".join(f"Student {number}\n" for number in range(1, 503)), encoding="utf-8")
    result = run("pack", topics[0], "--students", names, "-o", tmp_path / "pack.pdf")
    assert result.exit_code == 1
    assert f"{names}:501:1: has more than 500 names" in result.output


def test_every_font_in_a_pack_is_embedded(run, tmp_path, topics, class_list):
    from test_fonts import _fonts_of

    target = tmp_path / "pack.pdf"
    assert run("pack", *topics, "--students", class_list, "--contents", "-o", target).exit_code == 0
    fonts = _fonts_of(target)
    assert fonts
    for font in fonts:
        assert font["/BaseFont"] != "/Helvetica"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
