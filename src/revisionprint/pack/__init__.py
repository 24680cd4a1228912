"""Class packs: the chosen products of several topics, for each student or copy, in one PDF.

`plan` says what each copy holds (plain data), `rendering` draws each part through its
product (in parallel processes with jobs > 1), `merge` puts them together with pypdf.
Products join packs through `build.PRODUCTS`; nothing here names one. ReportLab is
imported only when something is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import RenderedPdf
from .merge import CopyPages, Section, merge, padded, section_starts
from .plan import PackCopy, PackRequest, Part, ordered, plan_copies, seeded, skipped, unique_parts
from .rendering import Drawer, Progress
from .students import read_class_list

__all__ = ["Pack", "PackRequest", "build_pack", "ordered", "read_class_list", "seeded"]


@dataclass
class Pack:
    data: bytes = b""
    pages: int = 0
    copies: int = 0
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    printing: dict[str, str] = field(default_factory=dict)  # how each product prints, by its label

    @property
    def contents(self) -> str:
        copies = f"{self.copies} cop{'y' if self.copies == 1 else 'ies'}"
        return f"{copies} on {self.pages} page{'s' if self.pages != 1 else ''}"


def build_pack(request: PackRequest, jobs: int = 1, progress: Optional[Progress] = None) -> Pack:
    """The pack's PDF with every problem found; the caller decides whether to write it."""
    for topic in request.topics:
        for item in request.products:
            if item.has_content(topic):
                item.check(item.options, request.layout, topic)
    pack = Pack(copies=max(1, len(request.students) or request.copies), skipped=skipped(request))
    pack.problems += _unprintable_names(request)
    copies = plan_copies(request)
    rendered = _render(request, copies, jobs, progress)
    for part in unique_parts(copies):
        pack.problems += [message for message in rendered[part].problems if message not in pack.problems]
    if any(not pdf.data for pdf in rendered.values()):
        return pack
    pack.printing = {part.product.label: rendered[part].printing for part in unique_parts(copies)}
    pages = [_copy_pages(request, copy, rendered, len(copies) > 1) for copy in copies]
    subjects = dict.fromkeys(topic.subject for topic in request.topics if topic.subject)
    author = request.layout.author or request.layout.school.name  # a school's own layout names it once
    pack.data = merge(pages, request.pack_title, ", ".join(subjects), author)
    pack.pages = sum(padded(copy.contents_pages) + sum(padded(s.pages) for s in copy.sections) for copy in pages)
    return pack


def _render(request: PackRequest, copies: list[PackCopy], jobs: int,
            progress: Optional[Progress]) -> dict[Part, RenderedPdf]:
    """Every part of every copy drawn. The first two copies are drawn first: a product that gives
    them the same bytes (flashcards, which have no Name field) prints nothing of the copy's own, so
    the later copies take the first copy's PDF instead of drawing it again."""
    parts = unique_parts(copies)
    tell = (lambda more: progress(more, len(parts))) if progress is not None else None
    with Drawer(request.topics, request.layout, jobs, tell) as drawer:
        first = unique_parts(copies[:2])
        rendered = drawer.draw(first)
        stand_ins: dict[Part, Part] = {}
        if len(copies) > 2:
            for index, (one, two) in enumerate(zip(copies[0].parts, copies[1].parts)):
                if one != two and rendered[one].data == rendered[two].data:
                    stand_ins.update((copy.parts[index], one) for copy in copies[2:])
        if tell is not None and stand_ins:
            tell(len(stand_ins))
        rendered.update(drawer.draw([part for part in parts if part not in rendered and part not in stand_ins]))
    rendered.update((part, rendered[one]) for part, one in stand_ins.items())
    return rendered


def _copy_pages(request: PackRequest, copy: PackCopy, rendered: dict[Part, RenderedPdf], labelled: bool) -> CopyPages:
    sections = tuple(Section(part.topic, request.topics[part.topic].title, _capitalised(part.product.label),
                             rendered[part].data, rendered[part].pages) for part in copy.parts)
    label = copy.label if labelled else copy.student
    if not request.contents_page:
        return CopyPages(label, sections)
    from ..render.pack.contents import render_contents

    data, pages = render_contents(request.layout, request.pack_title, copy.student, _contents(sections, 0))
    data, pages = render_contents(request.layout, request.pack_title, copy.student, _contents(sections, pages))
    return CopyPages(label, sections, data, pages)


def _contents(sections: tuple[Section, ...], contents_pages: int):
    from ..render.pack.contents import ContentsTopic

    starts = section_starts(contents_pages, [section.pages for section in sections])
    topics: dict[int, ContentsTopic] = {}
    for section, start in zip(sections, starts):
        known = topics.get(section.topic, ContentsTopic(section.topic_title, ()))
        topics[section.topic] = ContentsTopic(known.title, (*known.products, (section.product, start)))
    return list(topics.values())


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def _unprintable_names(request: PackRequest) -> list[str]:
    """A name the layout's font cannot draw would print as empty boxes on every sheet."""
    if not request.students:
        return []
    from ..render.fonts import describe_characters, missing_glyphs, register_family

    faces = register_family(request.layout.font_family)
    problems = []
    for student in request.students:
        missing = missing_glyphs(student.name, faces)
        if missing:
            problems.append(f"{student.file}:{student.line}:{student.column}: the name '{student.name}' has "
                            f"{describe_characters(missing)}, which the font ({request.layout.font_family}) cannot "
                            "draw; write the name in Latin, Greek or Cyrillic letters, or choose a layout whose "
                            "font has them")
    return problems
