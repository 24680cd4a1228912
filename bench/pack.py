"""Class packs and course print runs, with one process and with two.

    .venv/bin/python bench/pack.py              # both cases, --jobs 1 and 2, best of 3
    .venv/bin/python bench/pack.py --runs 1

Cases, each timed as the whole command a teacher runs (Python starting, imports, reading,
drawing every part, merging, writing):
- class: `revisionprint pack` of 3 topics (flashcards, blank factor table, timeline worksheet)
  for a class list of 30 students, each name in every Name field;
- course: `revisionprint course` of 20 topics with every product, one copy.
The topics are the bundled example under other titles. --jobs 1 and --jobs 2 run in turn, so a
busy moment slows both alike; the fastest run of each counts. A control comes first: the same
pure-Python arithmetic in one process and in two, which says how much a second process can gain
on this machine at this moment (on a shared machine, often nothing). Figures are in bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

EXAMPLE = Path(__file__).resolve().parent.parent / "src" / "revisionprint" / "data" / "content" / "sino-soviet-relations.yaml"


def write_topics(folder: Path, count: int) -> list[Path]:
    text = EXAMPLE.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    paths = []
    for number in range(1, count + 1):
        path = folder / f"topic-{number:02d}.yaml"
        path.write_text(text.replace(title, f"{title} (part {number})", 1), encoding="utf-8")
        paths.append(path)
    return paths


def write_class(folder: Path, count: int) -> Path:
    path = folder / "class.csv"
    path.write_text("name\n" + "".join(f"Student Number{n:02d}\n" for n in range(1, count + 1)), encoding="utf-8")
    return path


def write_course(folder: Path, topics: list[Path]) -> Path:
    path = folder / "course.yaml"
    path.write_text("title: Benchmark course\noutput: course-output\ntopics:\n"
                    + "".join(f"  - {topic.name}\n" for topic in topics), encoding="utf-8")
    return path


def timed(argv: list[str]) -> tuple[float, float]:
    """Seconds on the clock, and seconds of processor time of the command and its workers: on a
    busy machine the second says whether two processes shared the work or waited for a core."""
    start, before = time.perf_counter(), os.times()
    subprocess.run([sys.executable, "-m", "revisionprint.cli", *argv], check=True, stdout=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    return time.perf_counter() - start, cpu


def burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def control() -> tuple[float, float]:
    """Seconds for four equal pieces of arithmetic in one process, and shared by two."""
    from concurrent.futures import ProcessPoolExecutor

    pieces = [3_000_000] * 4
    start = time.perf_counter()
    for piece in pieces:
        burn(piece)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        start = time.perf_counter()
        list(pool.map(burn, pieces))
        return serial, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    serial, shared = min(control() for _ in range(runs))
    print(f"control: arithmetic {serial:.2f} s in one process, {shared:.2f} s in two ({serial / shared:.2f}x)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        topics = write_topics(folder, 20)
        cases = {
            "class (30 students x 3 topics)": (["pack", *map(str, topics[:3]), "--students",
                                               str(write_class(folder, 30)), "--products",
                                               "flashcards,factors-blank,timeline", "-o", str(folder / "class.pdf"),
                                               "-q"], folder / "class.pdf"),
            "course (20 topics)": (["course", str(write_course(folder, topics)), "-q"],
                                   folder / "course-output" / "benchmark-course-pack.pdf"),
        }
        print(f"{'case':<32} {'jobs 1 s':>9} {'cpu s':>6} {'jobs 2 s':>9} {'cpu s':>6} {'speed-up':>9} "
              f"{'pages':>6} {'MB':>5} {'same':>5}")
        for case, (argv, output) in cases.items():
            best = {1: (float("inf"), 0.0), 2: (float("inf"), 0.0)}
            files = {}
            for _ in range(runs):
                for jobs in (1, 2):
                    best[jobs] = min(best[jobs], timed([*argv, "--jobs", str(jobs)]))
                    files[jobs] = output.read_bytes()
            pages = len(PdfReader(output).pages)
            print(f"{case:<32} {best[1][0]:>9.2f} {best[1][1]:>6.1f} {best[2][0]:>9.2f} {best[2][1]:>6.1f} "
                  f"{best[1][0] / best[2][0]:>8.2f}x {pages:>6} {len(files[1]) / 1e6:>5.1f} "
                  f"{'yes' if files[1] == files[2] else 'NO':>5}")


if __name__ == "__main__":
    main()
