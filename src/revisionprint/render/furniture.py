"""The one place that decides page furniture: header, footer, answer-key banner,
the Name / Class / Date line, and the document settings every product shares.

Headers and footers are drawn when the document is saved, once the number of
pages is known, so "Page 2 of 7" is right without building twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Optional

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ..model import Layout, PageFurniture, PageOptions, SizeRange, Topic
from ..placeholders import fill
from .fonts import Faces, draw_string, register_family, string_width
from .theme import colour, set_stroke
from ..units import MM

# Room under the header for the Name / Class / Date line, and where the line sits in it,
# for a 10 pt field: both grow with the field's size.
NAME_ROOM, NAME_LINE_DROP, NAME_FIELD_BASE = 11 * MM, 7 * MM, 10.0
BANNER = "ANSWERS - teacher copy"


@dataclass(frozen=True)
class SheetKind:
    """What the furniture says about the sheet's purpose."""

    product: str  # printed through {product}: "Factor table (blank)"
    answer_key: bool = False  # says ANSWERS on every page so it is never handed out by mistake
    student_sheet: bool = False  # has a Name / Class / Date line


@dataclass
class Furniture:
    layout: Layout
    topic: Topic
    kind: SheetKind
    page: PageOptions = PageOptions()  # this copy's own furniture: the student's name
    faces: Faces = field(init=False)

    def __post_init__(self) -> None:
        self.faces = register_family(self.layout.font_family)

    def values(self, page: int, pages: int) -> dict[str, str]:
        return {
            "title": self.topic.title,
            "subject": self.topic.subject,
            "course": self.topic.course,
            "source": self.topic.source,
            "product": self.kind.product,
            "page": str(page),
            "pages": str(pages),
            "student": self.page.student_name,
        }

    def content_top(self, page_height: float) -> float:
        """Where flowing content may start: below the margin and the name line."""
        top = page_height - self.layout.margins.top
        return top - self._name_line_height() if self.kind.student_sheet else top

    def _name_line_height(self) -> float:
        return NAME_ROOM * self.layout.furniture.name_field.size / NAME_FIELD_BASE

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        margins = self.layout.margins
        values = self.values(page, pages)
        canvas.saveState()
        canvas.setFillColor(colour(self.layout.colours.muted))
        header_y = height - margins.top + 3.5 * MM
        footer_y = margins.bottom - 6 * MM
        header_left = margins.left + self._draw_school(canvas, header_y)
        # On an answer key the banner holds the header's middle: the sides keep clear of it.
        banner = self._banner_width() / 2 + 4 * MM if self.kind.answer_key else 0.0
        self._draw_slots(canvas, self.layout.header, values, header_y, header_left, width - margins.right,
                         clear_of=(width / 2 - banner, width / 2 + banner) if banner else None)
        self._draw_slots(canvas, self.layout.footer, values, footer_y, margins.left, width - margins.right)
        set_stroke(canvas, self.layout.lines.header_rule)
        canvas.line(margins.left, header_y - 1.8 * MM, width - margins.right, header_y - 1.8 * MM)
        if self.kind.answer_key:
            self._draw_answer_banner(canvas, width, header_y)
        if self.kind.student_sheet:
            drop = NAME_LINE_DROP * self.layout.furniture.name_field.size / NAME_FIELD_BASE
            self._draw_name_line(canvas, margins.left, width - margins.right, height - margins.top - drop)
        canvas.restoreState()

    def _draw_slots(self, canvas: Canvas, slots: PageFurniture, values, y: float, left: float, right: float,
                    clear_of: Optional[tuple[float, float]] = None) -> None:
        """Left and right first; the centre gets the room between them, kept centred on the page.
        `clear_of`: a stretch in the middle that the sides stay out of, and the centre is not printed in."""
        face = self.faces.regular
        sizes = self.layout.furniture.text
        texts = [fill(slot, values).strip() for slot in (slots.left, slots.centre, slots.right)]
        if clear_of is not None:
            texts[1] = ""
        side_room = (right - left) * (0.32 if texts[1] else 0.48)
        used = 0.0
        for text, align, x in ((texts[0], "left", left), (texts[2], "right", right)):
            if text:
                room = side_room if clear_of is None else min(side_room, clear_of[0] - left, right - clear_of[1])
                size, text = _fit_line(text, face, room, sizes)
                draw_string(canvas, x, y, text, face, size, align)
                used = max(used, string_width(text, face, size))
        if texts[1]:
            size, text = _fit_line(texts[1], face, right - left - 2 * used - 8 * MM, sizes)
            draw_string(canvas, (left + right) / 2, y, text, face, size, "centre")

    def _draw_school(self, canvas: Canvas, baseline: float) -> float:
        """The school's logo and name at the header's left; how much room they take."""
        school = self.layout.school
        x = self.layout.margins.left
        used = 0.0
        if school.logo:
            image = ImageReader(school.logo)
            image_width, image_height = image.getSize()
            width = school.logo_height * image_width / image_height
            canvas.drawImage(image, x, baseline - 0.5 * MM, width, school.logo_height, mask="auto")
            used = width + 2 * MM
        if school.name:
            face, size = self.faces.bold, self.layout.furniture.text.largest
            draw_string(canvas, x + used, baseline, school.name, face, size)
            used += string_width(school.name, face, size) + 4 * MM
        return used

    def _banner_width(self) -> float:
        return string_width(BANNER, self.faces.bold, self.layout.furniture.banner_size)

    def _draw_answer_banner(self, canvas: Canvas, width: float, header_y: float) -> None:
        label = BANNER
        size = self.layout.furniture.banner_size
        text_width = self._banner_width()
        x = (width - text_width) / 2
        canvas.setFillColor(colour(self.layout.colours.text))
        canvas.rect(x - 2 * MM, header_y - 1.2 * MM, text_width + 4 * MM, size + 1.6 * MM, stroke=0, fill=1)
        canvas.setFillColor(colour(self.layout.colours.paper))
        canvas.setFont(self.faces.bold, size)
        canvas.drawString(x, header_y, label)

    def _draw_name_line(self, canvas: Canvas, left: float, right: float, y: float) -> None:
        field = self.layout.furniture.name_field
        size = field.size
        # Large print on a portrait page: the lines give up length, the labels keep their size.
        labels = sum(string_width(label, self.faces.regular, size) + 6.5 * MM for label in ("Name", "Class", "Date"))
        lines = field.name + field.class_ + field.date
        scale = min(1.0, max(0.0, right - left - labels) / lines) if lines else 1.0
        fields = (("Name", field.name * scale), ("Class", field.class_ * scale), ("Date", field.date * scale))
        canvas.setFillColor(colour(self.layout.colours.text))
        set_stroke(canvas, self.layout.lines.name_field)
        canvas.setFont(self.faces.regular, size)
        x = right
        for label, line_length in reversed(fields):
            canvas.line(x - line_length, y - 1, x, y - 1)
            if label == "Name" and self.page.student_name:
                self._write_on_line(canvas, self.page.student_name, x - line_length, y, line_length)
            x -= line_length + 1.5 * MM
            label_width = string_width(label, self.faces.regular, size)
            canvas.drawString(x - label_width, y, label)
            x -= label_width + 5 * MM

    def _write_on_line(self, canvas: Canvas, text: str, left: float, y: float, line_length: float) -> None:
        """A name filled in for the student (a class pack), as large as the label and shrunk only to fit."""
        sizes = SizeRange(self.layout.furniture.name_field.size, self.layout.furniture.text.smallest)
        inset = 1 * MM
        size, text = _fit_line(text, self.faces.regular, line_length - 2 * inset, sizes)
        draw_string(canvas, left + inset, y, text, self.faces.regular, size)  # any script, through the fallbacks
        canvas.setFont(self.faces.regular, self.layout.furniture.name_field.size)


def _size_to_fit(text: str, face: str, width: float, sizes: SizeRange) -> float:
    size = sizes.largest
    natural = string_width(text, face, size)
    if natural > width:
        size = max(sizes.smallest, size * width / natural)
    return size


def _fit_line(text: str, face: str, width: float, sizes: SizeRange) -> tuple[float, str]:
    """Shrunk to fit; a header or footer too long even then is shortened with an ellipsis
    rather than run into its neighbour."""
    size = _size_to_fit(text, face, width, sizes)
    if string_width(text, face, size) <= width:
        return size, text
    # The longest start that fits with its ellipsis, found by halving: a title of any
    # length costs a few dozen measurements, not one per character.
    fits, too_long = 0, len(text)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if string_width(text[:middle].rstrip() + "\u2026", face, size) <= width:
            fits = middle
        else:
            too_long = middle
    return size, text[:fits].rstrip() + "\u2026"


class _FurnishedCanvas(Canvas):
    """Keeps each page until save(), then draws the furniture knowing the page count."""

    def __init__(self, *args, furniture: Optional[Furniture] = None,
                 draw_page: Optional[Callable[[Canvas, int, int], None]] = None, font: Optional[str] = None,
                 tint: Optional[str] = None, **kwargs):
        # Every page starts in the layout's font: ReportLab's own start, Helvetica, is a font
        # the PDF would name without embedding it (a print shop's preflight refuses that).
        # (BaseDocTemplate passes initialFontName=None itself.)
        kwargs["initialFontName"] = kwargs.get("initialFontName") or font or furniture.faces.regular
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._draw_page = draw_page
        self._kept_pages: list[dict] = []
        self._tint = tint if tint is not None or furniture is None else furniture.layout.colours.page_tint
        self._paint_tint()

    def showPage(self):
        self._kept_pages.append(dict(self.__dict__))
        self._startPage()
        self._paint_tint()

    def _paint_tint(self) -> None:
        """The page tint under everything else on the page (a cream page for dyslexia-friendly sheets)."""
        if self._tint is None:
            return
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(colour(self._tint))
        self.rect(0, 0, width, height, stroke=0, fill=1)
        self.restoreState()

    def save(self):
        pages = len(self._kept_pages)
        for number, state in enumerate(self._kept_pages, start=1):
            self.__dict__.update(state)
            if self._furniture is not None:
                self._furniture.draw(self, number, pages)
            if self._draw_page is not None:
                self._draw_page(self, number, pages)
            super().showPage()
        super().save()


def furnished_canvas(furniture: Optional[Furniture] = None,
                     draw_page: Optional[Callable[[Canvas, int, int], None]] = None, font: Optional[str] = None,
                     tint: Optional[str] = None):
    """A canvasmaker for BaseDocTemplate.build, or a factory for a plain canvas; `font` (the
    layout's regular face) is needed without furniture; every page is tinted with `tint` (or the
    furniture's layout's page tint) first."""
    return partial(_FurnishedCanvas, furniture=furniture, draw_page=draw_page, font=font, tint=tint)


def document_info(topic: Topic, kind: SheetKind) -> dict:
    """Metadata shared by every product; no dates, so builds are byte-identical."""
    return {
        "title": f"{topic.title} - {kind.product}",
        "subject": topic.subject or topic.title,
        "author": "",
        "creator": "revisionprint",
        "producer": "revisionprint (ReportLab)",
        "invariant": 1,
    }


def describe_document(canvas: Canvas, topic: Topic, kind: SheetKind) -> None:
    """The same metadata on a plain canvas (which takes none as arguments: it would say 'untitled')."""
    info = document_info(topic, kind)
    canvas.setTitle(info["title"])
    canvas.setSubject(info["subject"])
    canvas.setAuthor(info["author"])
    canvas.setCreator(info["creator"])
    canvas.setProducer(info["producer"])
