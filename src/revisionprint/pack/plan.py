"""What a pack holds, as plain data: its copies, and in each the products of each topic.

A copy is one student's (their name in every Name field) or one of `--copies N`. With
`vary`, every seeded option (a field named `seed` or `shuffle_seed` that is set) of the
copy at position n (1 for the first name on the class list) is the base seed + n - 1, so
the first student has the order a plain build gives and each other student their own.
A product joins packs by its row in `build.PRODUCTS`: nothing here names one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Iterable, Optional

from ..build import Product
from .students import Student
from ..model import CardPrinting, Layout, Topic

SEED_FIELDS = ("seed", "shuffle_seed")


@dataclass(frozen=True)
class PackRequest:
    """Everything a pack is made from: the topics and products, and who gets a copy."""

    topics: tuple[Topic, ...]
    layout: Layout
    products: tuple[Product, ...]  # with the run's options already chosen
    students: tuple[Student, ...] = ()  # in class-list order
    copies: int = 1  # without students: how many unnamed copies
    vary: bool = False
    contents_page: bool = False
    title: str = ""  # the PDF's title; default: the topics' titles

    @property
    def pack_title(self) -> str:
        """The title given, or the topics' titles (a course's worth is named by its first)."""
        titles = [topic.title for topic in self.topics]
        if self.title or len(titles) <= 3:
            return self.title or ", ".join(titles)
        return f"{titles[0]} and {len(titles) - 1} other topics"


@dataclass(frozen=True)
class Part:
    """One product of one topic, drawn with one copy's options: the unit that is rendered."""

    topic: int  # index into PackRequest.topics
    product: Product


@dataclass(frozen=True)
class PackCopy:
    position: int  # 1 for the first copy (the first name on the class list)
    student: str  # "" for an unnamed copy
    parts: tuple[Part, ...]

    @property
    def label(self) -> str:
        return self.student or f"Copy {self.position}"


def plan_copies(request: PackRequest) -> list[PackCopy]:
    """The copies in class-list order, each with its products topic by topic."""
    names = [student.name for student in request.students] or [""] * request.copies
    copies = []
    for position, name in enumerate(names, start=1):
        parts = tuple(Part(index, _for_copy(item, name, position, request.vary))
                      for index, topic in enumerate(request.topics)
                      for item in request.products if item.has_content(topic))
        copies.append(PackCopy(position, name, parts))
    return copies


def skipped(request: PackRequest) -> list[str]:
    """A note for each topic section a chosen product needs and the topic lacks."""
    notes = []
    for topic in request.topics:
        for section in dict.fromkeys(item.section for item in request.products if not item.has_content(topic)):
            labels = ", ".join(item.label for item in request.products if item.section == section)
            notes.append(f"{topic.file}: no {section} section, so the pack has no {labels} of it")
    return notes


def unique_parts(copies: list[PackCopy]) -> list[Part]:
    """Each part once, in the order first met: unnamed copies that do not vary are drawn once."""
    return list(dict.fromkeys(part for copy in copies for part in copy.parts))


def _for_copy(item: Product, student: str, position: int, vary: bool) -> Product:
    options = item.options
    changes: dict[str, Any] = {}
    if student and _has_field(options, "page"):
        changes["page"] = replace(options.page, student_name=student)
    if vary:
        for name in SEED_FIELDS:
            seed: Optional[int] = getattr(options, name) if _has_field(options, name) else None
            if seed is not None:
                changes[name] = seed + position - 1
    return replace(item, options=replace(options, **changes)) if changes else item


def ordered(products: Iterable[Product], shuffle: bool, seed: Optional[int]) -> list[Product]:
    """The products with the run's order: flashcards shuffled (by the seed, 0 if none is given)
    with `shuffle`, and every order in use seeded by `seed`."""
    chosen = [item.with_options([CardPrinting(shuffle_seed=(seed or 0) if shuffle else None)]) for item in products]
    return [with_seed(item, seed) for item in chosen] if seed is not None else chosen


def with_seed(item: Product, seed: int) -> Product:
    """The product with its order seeded by `seed`, where it has one that is in use (a flashcard
    shuffle only when shuffling)."""
    options = item.options
    changes = {name: seed for name in SEED_FIELDS if _has_field(options, name) and getattr(options, name) is not None}
    return replace(item, options=replace(options, **changes)) if changes else item


def _has_field(options: object, name: str) -> bool:
    return any(field.name == name for field in fields(options))


def seeded(products: tuple[Product, ...]) -> bool:
    """Whether any product has an order that --vary can change."""
    return any(_has_field(item.options, name) and getattr(item.options, name) is not None
               for item in products for name in SEED_FIELDS)

