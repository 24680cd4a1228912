"""Turning topics into PDF files: which products, their names, atomic writing.

No layout logic lives here; renderers are imported only when a PDF is made,
so that validating and `--help` never load ReportLab.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import platform
import re
import sys
import tempfile
import time
import unicodedata
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from . import option_checks
from .errors import RenderProblems as RenderFailed
from .errors import RevisionprintError, UsageProblem, excerpt
from .model import (BLANK_FACTOR_TABLE, CalibrationOptions, CardPrinting, CardSortOptions, FactorTableOptions, Layout,
                    RenderedPdf, TimelineMode, TimelineOptions, Topic)


@dataclass(frozen=True)
class Product:
    """One PDF a topic can give: which renderer draws it, and with what options.

    A variant (the blank table, the answer key) is the same renderer with other options.
    """

    key: str  # used with --only, and as the file name's ending
    label: str
    section: Optional[str]  # the topic section it needs (None: it needs no topic)
    renderer: str  # the module under render/ whose render(topic, layout, options) draws it
    options: Any  # the options it is drawn with unless a run gives its own
    check: Callable[[Any, Layout, Optional[Topic]], None] = option_checks.check_nothing

    def file_name(self, topic: Topic) -> str:
        return f"{slugify(topic.title)}-{self.key}.pdf"

    def has_content(self, topic: Topic) -> bool:
        return self.section is None or bool(getattr(topic, self.section))

    def with_options(self, given: Iterable[Any]) -> "Product":
        """The product drawn with whichever of the run's options are of its kind."""
        mine = next((options for options in given if type(options) is type(self.options)), self.options)
        return replace(self, options=mine)

    def render(self, topic: Optional[Topic], layout: Layout, **extra) -> RenderedPdf:
        # Imported here, not at the top: validating and --help never load ReportLab.
        module = importlib.import_module(f"{__package__}.render.{self.renderer}")
        return module.render(topic, layout, self.options, **extra)


PRODUCTS = (
    Product("flashcards", "flashcards", "flashcards", "cards.flashcards", CardPrinting(),
            option_checks.check_card_printing),
    Product("factors", "factor table", "factors", "factors.table", FactorTableOptions(),
            option_checks.check_factor_table),
    Product("factors-blank", "blank factor table", "factors", "factors.table", BLANK_FACTOR_TABLE,
            option_checks.check_factor_table),
    Product("cardsort", "card sort", "factors", "factors.cardsort", CardSortOptions()),
    Product("cardsort-answers", "card sort answer key", "factors", "factors.cardsort", CardSortOptions(answers=True)),
    Product("timeline", "timeline worksheet", "timeline", "timeline.worksheet", TimelineOptions(),
            option_checks.check_timeline),
    Product("timeline-answers", "timeline answer key", "timeline", "timeline.worksheet",
            TimelineOptions(answers=True), option_checks.check_timeline),
)


def timeline_product(mode: str, answers: bool = False, seed: int = 0) -> Product:
    """The worksheet (or key) of one timeline mode: 'timeline', 'timeline-answers' for the default
    mode, 'timeline-match', 'timeline-match-answers' ... for the others."""
    key = "timeline" if mode == TimelineMode.BLANK_EVENTS else f"timeline-{mode}"
    label = "timeline worksheet" if mode == TimelineMode.BLANK_EVENTS else f"timeline worksheet ({mode})"
    if answers:
        key, label = f"{key}-answers", label.replace("worksheet", "answer key")
    return Product(key, label, "timeline", "timeline.worksheet", TimelineOptions(mode, answers, seed),
                   option_checks.check_timeline)


def with_layout_modes(products: Iterable[Product], layout: Layout) -> list[Product]:
    """Each timeline product once for every mode the layout's `timeline.modes` asks `build` for
    (the complete timeline is its own key: it is made once)."""
    result = []
    for item in products:
        if isinstance(item.options, TimelineOptions):
            result += [timeline_product(mode, item.options.answers, item.options.seed)
                       for mode in layout.timeline.modes
                       if not (item.options.answers and mode == TimelineMode.COMPLETE)]
        else:
            result.append(item)
    return result


CALIBRATION = Product("calibration", "calibration sheet", None, "calibration.sheet", CalibrationOptions(),
                      option_checks.check_calibration)
PRODUCT_GROUPS = {"factors": ("factors", "factors-blank"), "timeline": ("timeline", "timeline-answers"),
                  "cardsort": ("cardsort", "cardsort-answers")}


def product(key: str) -> Product:
    return next(p for p in (*PRODUCTS, CALIBRATION) if p.key == key)


def select_products(names: Iterable[str]) -> list[Product]:
    """`--only factors` means both factor tables; `--only factors-blank` just the blank one."""
    wanted: set[str] = set()
    for name in names:
        wanted.update(PRODUCT_GROUPS.get(name, (name,)))
    unknown = sorted(wanted - set(product_choices()))
    if unknown:
        raise UsageProblem("--only", f"unknown product '{unknown[0]}'; choose from {', '.join(product_choices())}")
    return [p for p in PRODUCTS if p.key in wanted]


def every_variant() -> tuple[Product, ...]:
    """Every product a pack can name, one name each: the table's, then each timeline mode's
    worksheet and key ('timeline-match', 'timeline-match-answers' ...)."""
    modes = [timeline_product(mode, answers) for mode in TimelineMode.ALL for answers in (False, True)
             if not (answers and mode == TimelineMode.COMPLETE)]
    keys = {item.key for item in PRODUCTS}
    return (*PRODUCTS, *(item for item in modes if item.key not in keys))


def named_products(names: Iterable[str], option: str) -> list[Product]:
    """Exactly the products named, in the order of every_variant: 'timeline' is the worksheet
    alone (a pack handed to students leaves its answers out unless they are named)."""
    variants = every_variant()
    wanted = set(names)
    unknown = sorted(wanted - {item.key for item in variants})
    if unknown:
        raise UsageProblem(option, f"unknown product '{unknown[0]}'; choose from "
                                   f"{', '.join(item.key for item in variants)}")
    return [item for item in variants if item.key in wanted]


def product_choices() -> list[str]:
    return [p.key for p in PRODUCTS]


def slugify(title: str) -> str:
    """A safe file name from a title: letters (of any script), digits and hyphens only, never a path.

    Accents come off Latin letters as before (révolution -> revolution), but Greek, Cyrillic and
    other letters stay, so that two titles in those scripts give two names."""
    kept: list[str] = []
    for character in unicodedata.normalize("NFKD", title):
        if unicodedata.combining(character) and kept and kept[-1].isascii():
            continue
        kept.append(character)
    text = unicodedata.normalize("NFC", "".join(kept)).lower()
    slug = "".join(c if c.isalnum() or unicodedata.category(c).startswith("M") else "-" for c in text)
    slug = re.sub(r"-+", "-", slug).strip("-")
    return slug[:80].strip("-") or "topic"


# A temporary file of ours: .NAME.pdf.<host>-<pid>.<random>.part (older ones lack <host>-<pid>).
_TEMPORARY = re.compile(r"^\..+\.pdf\.(?:([0-9a-f]{8})-(\d+)\.)?[A-Za-z0-9_]+\.part$")
STALE_AFTER_SECONDS = 3600


def _host_tag() -> str:
    # platform (which click's imports load anyway) and zlib, not socket and hashlib: those two
    # would be loaded for this alone, by every command that writes a file.
    return f"{zlib.crc32(platform.node().encode('utf-8', 'replace')):08x}"


def remove_stale_temporaries(folder: Path, now: Optional[float] = None) -> None:
    """Temporary files a killed build left behind: over an hour old, or written by a process of
    this machine that has gone. Another build's file in progress is neither."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if not match:
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS
            host, pid = match.groups()
            orphaned = host == _host_tag() and not _process_running(int(pid))
            if old or orphaned:
                os.unlink(entry.path)


def _process_running(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe way to ask: the hour decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a failed build leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{_host_tag()}-{os.getpid()}.", suffix=".part",
                                         dir=path.parent)
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
    # The problems as a set, so that saying each once stays linear in a big build.
    said: set[str] = field(default_factory=set, repr=False)

    def add_problems(self, messages: Iterable[str]) -> None:
        for message in messages:
            if message not in self.said:
                self.said.add(message)
                self.problems.append(message)

    @property
    def failed(self) -> bool:
        return bool(self.not_written)


def make_product(topic: Optional[Topic], layout: Layout, item: Product, target: Path, keep_going: bool,
                 report: BuildReport, **extra) -> None:
    """Render, then write: a product with problems is written only with --keep-going."""
    rendered = render_product(topic, layout, item, **extra)
    # Every product checks the title it prints: say each problem once.
    report.add_problems(rendered.problems)
    if not rendered.data or (rendered.problems and not keep_going):
        report.not_written.append(target)
        return
    try:
        write_atomically(target, rendered.data)
    except OSError as error:
        written = ", ".join(str(done.path) for done in report.written)
        already = f" Written before it stopped: {written}." if written else " No PDF was written."
        raise RevisionprintError(f"cannot write {target}: {error.strerror or error}; choose another --output."
                                 f"{already}") from None
    report.written.append(Written(target, rendered.pages, rendered.contents, rendered.printing))


def render_product(topic: Optional[Topic], layout: Layout, item: Product, **extra) -> RenderedPdf:
    """The product's PDF; one that cannot be laid out at all comes back with no data and a problem."""
    try:
        with reproducible_dates():
            return item.render(topic, layout, **extra)
    except _layout_errors():
        # ReportLab found something taller than a whole page: only extreme layouts get here.
        source = f" of {topic.file}" if topic is not None else ""
        return RenderedPdf(b"", 0, "", "", problems=(
            f"{layout.file}: the {item.label}{source} does not fit on the page with this layout's "
            "margins and text sizes; make the margins or the text sizes smaller",))


def _layout_errors() -> tuple[type, ...]:
    """LayoutError if a renderer loaded ReportLab's document templates, else nothing: importing it
    would load platypus for the flashcards too (a tenth of a run of 1,000 cards). An except clause
    looks its types up once something is raised, when whatever could raise it has loaded it."""
    templates = sys.modules.get("reportlab.platypus.doctemplate")
    return (templates.LayoutError,) if templates is not None else ()


def build_topics(topics: list[Topic], layout: Layout, output: Path, products: list[Product], keep_going: bool,
                 progress: Optional[Callable[[Iterable], Iterable]] = None, options: Iterable[Any] = ()
                 ) -> BuildReport:
    """Every product of every topic into the output folder; `options` are the run's own
    choices, each going to the products whose options are of its kind."""
    _refuse_shared_file_names(topics)
    products = with_layout_modes([item.with_options(options) for item in products], layout)
    report = BuildReport()
    jobs = []
    for topic in topics:
        for item in products:
            if item.has_content(topic):
                item.check(item.options, layout, topic)
                jobs.append((topic, item))
            elif not any(skip.startswith(f"{topic.file}: no {item.section}") for skip in report.skipped):
                report.skipped.append(f"{topic.file}: no {item.section} section, so no {item.label} was made")
    for topic, item in (progress(jobs) if progress else jobs):
        make_product(topic, layout, item, output / item.file_name(topic), keep_going, report)
    return report


def _refuse_shared_file_names(topics: list[Topic]) -> None:
    """Two topics whose titles give one file name would overwrite each other's PDFs."""
    seen: dict[str, Topic] = {}
    for topic in topics:
        slug = slugify(topic.title)
        if slug in seen:
            raise RevisionprintError(
                f"{seen[slug].file} and {topic.file} would both be written as {slug}-*.pdf "
                f"(titles '{excerpt(seen[slug].title)}' and '{excerpt(topic.title)}'); "
                "give one of them a different title")
        seen[slug] = topic


@contextlib.contextmanager
def reproducible_dates():
    """ReportLab dates its PDFs from SOURCE_DATE_EPOCH when it is set, even in its invariant mode;
    our PDFs carry no date at all, so they are byte-identical whatever the environment says."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build_one(topic: Optional[Topic], layout: Layout, item: Product, target: Path, keep_going: bool,
              **extra) -> BuildReport:
    """One product of one topic (of none, for the calibration sheet); `extra` is passed to the
    renderer as it is (a progress callback)."""
    report = BuildReport()
    if topic is not None and not item.has_content(topic):
        raise RenderFailed([f"{topic.file}: the topic has no {item.section} (its '{item.section}:' list is "
                            f"missing or empty), so it makes no {item.label}; add some to the file"])
    item.check(item.options, layout, topic)
    make_product(topic, layout, item, target, keep_going, report, **extra)
    return report


def check_printable(topics: list[Topic], layout: Layout) -> None:
    """What `validate` adds to reading the files: every text can be drawn in the layout's fonts, every picture read."""
    messages = printing_problems(topics, layout)
    if messages:
        count = len(messages)
        raise RenderFailed([*messages, f"{count} problem{'s' if count != 1 else ''} found: text that "
                            f"the layout's fonts ({layout.font_family} and its fallbacks) cannot print, "
                            "or a picture that cannot be printed."])


def printing_problems(topics: list[Topic], layout: Layout) -> list[str]:
    """Text that the layout's fonts cannot draw, and card pictures that cannot be printed, as
    messages at their line."""
    from .render.fonts import register_family
    from .render.problems import RenderProblems, check_topic_glyphs
    from .render.cards.pictures import picture_problems

    problems = RenderProblems()
    for topic in topics:
        check_topic_glyphs(topic, register_family(layout.font_family), problems)
        for card in topic.flashcards:
            for field_name, message in picture_problems(card, layout.flashcards.largest_image_mb):
                problems.add(card.origin, field_name, message)
    return problems.messages


def font_report(layout: Layout) -> list[str]:
    """What `revisionprint fonts` says: the fonts text is printed in, in the order they are tried,
    and what each covers."""
    from .render.fonts import fonts_in_use, register_family

    fonts, uncovered = fonts_in_use(register_family(layout.font_family))
    lines = [f"Layout '{layout.name}': each character is printed in the first of these fonts that has it "
             "(bold and italic likewise)."]
    for number, font in enumerate(fonts, start=1):
        lines.append(f"  {number}. {font.family} ({font.name}, {font.characters} characters): "
                     f"{', '.join(font.kinds) or 'none of the kinds of text listed here'}")
    if uncovered:
        lines.append(f"Not covered: {', '.join(uncovered)}. To print these, name a font that has them "
                     "in the layout (README, 'Fonts and other scripts').")
    lines.append("Right-to-left text (Arabic, Hebrew) is refused, whatever the font: it cannot yet be "
                 "printed in the right order.")
    return lines
