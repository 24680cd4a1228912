"""What every product renderer returns, and the page geometry they share."""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from ..model import Layout, PageOptions, Topic
from .furniture import Furniture, SheetKind, document_info, furnished_canvas


def page_size(layout: Layout, orientation: str) -> tuple[float, float]:
    short, long = sorted((layout.page_width, layout.page_height))
    return (long, short) if orientation == "landscape" else (short, long)


def paper_description(layout: Layout, orientation: str) -> str:
    return f"{layout.paper_name} {orientation}"


def content_frame(topic: Topic, layout: Layout, kind: SheetKind, orientation: str) -> tuple[float, float, float, float]:
    """(x, y, width, height) of the flowing content on every page: inside the margins, below
    the furniture. Renderers that plan pages ahead use the same numbers the document does."""
    width, height = page_size(layout, orientation)
    margins = layout.margins
    top = Furniture(layout, topic, kind).content_top(height)
    return margins.left, margins.bottom, width - margins.left - margins.right, top - margins.bottom


def build_flowing_document(topic: Topic, layout: Layout, kind: SheetKind, orientation: str,
                           flowables: list, page: PageOptions = PageOptions()) -> tuple[bytes, int]:
    """A document of one frame inside the margins, with the shared furniture on every page
    (`page`: what this copy's furniture says, such as the student's name)."""
    size = page_size(layout, orientation)
    furniture = Furniture(layout, topic, kind, page)
    margins = layout.margins
    frame = Frame(*content_frame(topic, layout, kind, orientation),
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="content")
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=size, pageTemplates=[PageTemplate("page", [frame], pagesize=size)],
                               leftMargin=margins.left, rightMargin=margins.right, topMargin=margins.top,
                               bottomMargin=margins.bottom, **document_info(topic, kind))
    document.build(flowables, canvasmaker=furnished_canvas(furniture))
    return buffer.getvalue(), document.page
