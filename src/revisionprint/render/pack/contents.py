"""A pack's contents page: each topic, and under it each product with the page it starts on.

Sizes, fonts and colours are the layout's (its title and body sizes, text and muted colours);
the page numbers are the pack's own, counted from the copy's first page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model import Layout
from ..fonts import register_family
from ..theme import colour

LEADING = 1.5  # lines apart, as a multiple of the body size: a list read down the page
INDENT = 1.5  # a product's indent under its topic, in body sizes


@dataclass(frozen=True)
class ContentsTopic:
    title: str
    products: tuple[tuple[str, int], ...]  # (label, first page)


def render_contents(layout: Layout, title: str, student: str, topics: list[ContentsTopic]) -> tuple[bytes, int]:
    """The contents page(s) as a PDF, and how many pages it has."""
    faces = register_family(layout.font_family)
    width, height = layout.page_width, layout.page_height
    margins = layout.margins
    left, right = margins.left, width - margins.right
    size, line = layout.body_size, layout.body_size * LEADING
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1)
    canvas.setTitle(title)
    y = height - margins.top

    def next_line(space: float) -> None:
        nonlocal y
        y -= space
        if y < margins.bottom:
            canvas.showPage()
            y = height - margins.top - space

    canvas.setFillColor(colour(layout.colours.text))
    for text in simpleSplit(title, faces.bold, layout.title_size, right - left):
        next_line(layout.title_size * 1.2)
        canvas.setFont(faces.bold, layout.title_size)
        canvas.drawString(left, y, text)
    if student:
        next_line(line)
        canvas.setFont(faces.regular, size)
        canvas.drawString(left, y, student)
    next_line(line / 2)
    for topic in topics:
        next_line(line * 1.3)
        canvas.setFont(faces.bold, size)
        canvas.setFillColor(colour(layout.colours.text))
        canvas.drawString(left, y, topic.title)
        for label, page in topic.products:
            next_line(line)
            _draw_entry(canvas, layout, faces.regular, label, str(page), left + INDENT * size, right, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), canvas.getPageNumber() - 1


def _draw_entry(canvas: Canvas, layout: Layout, face: str, label: str, page: str, left: float, right: float,
                y: float) -> None:
    """'Timeline worksheet ........ 7': the leader dots in the muted colour lead the eye to the number."""
    size = layout.body_size
    canvas.setFont(face, size)
    canvas.setFillColor(colour(layout.colours.text))
    canvas.drawString(left, y, label)
    canvas.drawRightString(right, y, page)
    dots_from = left + stringWidth(label, face, size) + size / 2
    dots_to = right - stringWidth(page, face, size) - size / 2
    dot = stringWidth(". ", face, size)
    if dots_to - dots_from > dot:
        canvas.setFillColor(colour(layout.colours.muted))
        canvas.drawRightString(dots_to, y, ". " * int((dots_to - dots_from) / dot))
