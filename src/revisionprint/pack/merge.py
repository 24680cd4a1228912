"""Putting a pack's PDFs together with pypdf: blank backs, bookmarks, page labels, metadata.

Printed double-sided, every product starts on a front: a product with an odd number of pages
is followed by a blank page (the back of its last page), so flashcard backs stay behind their
fronts and no worksheet starts on the back of another. Page labels number each copy's pages
from 1 (a student's copy is a booklet of its own; the contents page counts them so). Nothing
here depends on the time, so the same pack is the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import groupby

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle


@dataclass(frozen=True)
class Section:
    """One product of one topic in a copy."""

    topic: int  # which topic, to group the bookmarks
    topic_title: str
    product: str  # its label, as bookmarked: "Timeline worksheet"
    data: bytes
    pages: int


@dataclass(frozen=True)
class CopyPages:
    label: str  # the copy's bookmark and page-label prefix ("" in a pack of one copy)
    sections: tuple[Section, ...]
    contents: bytes = b""  # its contents page(s), numbered by section_starts
    contents_pages: int = 0


def padded(pages: int) -> int:
    """Pages with the blank back that makes the next product start on a front."""
    return pages + pages % 2


def section_starts(contents_pages: int, section_pages: list[int]) -> list[int]:
    """The page, counted from 1 at the copy's first page, on which each section starts."""
    starts, page = [], 1 + padded(contents_pages)
    for pages in section_pages:
        starts.append(page)
        page += padded(pages)
    return starts


def merge(copies: list[CopyPages], title: str, subject: str, author: str) -> bytes:
    writer = PdfWriter()
    readers: dict[bytes, PdfReader] = {}  # a part shared by copies is read once and its fonts kept once

    def add(data: bytes) -> int:
        first = len(writer.pages)
        if data not in readers:
            # Kept for the whole merge: pypdf remembers what it copied by the reader's id(), which a
            # reader let go could hand to the next one.
            readers[data] = PdfReader(io.BytesIO(data))
        reader = readers[data]
        for page in reader.pages:
            writer.add_page(page)
        if (len(writer.pages) - first) % 2:
            last = writer.pages[-1].mediabox
            writer.add_blank_page(last.width, last.height)
        return first

    marks = []  # (depth, title, page), added once their pages exist
    for copy in copies:
        copy_first = len(writer.pages)
        depth = 1 if copy.label else 0
        if copy.label:
            marks.append((0, copy.label, copy_first))
        if copy.contents:
            marks.append((depth, "Contents", add(copy.contents)))
        for _, sections in groupby(copy.sections, key=lambda section: section.topic):
            sections = list(sections)
            marks.append((depth, sections[0].topic_title, len(writer.pages)))
            marks += [(depth + 1, section.product, add(section.data)) for section in sections]
        writer.set_page_label(copy_first, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL,
                              prefix=f"{copy.label} - " if copy.label else None, start=1)
    parents: dict[int, object] = {}
    for depth, mark, page in marks:
        parents[depth] = writer.add_outline_item(title=mark, page_number=page, parent=parents.get(depth - 1))
    writer.add_metadata({key: value for key, value in (
        ("/Title", title), ("/Subject", subject), ("/Author", author), ("/Creator", "revisionprint"),
        ("/Producer", "revisionprint (pypdf)")) if value})
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
