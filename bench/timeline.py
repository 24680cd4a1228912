"""Timeline worksheet build speed and memory at 200, 1,000 and 5,000 events.

    .venv/bin/python bench/timeline.py            # all sizes
    .venv/bin/python bench/timeline.py 1000       # one size

Each size runs in a fresh Python process, so its peak memory is its own. The time is the real
pipeline from a YAML file to PDF bytes (load, validate, plan the axis rows and the answer area,
draw), for the worksheet and for its answer key, which prints every event and detail. The events
are spread over 60 years, several to a year and some on one day, so the axis has crowds to
enlarge. Targets (bench/README.md): 200 events in about a second, 1,000 in a few seconds, 5,000
well under a minute, under 200 MB, and time growing linearly (or n log n) with events.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = (200, 1_000, 5_000)
WORDS = "treaty army border visit aid split crisis speech plan leader congress talks clash trade".split()

MEASURE = """
import json, resource, sys, time
from revisionprint.content import load_topic
from revisionprint.layouts import load_layout
from revisionprint.model import TimelineOptions
from revisionprint.render.timeline.worksheet import render
layout = load_layout("default")
start = time.perf_counter()
topic = load_topic(sys.argv[1])
sheet = render(topic, layout, TimelineOptions())
key = render(topic, layout, TimelineOptions(answers=True))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "pages": sheet.pages + key.pages,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_topic(path: Path, count: int) -> None:
    rng = random.Random(count)
    lines = ["title: Benchmark timeline", "timeline:"]
    for n in range(count):
        year = 1900 + rng.randrange(60)
        date = f"{year}" if n % 3 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        lines += [f"  - date: {json.dumps(date)}", f"    event: {json.dumps(text.capitalize())}",
                  f"    detail: {json.dumps('Detail of event ' + str(n) + ': ' + text)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(count: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timeline.yaml"
        write_topic(path, count)
        result = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                                check=True)
        return json.loads(result.stdout)


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or list(SIZES)
    print("| events | worksheet + key (s) | growth per event vs previous | peak (MB) | pages |")
    print("|-------:|--------------------:|-----------------------------:|----------:|------:|")
    previous = None
    for count in sizes:
        figures = measure(count)
        growth = ""
        if previous:
            per_event_now, per_event_before = figures["seconds"] / count, previous[1] / previous[0]
            growth = f"{per_event_now / per_event_before:.2f}x"
        print(f"| {count:,} | {figures['seconds']:.2f} | {growth} | {figures['mb']:.0f} | {figures['pages']} |",
              flush=True)
        previous = (count, figures["seconds"])


if __name__ == "__main__":
    main()
