"""A pack's contents page: each topic, and under it each product with the page it starts on.

Sizes, fonts and colours are the layout's (its title and body sizes, text and muted colours);
the page numbers are the pack's own, counted from the copy's first page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from ...model import Layout
from ..fonts import draw_string, register_family, string_width
from ..furniture import furnished_canvas
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
    # The shared canvas, so every page starts in the layout's font (and its tint, where it has one).
    canvas = furnished_canvas(font=faces.regular, tint=layout.colours.page_tint)(buffer, pagesize=(width, height),
                                                                                  invariant=1)
    canvas.setTitle(title)
    y, pages = height - margins.top, 1

    def next_line(space: float) -> None:
        nonlocal y, pages
        y -= space
        if y < margins.bottom:
            canvas.showPage()  # which starts the next page in ReportLab's black
            canvas.setFillColor(colour(layout.colours.text))
            y, pages = height - margins.top - space, pages + 1

    canvas.setFillColor(colour(layout.colours.text))
    for text in wrapped(title, faces.bold, layout.title_size, right - left):
        next_line(layout.title_size * 1.2)
        draw_string(canvas, left, y, text, faces.bold, layout.title_size)
    if student:
        next_line(line)
        draw_string(canvas, left, y, student, faces.regular, size)
    next_line(line / 2)
    for topic in topics:
        canvas.setFillColor(colour(layout.colours.text))
        for number, text in enumerate(wrapped(topic.title, faces.bold, size, right - left)):
            next_line(line * (1.3 if number == 0 else 1))
            draw_string(canvas, left, y, text, faces.bold, size)
        for label, page in topic.products:
            next_line(line)
            _draw_entry(canvas, layout, faces.regular, label, str(page), left + INDENT * size, right, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), pages


def _draw_entry(canvas: Canvas, layout: Layout, face: str, label: str, page: str, left: float, right: float,
                y: float) -> None:
    """'Timeline worksheet ........ 7': the leader dots in the muted colour lead the eye to the number."""
    size = layout.body_size
    canvas.setFillColor(colour(layout.colours.text))
    draw_string(canvas, left, y, label, face, size)
    draw_string(canvas, right, y, page, face, size, align="right")
    dots_from = left + string_width(label, face, size) + size / 2
    dots_to = right - string_width(page, face, size) - size / 2
    dot = string_width(". ", face, size)
    if dots_to - dots_from > dot:
        canvas.setFillColor(colour(layout.colours.muted))
        draw_string(canvas, dots_to, y, ". " * int((dots_to - dots_from) / dot), face, size, align="right")


def wrapped(text: str, face: str, size: float, width: float) -> list[str]:
    """The text in lines no wider than `width`, broken between words (a word longer than a line
    keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and string_width(f"{lines[-1]} {word}", face, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
