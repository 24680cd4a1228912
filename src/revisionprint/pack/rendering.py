"""Drawing a pack's parts, one after another or in parallel processes.

Each part is rendered to bytes through its product (`Product.render`, the contract every
product keeps); workers only draw, and the parent merges in the plan's order, so
`--jobs 4` writes the same bytes as `--jobs 1`.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Optional

from ..build import render_product
from ..model import Layout, RenderedPdf, Topic
from .plan import Part

Progress = Callable[[int, int], None]  # (how many more parts are done, parts in all), as flashcards report

# What each worker process was given once, rather than with every part.
_topics: tuple[Topic, ...] = ()
_layout: Optional[Layout] = None


def render_parts(topics: tuple[Topic, ...], layout: Layout, parts: list[Part], jobs: int = 1,
                 progress: Optional[Callable[[int], None]] = None) -> dict[Part, RenderedPdf]:
    """Every part drawn, by part; with jobs > 1 in that many processes. `progress` is told of
    each part done."""
    jobs = max(1, min(jobs, len(parts)))
    if jobs == 1:
        drawn = (render_part(topics[part.topic], layout, part) for part in parts)
        return _collect(parts, drawn, progress)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_remember, initargs=(topics, layout)) as pool:
        return _collect(parts, pool.map(_render_remembered, parts), progress)


def _collect(parts: list[Part], drawn: Iterator[RenderedPdf],
             progress: Optional[Callable[[int], None]]) -> dict[Part, RenderedPdf]:
    results = {}
    for part, rendered in zip(parts, drawn):
        results[part] = rendered
        if progress is not None:
            progress(1)
    return results


def render_part(topic: Topic, layout: Layout, part: Part) -> RenderedPdf:
    return render_product(topic, layout, part.product)


def _remember(topics: tuple[Topic, ...], layout: Layout) -> None:
    global _topics, _layout
    _topics, _layout = topics, layout


def _render_remembered(part: Part) -> RenderedPdf:
    assert _layout is not None
    return render_part(_topics[part.topic], _layout, part)
