"""Turning topics into PDF files: which products, their names, atomic writing.

No layout logic lives here; renderers are imported only when a PDF is made,
so that validating and `--help` never load ReportLab.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .errors import RenderProblems as RenderFailed
from .errors import RevisionprintError
from .model import CardPrinting, Layout, Topic


@dataclass(frozen=True)
class Product:
    """One PDF a topic can give."""

    key: str  # used with --only, and as the file name's ending
    label: str
    section: str  # the topic section it needs
    render: Callable  # (topic, layout, problems) -> RenderedPdf

    def file_name(self, topic: Topic) -> str:
        return f"{slugify(topic.title)}-{self.key}.pdf"

    def has_content(self, topic: Topic) -> bool:
        return bool(getattr(topic, self.section))


def _flashcards(topic, layout, problems, printing=None, progress=None):
    from .render.cards.flashcards import render_flashcards

    return render_flashcards(topic, layout, problems, printing, progress)


def _factor_table(blank: bool):
    def render(topic, layout, problems):
        from .render.factors.table import render_factor_table

        return render_factor_table(topic, layout, problems, blank=blank)

    return render


def _timeline(answers: bool):
    def render(topic, layout, problems):
        from .render.timeline.worksheet import render_timeline

        return render_timeline(topic, layout, problems, answers=answers)

    return render


PRODUCTS = (
    Product("flashcards", "flashcards", "flashcards", _flashcards),
    Product("factors", "factor table", "factors", _factor_table(blank=False)),
    Product("factors-blank", "blank factor table", "factors", _factor_table(blank=True)),
    Product("timeline", "timeline worksheet", "timeline", _timeline(answers=False)),
    Product("timeline-answers", "timeline answer key", "timeline", _timeline(answers=True)),
)
PRODUCT_GROUPS = {"factors": ("factors", "factors-blank"), "timeline": ("timeline", "timeline-answers")}


def product(key: str) -> Product:
    return next(p for p in PRODUCTS if p.key == key)


def select_products(names: Iterable[str]) -> list[Product]:
    """`--only factors` means both factor tables; `--only factors-blank` just the blank one."""
    wanted: set[str] = set()
    for name in names:
        wanted.update(PRODUCT_GROUPS.get(name, (name,)))
    return [p for p in PRODUCTS if p.key in wanted]


def product_choices() -> list[str]:
    return [p.key for p in PRODUCTS]


def slugify(title: str) -> str:
    """A safe file name from a title: letters, digits and hyphens only, never a path."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:80].strip("-") or "topic"


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a failed build leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private; a PDF is for sharing, as any new file would be.
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The file's own permissions when it exists, else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@dataclass
class Written:
    path: Path
    pages: int
    contents: str
    printing: str


@dataclass
class BuildReport:
    written: list[Written] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    not_written: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.not_written)


def make_product(topic: Topic, layout: Layout, item: Product, target: Path, keep_going: bool,
                 report: BuildReport, **options) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    from .render.fonts import register_family
    from .render.problems import RenderProblems

    problems = RenderProblems()
    # The title is printed on every product, in the furniture of every page.
    problems.check_glyphs(topic.origin, "title", topic.title, register_family(layout.font_family))
    try:
        rendered = item.render(topic, layout, problems, **options)
    except LayoutError:
        # ReportLab found something taller than a whole page: only extreme layouts get here.
        report.problems.append(
            f"{layout.file}: the {item.label} of {topic.file} does not fit on the page with this layout's "
            "margins and text sizes; make the margins or the text sizes smaller")
        report.not_written.append(target)
        return
    # The title is checked for every product: say each problem once.
    report.problems.extend(message for message in problems.messages if message not in report.problems)
    if problems and not keep_going:
        report.not_written.append(target)
        return
    try:
        write_atomically(target, rendered.data)
    except OSError as error:
        raise RevisionprintError(f"cannot write {target}: {error.strerror}; choose another --output") from None
    report.written.append(Written(target, rendered.pages, rendered.contents, rendered.printing))


def build_topics(topics: list[Topic], layout: Layout, output: Path, products: list[Product],
                 keep_going: bool, progress: Optional[Callable[[Iterable], Iterable]] = None,
                 card_printing: Optional[CardPrinting] = None) -> BuildReport:
    _refuse_shared_file_names(topics)
    report = BuildReport()
    jobs = []
    for topic in topics:
        for item in products:
            if item.has_content(topic):
                jobs.append((topic, item))
            elif not any(skip.startswith(f"{topic.file}: no {item.section}") for skip in report.skipped):
                report.skipped.append(f"{topic.file}: no {item.section} section, so no {item.label} was made")
    for topic, item in (progress(jobs) if progress else jobs):
        options = {"printing": card_printing} if item.key == "flashcards" and card_printing else {}
        make_product(topic, layout, item, output / item.file_name(topic), keep_going, report, **options)
    return report


def _refuse_shared_file_names(topics: list[Topic]) -> None:
    """Two topics whose titles give one file name would overwrite each other's PDFs."""
    seen: dict[str, Topic] = {}
    for topic in topics:
        slug = slugify(topic.title)
        if slug in seen:
            raise RevisionprintError(
                f"{seen[slug].file} and {topic.file} would both be written as {slug}-*.pdf "
                f"(titles '{seen[slug].title}' and '{topic.title}'); give one of them a different title")
        seen[slug] = topic


def build_one(topic: Topic, layout: Layout, item: Product, target: Path, keep_going: bool,
              **options) -> BuildReport:
    """One product of one topic; `options` are the product's own (CardPrinting for flashcards)."""
    report = BuildReport()
    if not item.has_content(topic):
        raise RenderFailed([f"{topic.file}: the topic has no {item.section} (its '{item.section}:' list is "
                            f"missing or empty), so it makes no {item.label}; add some to the file"])
    make_product(topic, layout, item, target, keep_going, report, **options)
    return report
