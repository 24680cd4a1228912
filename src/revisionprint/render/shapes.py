"""The factor markers: a shape in the factor's colour, so factors stay apart on a greyscale copy."""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from ..model import FactorMark, MarkerShape


def draw_marker(canvas: Canvas, mark: FactorMark, x: float, y: float, radius: float, outline: str,
                line_width: float) -> None:
    """The factor's shape, centred on (x, y), filled with its colour and outlined so a light
    colour still shows on white paper."""
    canvas.saveState()
    canvas.setFillColor(HexColor(mark.colour))
    canvas.setStrokeColor(HexColor(outline))
    canvas.setLineWidth(line_width)
    if mark.shape == MarkerShape.CIRCLE:
        canvas.circle(x, y, radius, stroke=1, fill=1)
    elif mark.shape == MarkerShape.SQUARE:
        side = radius * 1.7
        canvas.rect(x - side / 2, y - side / 2, side, side, stroke=1, fill=1)
    else:
        _polygon(canvas, _points(mark.shape, x, y, radius))
    canvas.restoreState()


def _points(shape: str, x: float, y: float, radius: float) -> list[tuple[float, float]]:
    if shape == MarkerShape.TRIANGLE:
        return [(x + radius * 1.15 * math.cos(math.radians(90 + 120 * k)),
                 y - radius * 0.2 + radius * 1.15 * math.sin(math.radians(90 + 120 * k))) for k in range(3)]
    if shape == MarkerShape.DIAMOND:
        return [(x, y + radius * 1.2), (x + radius, y), (x, y - radius * 1.2), (x - radius, y)]
    if shape == MarkerShape.STAR:
        return [(x + (radius * 1.25 if k % 2 == 0 else radius * 0.55) * math.cos(math.radians(90 + 36 * k)),
                 y + (radius * 1.25 if k % 2 == 0 else radius * 0.55) * math.sin(math.radians(90 + 36 * k)))
                for k in range(10)]
    # A plus-shaped cross: a filled shape, unlike a thin x, keeps its colour visible.
    arm, half = radius, radius * 0.38
    return [(x - half, y + arm), (x + half, y + arm), (x + half, y + half), (x + arm, y + half),
            (x + arm, y - half), (x + half, y - half), (x + half, y - arm), (x - half, y - arm),
            (x - half, y - half), (x - arm, y - half), (x - arm, y + half), (x - half, y + half)]


def _polygon(canvas: Canvas, points: list[tuple[float, float]]) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
