"""A course file: a department's whole print run (topics, products, layout, class lists) in one
YAML file, read like topics and layouts, with every mistake reported at its line.

Paths in it are relative to the course file's own folder. The format, by example, is in
docs/packs.md.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from yaml.nodes import Node

from ..build import PRODUCTS, Product, every_variant, named_products, slugify, with_layout_modes
from ..errors import InvalidFiles, UsageProblem
from ..layouts.options import Boolean, Integer
from ..limits import MAX_COPIES, MAX_PACK_TOPICS
from ..yamlfile import YamlFile, did_you_mean, read_yaml
from .plan import PackRequest, ordered
from .students import read_class_list

COURSE_KEYS = ("title", "layout", "products", "contents", "shuffle", "seed", "vary", "copies", "output", "topics",
               "classes")
CLASS_KEYS = ("name", "students", "copies")
DEFAULT_OUTPUT = "output"
COPIES = Integer(1, MAX_COPIES)
SEED = Integer(0, 2**31 - 1)


@dataclass(frozen=True)
class ClassEntry:
    name: str
    students: Optional[str]  # the class list's path, or None for unnamed copies
    copies: int
    node: Node


@dataclass(frozen=True)
class CoursePack:
    """One PDF of the print run: a class's pack, or the course's one pack if it names no class."""

    target: Path
    request: PackRequest


@dataclass
class CourseSettings:
    """What the course file says, its paths made relative to where the command runs."""

    title: str
    layout: str  # a name, or a layout file's path
    layout_node: Node  # where the layout is named, for a message about it
    products: tuple[Product, ...]
    every_product: bool  # no 'products:': what build makes, the layout's timeline modes included
    contents: bool
    vary: bool
    output: Path
    topics: list[str]
    classes: list[ClassEntry]


def load_course(path: str) -> list[CoursePack]:
    """Every pack the course file asks for, or InvalidFiles with every mistake in it, in its
    topics and in its class lists at once."""
    from ..content import load_topics
    from ..layouts import load_layout

    source = read_yaml(path)
    course = _CourseReader(source, Path(path).parent).read() if source.root is not None else None
    if course is None:
        raise InvalidFiles(source.problems)
    problems = []
    topics = layout = None
    try:
        topics = load_topics(course.topics)
    except InvalidFiles as error:
        problems += error.problems
    try:
        layout = load_layout(course.layout)
    except InvalidFiles as error:
        problems += error.problems
    except UsageProblem as error:
        source.report(course.layout_node, "layout", error.message)
    problems += source.problems
    students = {}
    for entry in course.classes:
        if entry.students is not None:
            try:
                students[entry.name] = read_class_list(entry.students)
            except InvalidFiles as error:
                problems += error.problems
    if problems:
        raise InvalidFiles(problems)
    products = tuple(with_layout_modes(course.products, layout)) if course.every_product else course.products
    packs = []
    for entry in course.classes:
        request = PackRequest(tuple(topics), layout, products, students.get(entry.name, ()), entry.copies,
                              course.vary, course.contents, course.title)
        # '11A' writes 11a.pdf; a course without classes writes <title>-pack.pdf.
        name = slugify(entry.name) if entry.name else f"{slugify(request.pack_title)}-pack"
        packs.append(CoursePack(course.output / f"{name}.pdf", request))
    return packs


class _CourseReader:
    def __init__(self, source: YamlFile, folder: Path):
        self.source = source
        self.folder = folder

    def read(self) -> Optional[CourseSettings]:
        src = self.source
        fields = src.mapping(src.root, "", COURSE_KEYS, required=("topics",),
                             what="a course: key: value lines such as 'topics:'")
        if not fields:
            return None
        title = src.text(fields["title"], "title") if "title" in fields else ""
        seed = src.converted(fields["seed"], "seed", SEED.convert) if "seed" in fields else None
        shuffle = self.flag(fields, "shuffle")
        products = ordered(self.products(fields.get("products")), shuffle, seed)
        copies = src.converted(fields["copies"], "copies", COPIES.convert) if "copies" in fields else 1
        classes = self.classes(fields.get("classes"), copies or 1)
        if "copies" in fields and "classes" in fields:
            src.report(fields["copies"], "copies", "a course with classes gives each class its own copies; "
                                                   "move 'copies:' into a class (or remove 'classes:')")
        layout = src.text(fields["layout"], "layout") if "layout" in fields else "default"
        output = src.text(fields["output"], "output") if "output" in fields else DEFAULT_OUTPUT
        return CourseSettings(
            title=title or "",
            layout=self.layout_path(layout or "default"),
            layout_node=fields.get("layout", src.root),
            products=tuple(products),
            every_product="products" not in fields,
            contents=self.flag(fields, "contents"),
            vary=self.flag(fields, "vary"),
            output=self.folder / (output or DEFAULT_OUTPUT),
            topics=self.topics(fields["topics"]),
            classes=classes,
        )

    def flag(self, fields: dict[str, Node], key: str) -> bool:
        return bool(self.source.converted(fields[key], key, Boolean().convert)) if key in fields else False

    def products(self, node: Optional[Node]) -> list[Product]:
        if node is None:
            return list(PRODUCTS)
        keys, choices = [], [item.key for item in every_variant()]
        for index, entry in enumerate(self.source.sequence(node, "products", "products")):
            key = self.source.text(entry, f"products[{index}]")
            if key is not None and key not in choices:
                self.source.report(entry, f"products[{index}]", f"unknown product '{key}'{did_you_mean(key, choices)}")
            elif key is not None:
                keys.append(key)
        if not keys and not self.source.problems:
            self.source.report(node, "products", "lists no products; leave 'products:' out for every product")
        return named_products(keys, "products")

    def topics(self, node: Node) -> list[str]:
        paths = []
        entries = self.source.sequence(node, "topics", "topic files")
        if not entries:
            self.source.report(node, "topics", "lists no topic files; write one a line, such as '- content/cells.yaml'")
        for index, entry in enumerate(entries):
            written = self.source.text(entry, f"topics[{index}]")
            if written is None:
                continue
            found = self.existing(written)
            if not found:
                self.source.report(entry, f"topics[{index}]", f"there is no topic file '{written}' (paths are "
                                   "relative to the course file's folder)")
            paths += found
        if len(paths) > MAX_PACK_TOPICS:
            self.source.report(node, "topics", f"names {len(paths)} topic files, more than {MAX_PACK_TOPICS}; "
                               "check the patterns, or split the course into several files")
            return []
        return paths

    def existing(self, written: str) -> list[str]:
        """The files a path names: a pattern such as content/*.yaml names each file it matches."""
        path = self.folder / written
        if any(char in written for char in "*?["):
            return sorted(glob.glob(str(path)))
        return [str(path)] if path.is_file() else []

    def classes(self, node: Optional[Node], copies: int) -> list[ClassEntry]:
        src = self.source
        if node is None:
            return [ClassEntry("", None, copies, src.root)]
        entries = []
        for index, entry in enumerate(src.sequence(node, "classes", "classes")):
            item = f"classes[{index}]"
            fields = src.mapping(entry, item, CLASS_KEYS, required=("name",),
                                 what="a class: 'name:' and 'students:' (or 'copies:')")
            name = src.text(fields["name"], f"{item}.name") if "name" in fields else None
            if name is None:
                continue
            if slugify(name) in (slugify(known.name) for known in entries):
                src.report(fields["name"], f"{item}.name", f"a class named '{name}' is given twice (its file would be "
                           f"{slugify(name)}.pdf); each class makes one file, so give each its own name")
            students = None
            if "students" in fields:
                written = src.text(fields["students"], f"{item}.students")
                if written is not None and not (self.folder / written).is_file():
                    src.report(fields["students"], f"{item}.students", f"there is no class list '{written}' (paths are "
                               "relative to the course file's folder)")
                elif written is not None:
                    students = str(self.folder / written)
            if "students" in fields and "copies" in fields:
                src.report(fields["copies"], f"{item}.copies", "a class with a class list has a copy for each "
                                                               "student; remove 'copies:' or 'students:'")
            count = src.converted(fields["copies"], f"{item}.copies", COPIES.convert) if "copies" in fields else 1
            entries.append(ClassEntry(name, students, count or 1, entry))
        if not entries and not src.problems:
            src.report(node, "classes", "lists no classes; give each a 'name:' and 'students:', or remove 'classes:'")
        return entries

    def layout_path(self, layout: str) -> str:
        """A layout file named in the course is found beside it; a layout name is looked up as usual."""
        if layout.endswith((".yaml", ".yml")) or "/" in layout or "\\" in layout:
            return str(self.folder / layout)
        return layout

