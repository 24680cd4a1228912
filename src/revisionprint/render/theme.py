"""Where the layout's theme values become ReportLab's: colours and line styles.

Renderers hold no colour or size of their own; they read the layout and set them
through here, so a large-print or greyscale layout changes every page.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from ..model import Stroke


@lru_cache(maxsize=256)
def colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def set_stroke(canvas: Canvas, stroke: Stroke) -> None:
    """The line style for what follows: colour, weight and dash. Callers draw inside saveState(),
    so a solid stroke needs no dash reset (and the PDF no redundant operator)."""
    canvas.setStrokeColor(colour(stroke.colour))
    canvas.setLineWidth(stroke.width)
    if stroke.dash:
        canvas.setDash(list(stroke.dash))
