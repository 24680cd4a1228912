"""The floor for bench/cards.py: the same cards drawn by a bare ReportLab canvas from JSON.

    python bench/floor_cards.py DECK.json OUT.pdf

No validation, no fitting (the sizes ours prints this deck at), no markup: simpleSplit lines,
a tag band with its words, a card number and a box round each card, fronts then backs mirrored
for long-edge duplex, Open Sans embedded as ours does.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import ttf_opensans
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
FRONT, BACK = 16, 11  # the default layout's largest sizes, which this deck fits at
COLOURS = {"ideology": "#F0E442", "border": "#0072B2"}


def main(deck: str, target: str) -> None:
    folder = Path(ttf_opensans.__file__).parent / "ttf"
    pdfmetrics.registerFont(TTFont("F", str(folder / "OpenSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("FB", str(folder / "OpenSans-Bold.ttf")))
    cards = json.loads(Path(deck).read_text(encoding="utf-8"))["flashcards"]
    width, height = 210 * MM, 297 * MM
    slots = [(20 * MM + c * 85 * MM, height - 11 * MM - (r + 1) * 55 * MM) for r in range(5) for c in range(2)]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    inner = 85 * MM - 8 * MM
    for first in range(0, len(cards), 10):
        sheet = cards[first:first + 10]
        for number, ((x, y), card) in enumerate(zip(slots, sheet), start=first + 1):
            if card["tags"]:
                canvas.setFillColor(HexColor(COLOURS[card["tags"][0]]))
                canvas.rect(x, y + 55 * MM - 4.5 * MM, 85 * MM, 4.5 * MM, stroke=0, fill=1)
                canvas.setFillColor(HexColor("#000000"))
                canvas.setFont("F", 6.5)
                canvas.drawString(x + 4 * MM, y + 55 * MM - 3.1 * MM, " \u00b7 ".join(card["tags"]))
            canvas.setFont("FB", FRONT)
            text_y = y + 55 * MM - 9 * MM - FRONT
            for line in simpleSplit(card["front"], "FB", FRONT, inner):
                canvas.drawCentredString(x + 42.5 * MM, text_y, line)
                text_y -= FRONT * 1.22
            canvas.rect(x, y, 85 * MM, 55 * MM)
            canvas.setFont("F", 6.5)
            canvas.drawRightString(x + 85 * MM - 2.2 * MM, y + 2.2 * MM, f"BD {number}")
        canvas.showPage()
        for number, ((x, y), card) in enumerate(zip(slots, sheet), start=first + 1):
            canvas.setFont("F", BACK)
            text_y = y + 55 * MM - 4 * MM - BACK
            back_x = width - x - 85 * MM
            for point in card["back"]:
                canvas.drawString(back_x + 4 * MM, text_y, "\u2022")
                for line in simpleSplit(point.replace("**", ""), "F", BACK, inner - 1.1 * BACK):
                    canvas.drawString(back_x + 4 * MM + 1.1 * BACK, text_y, line)
                    text_y -= BACK * 1.22
            canvas.setFont("F", 6.5)
            canvas.drawString(back_x + 2.2 * MM, y + 2.2 * MM, f"BD {number}")
        canvas.showPage()
    canvas.save()
    Path(target).write_bytes(buffer.getvalue())


if __name__ == "__main__":
    main(*sys.argv[1:3])
