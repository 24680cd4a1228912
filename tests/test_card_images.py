"""Pictures on cards: inside the safe box, aspect kept, each file stored once, mistakes at their line."""

from __future__ import annotations

import pdfplumber
from PIL import Image
from pypdf import PdfReader

from revisionprint.layouts import load_layout
from revisionprint.model.card_grid import card_slots


def _picture(path, size, colour="red"):
    Image.new("RGB", size, colour).save(path)
    return path


def _safe_boxes():
    """Each card's box inside the safe margin, top-down as pdfplumber measures."""
    cards = load_layout("default").flashcards
    page_height = cards.stock.page_height
    margin = cards.safe_margin
    return [(slot.x + margin, page_height - slot.top + margin, slot.right - margin, page_height - slot.y - margin)
            for slot in card_slots(cards.stock)]


def test_a_picture_is_drawn_inside_the_safe_box_with_its_aspect_kept(run, write_topic, tmp_path):
    (tmp_path / "diagrams").mkdir()
    _picture(tmp_path / "diagrams" / "wide.png", (600, 300))
    _picture(tmp_path / "diagrams" / "tall.jpg", (200, 500), "blue")
    topic = write_topic("title: T\nflashcards:\n"
                        "  - front: Label the heart\n    front_image: diagrams/wide.png\n    back: A\n    tags: [x]\n"
                        "  - front: Which cell?\n    front_image: diagrams/tall.jpg\n    back: B\n"
                        "  - front: Q\n    back: C\n    back_image: diagrams/wide.png\n")
    target = tmp_path / "cards.pdf"
    result = run("flashcards", topic, "-o", target)
    assert result.exit_code == 0, result.output
    boxes = _safe_boxes()
    with pdfplumber.open(target) as pdf:
        fronts = pdf.pages[0].images
        assert len(fronts) == 2
        for image, box in zip(sorted(fronts, key=lambda i: i["x0"]), boxes):
            x0, top, x1, bottom = box
            assert image["x0"] >= x0 - 0.01 and image["x1"] <= x1 + 0.01
            assert image["top"] >= top - 0.01 and image["bottom"] <= bottom + 0.01
            pixels_wide, pixels_high = image["srcsize"]
            assert abs(image["width"] / image["height"] - pixels_wide / pixels_high) < 0.01
        words = {word["text"]: word for word in pdf.pages[0].extract_words()}
        wide = min(fronts, key=lambda i: i["x0"])
        # The text keeps clear of the picture.
        assert words["Label"]["x0"] >= wide["x1"] or words["Label"]["top"] >= wide["bottom"]
        assert len(pdf.pages[1].images) == 1


def test_the_same_picture_on_many_cards_is_stored_once(run, write_topic, tmp_path):
    _picture(tmp_path / "heart.png", (300, 200))
    cards = "".join(f"  - front: Q{n}\n    front_image: heart.png\n    back: A\n" for n in range(12))  # two sheets
    target = tmp_path / "cards.pdf"
    assert run("flashcards", write_topic("title: T\nflashcards:\n" + cards), "-o", target).exit_code == 0
    reader = PdfReader(target)
    stored = [ref.idnum for page in reader.pages for ref in page["/Resources"].get("/XObject", {}).values()]
    assert len(stored) == 2 and len(set(stored)) == 1


def test_picture_mistakes_are_reported_at_their_line(run, write_topic, tmp_path):
    (tmp_path / "anim.gif").write_bytes(b"GIF89a" + bytes(20))
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(10))
    topic = write_topic("title: T\nflashcards:\n"
                        "  - front: Q\n    front_image: nothere.png\n    back: A\n"
                        "  - front: Q\n    back: A\n    back_image: anim.gif\n"
                        "  - front: Q\n    back: A\n    back_image: broken.png\n")
    result = run("validate", topic)
    assert result.exit_code == 1
    assert f"{topic}:4:18: flashcards[0].front_image: there is no file 'nothere.png'" in result.output
    assert f"{topic}:8:17: flashcards[1].back_image: 'anim.gif' is a GIF; save it as PNG or JPEG" in result.output
    broken = write_topic("title: T\nflashcards:\n  - front: Q\n    back: A\n    back_image: broken.png\n", "b.yaml")
    for command in (("validate", broken), ("flashcards", broken, "-o", tmp_path / "c.pdf")):
        result = run(*command)
        assert result.exit_code == 1
        assert f"{broken}:5:17: flashcards[0].back_image: the picture cannot be read" in result.output


def test_a_picture_larger_than_the_layout_allows_is_refused(run, write_topic, tmp_path):
    (tmp_path / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2_100_000))
    layout = tmp_path / "small.yaml"
    layout.write_text("flashcards:\n  images:\n    largest_file_mb: 2\n")
    topic = write_topic("title: T\nflashcards:\n  - front: Q\n    front_image: big.png\n    back: A\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf", "--layout", layout)
    assert result.exit_code == 1
    assert ":4:18: flashcards[0].front_image: the picture is 2 MB, more than the layout allows" in result.output
