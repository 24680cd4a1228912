"""Flashcard build speed and memory against the floor: a bare ReportLab canvas program.

    .venv/bin/python bench/cards.py            # 100, 1,000 and 10,000 cards
    .venv/bin/python bench/cards.py 1000       # one size

Each measurement runs in a fresh Python process so peak memory is its own.
"ours" is the real pipeline from a YAML file to PDF bytes (load, validate, fit,
draw); "floor" draws the same cards on the same grid with simpleSplit wrapping
at the sizes ours ends up printing them, so both draw the same lines (with
bullets, card numbers and a box round each card), with no fitting, markup or
checks. Targets (bench/README.md):
ours within 1.5x of the floor at 1,000 and 10,000 cards, under 150 MB at
10,000, and time growing linearly with cards.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

SIZES = (100, 1_000, 10_000)


def write_deck(path: Path, count: int) -> None:
    lines = ["title: Benchmark deck", "flashcards:"]
    for n in range(count):
        lines += [
            f"  - front: What was the significance of event number {n} for Sino-Soviet relations?",
            "    back:",
            f"      - Event {n} showed how **ideology** and national interest pulled the two states apart.",
            "      - Mao saw Khrushchev's policy of peaceful coexistence as a betrayal of the revolution.",
            f"      - By the late 1960s the split was open, with border clashes in 1969 (card {n}).",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


OURS = """
import resource, time
start = time.perf_counter()
from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import CardPrinting
from revisionprint.render.cards.flashcards import render as render_flashcards
imported = time.perf_counter()
topic = load_topic(DECK)
pdf = render_flashcards(topic, load_layout("default"), CardPrinting())
done = time.perf_counter()
print(json.dumps({"seconds": done - imported, "pages": pdf.pages, "bytes": len(pdf.data),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FLOOR = """
import resource, time
import yaml
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.utils import simpleSplit
import io, ttf_opensans, pathlib
folder = pathlib.Path(ttf_opensans.__file__).parent / "ttf"
start = time.perf_counter()
# Both programs pay for reading the fonts, as a real run does.
pdfmetrics.registerFont(TTFont("F", str(folder / "OpenSans-Regular.ttf")))
pdfmetrics.registerFont(TTFont("FB", str(folder / "OpenSans-Bold.ttf")))
cards = yaml.load(open(DECK, encoding="utf-8"), Loader=yaml.CSafeLoader)["flashcards"]
width, height = 210 * mm, 297 * mm
slots = [(20 * mm + c * 85 * mm, height - 11 * mm - (r + 1) * 55 * mm) for r in range(5) for c in range(2)]
buffer = io.BytesIO()
canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
inner = 85 * mm - 8 * mm
# The sizes ours prints this deck at (the default layout's largest), so both draw the same lines.
FRONT, BACK = 16, 11
for first in range(0, len(cards), 10):
    sheet = cards[first:first + 10]
    for (x, y), card in zip(slots, sheet):
        canvas.setFont("FB", FRONT)
        text_y = y + 55 * mm - 4 * mm - FRONT
        for line in simpleSplit(card["front"], "FB", FRONT, inner):
            canvas.drawCentredString(x + 42.5 * mm, text_y, line)
            text_y -= FRONT * 1.22
        canvas.rect(x, y, 85 * mm, 55 * mm)
        canvas.setFont("F", 6.5)
        canvas.drawRightString(x + 85 * mm - 2 * mm, y + 2 * mm, "BD 1")
    canvas.showPage()
    for (x, y), card in zip(slots, sheet):
        canvas.setFont("F", BACK)
        text_y = y + 55 * mm - 4 * mm - BACK
        back_x = width - x - 85 * mm
        for point in card["back"]:
            canvas.drawString(back_x + 4 * mm, text_y, "\u2022")
            for line in simpleSplit(point, "F", BACK, inner - 1.1 * BACK):
                canvas.drawString(back_x + 4 * mm + 1.1 * BACK, text_y, line)
                text_y -= BACK * 1.22
        canvas.drawString(back_x + 2 * mm, y + 2 * mm, "BD 1")
    canvas.showPage()
canvas.save()
done = time.perf_counter()
print(json.dumps({"seconds": done - start, "pages": 2 * ((len(cards) + 9) // 10), "bytes": len(buffer.getvalue()),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(program: str, deck: Path) -> dict:
    code = f"import json\nDECK = {str(deck)!r}\n" + textwrap.dedent(program)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def best_of_pairs(deck: Path, runs: int) -> tuple[dict, dict]:
    """Ours and the floor run in turn, so a busy moment on the machine slows both alike;
    the fastest run of each is the one least disturbed."""
    pairs = [(measure(OURS, deck), measure(FLOOR, deck)) for _ in range(runs)]
    return (min((ours for ours, _ in pairs), key=lambda r: r["seconds"]),
            min((floor for _, floor in pairs), key=lambda r: r["seconds"]))


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or SIZES
    print(f"{'cards':>7} {'ours s':>8} {'floor s':>8} {'ratio':>6} {'ours MB':>8} {'floor MB':>9} {'pages':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            deck = Path(folder) / f"deck-{count}.yaml"
            write_deck(deck, count)
            runs = 5 if count <= 1_000 else 2
            ours, floor = best_of_pairs(deck, runs)
            print(f"{count:>7} {ours['seconds']:>8.2f} {floor['seconds']:>8.2f} "
                  f"{ours['seconds'] / floor['seconds']:>6.2f} {ours['peak_mb']:>8.0f} {floor['peak_mb']:>9.0f} "
                  f"{ours['pages']:>6}")


if __name__ == "__main__":
    main()
