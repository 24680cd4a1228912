"""`revisionprint import`: every card of a Quizlet export, a spreadsheet, an Anki deck or a text file
becomes a topic that validates and prints, written the same way every time."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import zstandard
from PIL import Image
from pypdf import PdfReader

from conftest import REPO, pdf_text, printed_in_order
from test_architecture import imported_after
from revisionprint.cli.importing import IMPORT_FORMATS
from revisionprint.content import load_topic
from revisionprint.content.imports import FORMATS
from revisionprint.content.imports.cards import ImportedCard, literal, one_line
from revisionprint.content.imports.html_text import html_field
from revisionprint.content.imports.topic_file import topic_yaml
from revisionprint.render.markup import NORMAL, SUBSCRIPT, plain_text, styled_runs, to_markup

TERM_DEFINITION_SET = REPO / "tests" / "data" / "term-definition-set.txt"


def _picture(kind: str, colour: str) -> bytes:
    """A small picture Pillow really writes, so the cards made from it print."""
    stream = io.BytesIO()
    Image.new("RGB", (12, 8), colour).save(stream, kind)
    return stream.getvalue()


PNG = _picture("PNG", "red")
JPEG = _picture("JPEG", "blue")
GIF = _picture("GIF", "green")


@pytest.fixture
def import_file(run, tmp_path):
    """Writes the source file, imports it, and gives the result, the topic file and its topic."""

    def do(name: str, content, *options: str, expect: int = 0):
        source = tmp_path / name
        if isinstance(content, str):
            content = content.encode("utf-8")
        source.write_bytes(content)
        target = tmp_path / "content" / (Path(name).stem + ".yaml")
        result = run("import", source, "-o", target, "--force", *options)
        assert result.exit_code == expect, result.output
        topic = load_topic(str(target)) if expect == 0 else None
        return result, target, topic

    return do


def cards(topic) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(card.front, card.back, card.tags) for card in topic.flashcards]


# ---------------------------------------------------------------- Quizlet


QUIZLET_CARDS = [("Mitochondria", "Where respiration happens"), ("Ribosome", "Makes proteins, from amino acids")]


@pytest.mark.parametrize("term_sep, card_sep, options", [
    ("\t", "\n", ()),
    (",", "\n", ("--format", "quizlet")),
    ("\t", ";", ()),
    (",", ";", ("--format", "quizlet")),
    (" = ", "\n\n", ("--term-sep", " = ", "--card-sep", "\\n\\n")),
    ("\t", "\n", ("--term-sep", "tab", "--card-sep", "newline")),
    ("\t", ";", ("--term-sep", "tab", "--card-sep", "semicolon")),
])
def test_quizlet_exports_with_every_separator(import_file, term_sep, card_sep, options):
    # Quizlet's comma keeps the first comma as the separator: the rest belongs to the definition.
    text = card_sep.join(f"{term}{term_sep}{definition}" for term, definition in QUIZLET_CARDS)
    result, _, topic = import_file("biology.txt", text, *options)
    assert cards(topic) == [(term, (definition,), ()) for term, definition in QUIZLET_CARDS]
    assert "Read 2 cards from" in result.output and "Quizlet export" in result.output
    assert topic.title == "biology"


def test_a_quizlet_definition_over_several_lines_survives_a_custom_card_separator(import_file):
    text = "Osmosis\tWater moves\nthrough a membrane\n\n===\nDiffusion\tParticles spread out\n===\n"
    _, _, topic = import_file("cells.txt", text, "--card-sep", "===")
    assert cards(topic) == [("Osmosis", ("Water moves", "through a membrane"), ()),
                            ("Diffusion", ("Particles spread out",), ())]


def test_a_quizlet_card_without_its_separator_is_reported_at_its_line(import_file):
    result, target, _ = import_file("set.txt", "a\tb\nc\td\nno separator here\ne\tf\n", expect=1)
    assert "set.txt:3:1: 'no separator here' has no tab between term and definition" in result.output
    assert "--card-sep ===" in result.output
    assert not target.exists()


def test_a_card_after_a_custom_separator_is_reported_at_the_line_it_starts(import_file):
    text = "Osmosis\tWater moves\nthrough a membrane\n===\n\nno tab in this card\n===\nDiffusion\tSpreading\n"
    result, _, _ = import_file("cells.txt", text, "--card-sep", "===", expect=1)
    assert "cells.txt:5:1: 'no tab in this card' has no tab" in result.output


def test_without_o_the_topic_goes_into_content(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("My Cells.txt").write_text("Osmosis\tWater moving\n", encoding="utf-8")
    result = run("import", "My Cells.txt")
    assert result.exit_code == 0, result.output
    assert "wrote content/my-cells.yaml" in result.output
    assert load_topic("content/my-cells.yaml").title == "My Cells"


# ---------------------------------------------------------------- CSV and TSV


def test_csv_with_a_header_quoted_commas_and_new_lines(import_file):
    text = ('front,back,tags\n'
            'Treaty of Versailles,"Signed 1919, by Germany",treaties\n'
            '"Causes of WW1","Militarism\nAlliances\nImperialism\nNationalism","causes, 1914"\n'
            '"Said ""no""",It\'s a quote,\n')
    result, _, topic = import_file("ww1.csv", text)
    assert cards(topic) == [
        ("Treaty of Versailles", ("Signed 1919, by Germany",), ("treaties",)),
        ("Causes of WW1", ("Militarism", "Alliances", "Imperialism", "Nationalism"), ("causes", "1914")),
        ('Said "no"', ("It's a quote",), ()),
    ]
    assert "CSV with commas" in result.output


@pytest.mark.parametrize("content, how", [
    ("\ufefffront;back\nBonjour;Hello, friend\n".encode("utf-8"), "CSV with semicolons"),  # BOM, European Excel
    ("sep=;\nfront;back\nBonjour;Hello, friend\n".encode("utf-8"), "CSV with semicolons"),
    ("front,back\r\nBonjour,\"Hello, friend\"\r\n".encode("utf-8"), "CSV with commas"),  # Excel's CRLF
    ("Front\tBack\nBonjour\tHello, friend\n".encode("utf-8"), "TSV"),
])
def test_spreadsheet_variants(import_file, content, how):
    name = "french.tsv" if how == "TSV" else "french.csv"
    result, _, topic = import_file(name, content)
    assert cards(topic) == [("Bonjour", ("Hello, friend",), ())]
    assert how in result.output


def test_a_tsv_with_a_header_is_detected_in_a_txt_file(import_file):
    result, _, topic = import_file("french.txt", "front\tback\ttags\nchat\tcat\tanimals\n")
    assert cards(topic) == [("chat", ("cat",), ("animals",))]
    assert "TSV" in result.output


def test_utf16_text_from_excel_is_read(import_file):
    _, _, topic = import_file("unicode.txt", "front\tback\n\u00e9t\u00e9\tsummer\n".encode("utf-16"))
    assert cards(topic) == [("\u00e9t\u00e9", ("summer",), ())]


def test_excel_windows_1252_is_read_and_reported(import_file):
    content = "front,back\nCaf\u00e9,\u2018coffee\u2019 \u2013 a drink\n".encode("cp1252")
    result, _, topic = import_file("menu.csv", content)
    assert cards(topic) == [("Caf\u00e9", ("\u2018coffee\u2019 \u2013 a drink",), ())]
    assert "read as Windows-1252" in result.output


def test_columns_named_on_the_command_line_and_others_reported(import_file):
    text = "Word,Notes,Meaning,Topic\nchat,feline,cat,animals\n"
    result, _, topic = import_file("vocab.csv", text, "--front-column", "word", "--back-column", "Meaning",
                                   "--tags-column", "Topic")
    assert cards(topic) == [("chat", ("cat",), ("animals",))]
    assert "Columns not imported: Notes." in result.output


def test_a_csv_without_a_known_header_says_what_to_do(import_file):
    result, _, _ = import_file("vocab.csv", "chat,cat\nchien,dog\n", expect=1)
    assert "vocab.csv:1:1: its header row (chat, cat) has no front column" in result.output
    assert "--front-column" in result.output and "--format quizlet" in result.output


def test_malformed_rows_are_reported_with_their_lines(import_file):
    text = ('front,back\n'
            'one,"a long answer\nover two lines"\n'  # lines 2-3
            'two,\n'  # line 4: no back
            'three,3,extra\n'  # line 5: a comma without quotes
            'four,4\n')
    result, target, _ = import_file("rows.csv", text, expect=1)
    assert "rows.csv:4:1: this card ('two') has no back (the answer)" in result.output
    assert "rows.csv:5:1: has 3 fields but the header has 2" in result.output
    assert "2 problems found" in result.output
    assert not target.exists()


def test_an_unclosed_quote_is_reported(import_file):
    result, _, _ = import_file("rows.csv", 'front,back\nok,fine\n"open,never closed\n', expect=1)
    assert "rows.csv:3:1: cannot be read as commas-separated values" in result.output


def test_a_side_of_invisible_characters_is_reported_as_empty(import_file):
    result, _, _ = import_file("set.txt", "Q1\tA1\nQ2\t\u200b\u200b\n", expect=1)
    assert "set.txt:2:1: this card ('Q2') has no back (the answer)" in result.output


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\n  \n", "is empty"),
    (b"front,back\n", "has no cards"),
])
def test_an_empty_file_or_one_without_cards_is_a_clear_error(import_file, content, message):
    result, _, _ = import_file("empty.csv", content, expect=1)
    assert message in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- Anki notes in plain text


ANKI_TEXT = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
    "# a comment Anki does not write, but a teacher might\n"
    "a1B2c3\tBasic\tChemistry::Water\tWhat is <b>water</b>?\tH<sub>2</sub>O<br>A <i>polar</i> molecule"
    "\tbonding exam_2024\n"
    "d4E5f6\tBasic\tChemistry::Water\tUnits of x<sup>2</sup>\t<div>m<sup>2</sup></div><div>&lt;area&gt; &amp; "
    "<span style=\"color:red\">size</span>&nbsp;</div>\t\n"
    "g7H8i9\tBasic\tChemistry::Water\tStars\t\"<ul><li>5 * 3 = 15</li><li>*not italic*</li></ul>\"\tmaths\n"
)


def test_anki_plain_text_with_its_headers_and_html(import_file):
    result, _, topic = import_file("water.txt", ANKI_TEXT)
    assert cards(topic) == [
        ("What is **water**?", ("H~2~O", "A *polar* molecule"), ("Chemistry::Water", "bonding", "exam_2024")),
        ("Units of x^2^", ("m^2^", "<area> & size"), ("Chemistry::Water",)),
        ("Stars", ("5 \\* 3 = 15", "\\*not italic\\*"), ("Chemistry::Water", "maths")),
    ]
    assert topic.title == "Chemistry: Water"
    assert "1 HTML tag dropped, their text kept: <span> x1." in result.output
    assert [styled_runs(text) for text in topic.flashcards[2].back] == [(("5 * 3 = 15", False, False, NORMAL),),
                                                                         (("*not italic*", False, False, NORMAL),)]


def test_anki_plain_text_finds_its_pictures_beside_it(import_file, tmp_path):
    (tmp_path / "heart.png").write_bytes(PNG)
    text = ("#separator:tab\n#html:true\n"
            'The heart<img src="heart.png">\tPumps blood\n'
            'Valves\t<img src="valve.png">\n')
    result, target, topic = import_file("heart.txt", text)
    assert [(card.front, card.back, card.front_image, card.back_image) for card in topic.flashcards] == [
        ("The heart", ("Pumps blood",), image_file(target, "heart.png"), None),
        ("Valves", ("(picture: valve.png)",), None, None),
    ]
    assert (target.parent / "heart-media" / "heart.png").read_bytes() == PNG
    assert ("1 picture named on the cards not found beside heart.txt ('valve.png'); copy them there from "
            "Anki's collection.media folder") in result.output


@pytest.mark.parametrize("header, separator", [("comma", ","), ("Pipe", "|"), ("space", " "), ("colon", ":"),
                                               ("tab", "\t"), ("@", "@")])
def test_anki_plain_text_separators(import_file, header, separator):
    text = f"#separator:{header}\n#html:true\n#tags column:3\n" + separator.join(["Q<b>1</b>", "A&amp;1", "t1"]) + "\n"
    _, _, topic = import_file("sep.txt", text)
    assert cards(topic) == [("Q**1**", ("A&1",), ("t1",))]


def test_anki_plain_text_with_another_separator_and_no_html(import_file):
    text = "#separator:Semicolon\n#html:false\n#tags column:3\nAtom *core*;Nucleus <b>;physics\n"
    _, _, topic = import_file("atoms.txt", text)
    assert cards(topic) == [("Atom \\*core\\*", ("Nucleus <b>",), ("physics",))]
    assert plain_text(topic.flashcards[0].front) == "Atom *core*"


def test_anki_cloze_notes_become_gap_cards(import_file):
    text = ("#separator:tab\n#html:true\n"
            "The {{c1::mitochondria}} is the {{c2::powerhouse::job}} of the cell\tFrom GCSE<br>Paper 1\n")
    result, _, topic = import_file("cloze.txt", text)
    assert cards(topic) == [("The [...] is the [job] of the cell",
                             ("The **mitochondria** is the **powerhouse** of the cell", "From GCSE", "Paper 1"), ())]
    assert "1 cloze note: each is one card" in result.output


@pytest.mark.parametrize("html, lines", [
    ("<b>bold</b> and <i>italic</i>", ["**bold** and *italic*"]),
    ("<b> spaced </b>word", ["**spaced** word"]),
    ("<strong>a</strong><em>b</em>", ["**a**b"]),  # italic touching a letter cannot be written: kept plain
    ("un<b>believ</b>able", ["un**believ**able"]),
    ("<b><i>both</i></b>", ["***both***"]),
    ("CO<sub>2</sub> and x<sup>n+1</sup>", ["CO~2~ and x^n+1^"]),
    ("one<br>two<br/><br>three", ["one", "two", "three"]),
    ("<div>a</div><div>b</div>", ["a", "b"]),
    ("<ol><li>first</li><li>second</li></ol>", ["first", "second"]),
    ("caf&eacute; &#8594; &lt;b&gt;", ["café → <b>"]),
    ("a  \n  b", ["a b"]),
    ("<style>p {}</style>shown<script>hidden()</script>", ["shown"]),
    ("[sound:hello.mp3]Hello", ["Hello"]),
])
def test_html_fields_become_our_text(html, lines):
    assert html_field(html).lines == lines


def test_marks_in_html_text_print_as_typed_beside_sub_and_superscript():
    (line,) = html_field("H<sub>2</sub>O ~ 2^3 *x* a\\b ^y^ CO<sub>2</sub>").lines
    assert line == "H~2~O \\~ 2\\^3 \\*x\\* a\\b \\^y\\^ CO~2~"
    assert styled_runs(line) == (("H", False, False, NORMAL), ("2", False, False, SUBSCRIPT),
                                 ("O ~ 2^3 *x* a\\b ^y^ CO", False, False, NORMAL), ("2", False, False, SUBSCRIPT))


def test_bold_and_italic_from_html_print_as_bold_and_italic():
    assert styled_runs(html_field("<b>Mitosis</b> makes <i>two</i> cells").lines[0]) == (
        ("Mitosis", True, False, NORMAL), (" makes ", False, False, NORMAL), ("two", False, True, NORMAL),
        (" cells", False, False, NORMAL))
    assert styled_runs(html_field("<b><i>both</i></b>").lines[0]) == (("both", True, True, NORMAL),)


def test_images_in_html_are_collected_and_other_tags_counted():
    field = html_field('<img src="heart.png"><span>Heart</span> <font color=red>red</font>')
    assert field.images == ["heart.png"] and field.lines == ["Heart red"]
    assert dict(field.dropped) == {"span": 1, "font": 1}


# ---------------------------------------------------------------- Anki packages (.apkg)


SCHEMA_11 = """
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null,
  data text not null);
"""
SCHEMA_18_DECKS = """
CREATE TABLE decks (id integer primary key not null, name text not null collate unicase,
  mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
"""
DECK_ID = 1700000000000
NOTES = [
    # (id, fields, tags)
    (1600000000001, ["The <b>heart</b>", 'Pumps blood<br><img src="heart.png">'], " circulation organs "),
    (1600000000002, ['<img src="cell.jpg">Label this:', '<img src="heart.png"><img src="valve.png">'], ""),
    (1600000000003, ["Red blood cells", "Carry O<sub>2</sub>", "an extra field"], "blood"),
]


def _collection(path: Path, schema: int, notes=NOTES, deck_name="Biology::Heart") -> None:
    connection = sqlite3.connect(path)
    connection.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
    connection.executescript(SCHEMA_11 + (SCHEMA_18_DECKS if schema == 18 else ""))
    decks = {} if schema == 18 else {"1": {"id": 1, "name": "Default"},
                                     str(DECK_ID): {"id": DECK_ID, "name": deck_name}}
    connection.execute("INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, '{}', '{}', ?, '{}', '{}')",
                       (schema, json.dumps(decks)))
    if schema == 18:
        connection.execute("INSERT INTO decks VALUES (1, 'Default', 0, 0, x'', x'')")
        connection.execute("INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')",
                           (DECK_ID, deck_name.replace("::", "\x1f")))
    for number, (note_id, fields, tags) in enumerate(notes):
        connection.execute("INSERT INTO notes VALUES (?, ?, 1, 0, 0, ?, ?, ?, 0, 0, '')",
                           (note_id, f"guid{number}", tags, "\x1f".join(fields), fields[0]))
        for ord_ in (1, 0):  # a reversed card too: the note is still one card here
            connection.execute("INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                               (note_id * 10 + ord_, note_id, DECK_ID if ord_ == 0 else 1, ord_))
    connection.commit()
    connection.close()


def _protobuf_field(number: int, payload) -> bytes:
    def varint(value: int) -> bytes:
        out = b""
        while True:
            byte, value = value & 0x7F, value >> 7
            out += bytes([byte | (0x80 if value else 0)])
            if not value:
                return out
    if isinstance(payload, int):
        return varint(number << 3) + varint(payload)
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def make_apkg(path: Path, schema: int, notes=NOTES, deck_name="Biology::Heart",
              collection="collection.anki21", media=None) -> Path:
    """An Anki package as Anki writes one: schema 11 (collection.anki21, JSON media map) or schema 18
    (collection.anki21b and media zstd-compressed, a protobuf media list, and the stub that older Ankis read).
    `media` is file name -> contents (heart.png, cell.jpg and valve.png unless given)."""
    media = {"heart.png": PNG, "cell.jpg": JPEG, "valve.png": PNG} if media is None else media
    database = path.with_suffix(".sqlite")
    _collection(database, schema, notes, deck_name)
    compress = zstandard.ZstdCompressor().compress
    with zipfile.ZipFile(path, "w") as package:
        if schema == 11:
            package.write(database, collection)
            package.writestr("media", json.dumps({str(number): name for number, name in enumerate(media)}))
            for number, data in enumerate(media.values()):
                package.writestr(str(number), data)
        else:
            stub = path.with_suffix(".stub")
            _collection(stub, 11, [(1, ["Please update to the latest Anki version, then import the .colpkg/.apkg "
                                       "file again.", ""], "")])
            package.write(stub, "collection.anki2")
            package.writestr("collection.anki21b", compress(database.read_bytes()))
            entries = b""
            for number, (name, data) in enumerate(media.items()):
                entry = (_protobuf_field(1, name.encode("utf-8")) + _protobuf_field(2, len(data))
                         + _protobuf_field(3, hashlib.sha1(data).digest()))
                entries += _protobuf_field(1, entry)
                package.writestr(str(number), compress(data))
            package.writestr("media", compress(entries))
            package.writestr("meta", _protobuf_field(1, 3))
    return path


def image_file(topic_file: Path, name: str) -> str:
    """A card's picture as the topic loader gives it: the path from the topic's folder, joined."""
    return str(topic_file.parent / f"{topic_file.stem}-media" / name)


@pytest.mark.parametrize("schema, collection", [(11, "collection.anki2"), (11, "collection.anki21"),
                                                (18, "collection.anki21b")])
def test_anki_packages_of_both_schemas_with_tags_a_deck_and_pictures(run, tmp_path, schema, collection):
    package = make_apkg(tmp_path / "heart.apkg", schema, collection=collection)
    target = tmp_path / "content" / "heart.yaml"
    result = run("import", package, "-o", target)
    assert result.exit_code == 0, result.output
    topic = load_topic(str(target))
    assert cards(topic) == [
        ("The **heart**", ("Pumps blood",), ("Biology::Heart", "circulation", "organs")),
        ("Label this:", ("(picture)",), ("Biology::Heart",)),
        ("Red blood cells", ("Carry O~2~",), ("Biology::Heart", "blood")),
    ]
    assert [(card.front_image, card.back_image) for card in topic.flashcards] == [
        (None, image_file(target, "heart.png")),
        (image_file(target, "cell.jpg"), image_file(target, "heart.png")),
        (None, None),
    ]
    assert topic.title == "Biology: Heart"
    assert sorted(path.name for path in (tmp_path / "content" / "heart-media").iterdir()) == ["cell.jpg", "heart.png"]
    assert (tmp_path / "content" / "heart-media" / "heart.png").read_bytes() == PNG
    assert f"Read 3 cards from {package} (Anki package, schema {schema}: {collection})" in result.output
    assert "2 pictures written into" in result.output and "front_image: and back_image:" in result.output
    assert "1 picture left out because a side of a card shows one picture" in result.output
    assert "1 field(s) after the first two of a note were not imported" in result.output
    assert "issue 12" not in result.output


def test_the_topic_names_each_picture_from_its_own_folder(run, tmp_path):
    target = tmp_path / "content" / "heart.yaml"
    assert run("import", make_apkg(tmp_path / "heart.apkg", 11), "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "  - front: 'Label this:'\n    front_image: heart-media/cell.jpg\n    back: (picture)\n" \
           "    back_image: heart-media/heart.png\n" in text


def test_pictures_a_card_cannot_print_are_counted_and_left_out(run, tmp_path):
    notes = [(1, ['<img src="spin.gif">', 'Moves<img src="spin.gif"><img src="logo.svg">'], ""),
             (2, ['<img src="my%20heart.png">', "A heart"], "")]
    package = make_apkg(tmp_path / "odd.apkg", 18, notes=notes,
                        media={"spin.gif": GIF, "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                               "my heart.png": PNG})
    target = tmp_path / "content" / "odd.yaml"
    result = run("import", package, "-o", target)
    assert result.exit_code == 0, result.output
    topic = load_topic(str(target))
    assert [(card.front, card.back, card.front_image, card.back_image) for card in topic.flashcards] == [
        ("(picture: spin.gif)", ("Moves",), None, None),
        ("(picture)", ("A heart",), image_file(target, "my heart.png"), None),
    ]
    assert "2 pictures left out, not PNG or JPEG (a GIF, an SVG drawing)" in result.output
    assert sorted(path.name for path in (tmp_path / "content" / "odd-media").iterdir()) == ["my heart.png"]


def test_an_imported_deck_with_pictures_prints_them(import_file, run, tmp_path):
    _, target, _ = import_file("heart.apkg", make_apkg(tmp_path / "made.apkg", 18).read_bytes())
    pdf = tmp_path / "cards.pdf"
    result = run("flashcards", target, "-o", pdf)
    assert result.exit_code == 0, result.output
    images = set()
    for page in PdfReader(pdf).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image":
                images.add((xobject["/Width"], xobject["/Height"], "/DCTDecode" in str(xobject.get("/Filter"))))
    # The PNG and the JPEG (the one ReportLab keeps as DCT), each held once however many cards show it.
    assert images == {(12, 8, False), (12, 8, True)}


def test_a_package_anki_cannot_have_written_says_which_export_to_use(import_file):
    result, _, _ = import_file("broken.apkg", b"PK\x03\x04 not really a zip", expect=1)
    assert "cannot be read as an Anki package" in result.output
    assert "Support older Anki versions" in result.output


def test_a_picture_name_that_would_leave_the_media_folder_is_not_written(run, tmp_path):
    notes = [(1, ["Q", 'A<img src="../evil.png"><img src="..\\evil.png">'], "")]
    package = make_apkg(tmp_path / "evil.apkg", 11, notes=notes, media={"../evil.png": PNG, "..\\evil.png": PNG})
    result = run("import", package, "-o", tmp_path / "content" / "evil.yaml")
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.rglob("*.png")) == []
    assert "1 picture named on the cards not found in the package ('evil.png'); they were left out" in result.output


def test_a_note_without_a_back_is_reported(run, tmp_path):
    package = make_apkg(tmp_path / "gaps.apkg", 11, notes=[(1, ["Front only", ""], ""), (2, ["Q", "A"], "")])
    result = run("import", package, "-o", tmp_path / "gaps.yaml")
    assert result.exit_code == 1
    assert "note 1 (id 1): this card ('Front only') has no back (the answer)" in result.output


# ---------------------------------------------------------------- line pairs


def test_line_pairs_with_blank_lines_between_cards(import_file):
    text = ("Cell biology\n\n"
            "What does the nucleus do?\nHolds the DNA\n\n"
            "(Organelles)\n"
            "Name two organelles\n- Mitochondria\n- Ribosomes\n\n"
            "Osmosis\nWater moving through a membrane\n")
    result, _, topic = import_file("cells.txt", text)
    assert topic.title == "Cell biology"
    assert cards(topic) == [("What does the nucleus do?", ("Holds the DNA",), ()),
                            ("Name two organelles", ("Mitochondria", "Ribosomes"), ("Organelles",)),
                            ("Osmosis", ("Water moving through a membrane",), ("Organelles",))]
    assert "a blank line between cards" in result.output


def test_a_line_pair_without_an_answer_is_reported(import_file):
    result, _, _ = import_file("cells.txt", "Title\n\nQ1\nA1\n\nQ2 alone\n\nQ3\nA3\n", expect=1)
    assert "cells.txt:6:1: 'Q2 alone' has no answer" in result.output


def test_the_example_term_definition_set_imports_as_its_fifteen_cards(import_file):
    """The set behind the example topic: no blank lines, answers over several lines, a heading."""
    result, _, topic = import_file("set.txt", TERM_DEFINITION_SET.read_bytes())
    example = load_topic(str(REPO / "content" / "sino-soviet-relations.yaml"))
    assert topic.title == "Sino-Soviet Relations Flashcards"
    fronts = [card.front for card in topic.flashcards]
    assert len(fronts) == 15
    # The example transcribed the same set, split two long cards in two and corrected the spelling.
    assert fronts[0] == example.flashcards[0].front
    assert fronts[-1].startswith("What was the origins") and fronts[3] == "Explain the ‘National Interests’ factor"
    assert topic.flashcards[2].back == ("National Interests", "Personal Rivalries", "Ideological Differences")
    assert topic.flashcards[1].back[1] == "Some Chinese resentment to unfair aspects of the treaty"  # '> ' gone
    assert [card.tags for card in topic.flashcards[-2:]] == [("Context",), ("Context",)]
    assert "no blank lines between the cards" in result.output


# ---------------------------------------------------------------- the topic file


TRICKY_TEXTS = [
    "&anchor at the start", "*star at the start*", "!tag at the start", "# not a comment", ": colon first",
    "no", "No", "yes", "null", "Null", "~", "true", "1914", "0x1F", "1e3", "- a dash", "? a question mark",
    "[brackets]", "{braces}", "%percent", "@at", "`backtick", "|pipe", ">greater", "'quoted'", '"double"',
    "It's", "a: b", "a #b", "back\\slash", "tab\there", "trailing colon:", "ünïcødé → ✓", "2 * 3 * 4",
    "**not bold**", "x\u00a0y", "x\u200by", "-", "...", "---",
    # Sub- and superscript marks, and backslashes, as typed in another tool.
    "x^2", "approx ~5", "H~2~O", "2^10^ bytes", "~x~ and ^y^", "a\\~b", "\\*", "ends with \\",
    "~*^\\", "\\\\^", "**~x~**", "*^2^*",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_every_text_reads_back_exactly_and_prints_as_imported(tmp_path, text):
    card = ImportedCard(literal(text), (literal(text), literal(text + " again")), ("tag",))
    path = tmp_path / "topic.yaml"
    path.write_text(topic_yaml(text, (card,), "heading"), encoding="utf-8")
    topic = load_topic(str(path))
    assert topic.title == one_line(text)  # a title is one line, its spaces plain
    loaded = topic.flashcards[0]
    assert (loaded.front, loaded.back) == (card.front, card.back)
    assert plain_text(loaded.front) == text and styled_runs(loaded.front) == ((text, False, False, NORMAL),)


def test_the_topic_file_is_written_for_a_teacher_to_read(import_file):
    _, target, _ = import_file("set.txt", "Q1\tA1\nno\tnull\n")
    assert target.read_text(encoding="utf-8").splitlines()[2:] == [
        "title: set",
        "flashcards:",
        "  - front: Q1",
        "    back: A1",
        "",
        "  - front: 'no'",
        "    back: 'null'",
    ]


def test_an_import_is_byte_identical_every_time(run, tmp_path):
    package = make_apkg(tmp_path / "heart.apkg", 18)
    outputs = []
    for name in ("one", "two"):
        assert run("import", package, "-o", tmp_path / name / "heart.yaml").exit_code == 0
        outputs.append({path.relative_to(tmp_path / name): path.read_bytes()
                        for path in sorted((tmp_path / name).rglob("*")) if path.is_file()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3  # the topic and its two pictures


def test_an_existing_topic_is_kept_unless_forced(run, tmp_path):
    source = tmp_path / "set.txt"
    source.write_text("Q\tA\n", encoding="utf-8")
    target = tmp_path / "set.yaml"
    target.write_text("mine", encoding="utf-8")
    result = run("import", source, "-o", target)
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "mine"
    assert run("import", source, "-o", target, "--force").exit_code == 0
    assert "front: Q" in target.read_text(encoding="utf-8")


def test_escaped_stars_print_as_stars():
    assert to_markup("\\*a\\* and *b*") == "*a* and <i>b</i>"
    assert plain_text("**bold \\* star**") == "bold * star"
    assert styled_runs("\\**x*") == (("*", False, False, NORMAL), ("x", False, True, NORMAL))


# ---------------------------------------------------------------- printed


@pytest.mark.parametrize("name, content", [
    ("quizlet.txt", "Mitochondria\tWhere respiration happens\nRibosome\tMakes proteins * 2\n"),
    ("sheet.csv", 'front,back,tags\nOsmosis,"Water moves\nthrough a membrane",cells\n'),
    ("anki.txt", ANKI_TEXT),
    ("set.txt", TERM_DEFINITION_SET.read_bytes()),
    ("sheet.tsv", "Term\tDefinition\n\"Osmosis\"\tWater \"moves\"\n"),
    ("heart.apkg", 18),
])
def test_every_imported_card_is_printed(import_file, run, tmp_path, name, content):
    if name.endswith(".apkg"):
        content = make_apkg(tmp_path / "made.apkg", content).read_bytes()
    _, target, topic = import_file(name, content)
    pdf = tmp_path / "cards.pdf"
    result = run("flashcards", target, "-o", pdf, "--overflow", "continue")
    assert result.exit_code == 0, result.output
    printed = pdf_text(pdf).replace("~", "").replace("^", "")
    for card in topic.flashcards:
        for text in (card.front, *card.back):
            expected = " ".join(plain_text(text).replace("*", "").replace("~", "").replace("^", "").split())
            assert printed_in_order(expected, printed), expected


def test_marks_in_imported_text_are_printed_as_typed(import_file, run, tmp_path):
    _, target, _ = import_file("marks.txt", "Powers\tx^2 is approx ~5 and H~2~O, not *bold* or \\*\n")
    pdf = tmp_path / "cards.pdf"
    assert run("flashcards", target, "-o", pdf).exit_code == 0
    with pdfplumber.open(pdf) as document:  # conftest's pdf_text leaves stars out
        printed = " ".join(" ".join(page.extract_text() or "" for page in document.pages).split())
    assert "x^2 is approx ~5 and H~2~O, not *bold* or \\*" in printed


# ---------------------------------------------------------------- detection, and the room's walls


@pytest.mark.parametrize("name, content, found", [
    ("set.txt", "Osmosis\tWater moving\nDiffusion\tSpreading out\n", "Quizlet export, a tab"),
    ("set.txt", "Osmosis,Water moving\nDiffusion,Spreading out, fast\n", "Quizlet export, a comma"),
    ("set.txt", "Osmosis,Water moving;Diffusion,Spreading out", "a semicolon between cards"),
    ("set.txt", "#html:false\nOsmosis\tWater moving\n", "Anki notes in plain text"),
    ("set.txt", "What is osmosis?\nWater moving, in short\n\nDiffusion\nSpreading out\n", "line pairs"),
    ("set.csv", "Term;Definition\nOsmosis;Water moving\n", "CSV with semicolons"),
    ("set.tsv", "question\tanswer\nOsmosis\tWater moving\n", "TSV"),
])
def test_the_format_is_found_from_the_file(import_file, name, content, found):
    result, _, topic = import_file(name, content)
    assert found in result.output
    assert topic.flashcards[0].front in ("Osmosis", "What is osmosis?")


def test_format_overrides_what_is_detected(import_file):
    text = "Osmosis\tWater moving\nDiffusion\tSpreading out\n"
    assert len(import_file("set.txt", text)[2].flashcards) == 2  # Quizlet: a tab in every line
    result, _, topic = import_file("set.txt", text, "--format", "line-pairs")
    assert cards(topic) == [("Osmosis Water moving", ("Diffusion Spreading out",), ())]
    assert "line pairs" in result.output
    assert "has no front column" in import_file("set.txt", text, "--format", "tsv", expect=1)[0].output


def test_the_command_offers_every_format():
    assert IMPORT_FORMATS == FORMATS


def test_the_imports_room_needs_no_reportlab():
    """(test_architecture checks that it needs no click.)"""
    for module in (REPO / "src" / "revisionprint" / "content" / "imports").glob("*.py"):
        assert "reportlab" not in module.read_text(encoding="utf-8"), module.name
    assert "reportlab" not in imported_after("import revisionprint.content.imports")



def test_title_given_on_the_command_line_comes_first(run, tmp_path):
    package = make_apkg(tmp_path / "heart.apkg", 11)
    result = run("import", package, "-o", tmp_path / "heart.yaml", "--title", "The heart: GCSE")
    assert result.exit_code == 0, result.output
    assert load_topic(str(tmp_path / "heart.yaml")).title == "The heart: GCSE"
