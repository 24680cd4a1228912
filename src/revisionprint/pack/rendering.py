"""Drawing a pack's parts, one after another or in parallel processes.

Each part is rendered to bytes through its product (`Product.render`, the contract every
product keeps); workers only draw, and the parent merges in the plan's order, so
`--jobs 4` writes the same bytes as `--jobs 1`.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Optional

from ..build import render_product
from ..model import Layout, RenderedPdf, Topic
from .plan import Part

Progress = Callable[[int, int], None]  # (how many more parts are done, parts in all), as flashcards report

# What each worker process was given once, rather than with every part.
_topics: tuple[Topic, ...] = ()
_layout: Optional[Layout] = None


class Drawer:
    """Draws parts here, or with jobs > 1 in that many worker processes, started once for the
    whole pack. `progress` is told of each part done."""

    def __init__(self, topics: tuple[Topic, ...], layout: Layout, jobs: int = 1,
                 progress: Optional[Callable[[int], None]] = None):
        self.topics, self.layout, self.jobs, self.progress = topics, layout, jobs, progress
        self._pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self) -> "Drawer":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown()

    def draw(self, parts: list[Part]) -> dict[Part, RenderedPdf]:
        results: dict[Part, RenderedPdf] = {}
        if self.jobs > 1 and self._pool is None and len(parts) > 1:
            # The first part is drawn here before any worker starts: workers forked from a process
            # that has loaded ReportLab and read the fonts do not each load them again.
            results.update(self._collect(parts[:1], [render_part(self.topics[parts[0].topic], self.layout,
                                                                 parts[0])]))
            parts = parts[1:]
            self._pool = ProcessPoolExecutor(max_workers=min(self.jobs, len(parts)), initializer=_remember,
                                             initargs=(self.topics, self.layout))
        if self._pool is not None:
            drawn: Iterable[RenderedPdf] = self._pool.map(_render_remembered, parts)
        else:
            drawn = (render_part(self.topics[part.topic], self.layout, part) for part in parts)
        results.update(self._collect(parts, drawn))
        return results

    def _collect(self, parts: list[Part], drawn: Iterable[RenderedPdf]) -> dict[Part, RenderedPdf]:
        results = {}
        for part, rendered in zip(parts, drawn):
            results[part] = rendered
            if self.progress is not None:
                self.progress(1)
        return results


def render_part(topic: Topic, layout: Layout, part: Part) -> RenderedPdf:
    return render_product(topic, layout, part.product)


def _remember(topics: tuple[Topic, ...], layout: Layout) -> None:
    global _topics, _layout
    _topics, _layout = topics, layout


def _render_remembered(part: Part) -> RenderedPdf:
    assert _layout is not None
    return render_part(_topics[part.topic], _layout, part)
