"""Class packs and course print runs, with one process and with two.

    .venv/bin/python bench/pack.py              # both cases, --jobs 1 and 2, best of 3
    .venv/bin/python bench/pack.py --runs 1

Cases, each timed as the whole command a teacher runs (Python starting, imports, reading,
drawing every part, merging, writing):
- class: `revisionprint pack` of 3 topics (flashcards, blank factor table, timeline worksheet)
  for a class list of 30 students, each name in every Name field;
- course: `revisionprint course` of 20 topics with every product, one copy.
The topics are the bundled example under other titles. --jobs 1 and --jobs 2 run in turn, so a
busy moment slows both alike; the fastest run of each counts. Figures are in bench/README.md.
"""

from __future__ import annotations

import argparse
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


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "revisionprint.cli", *argv], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
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
        print(f"{'case':<32} {'jobs 1 s':>9} {'jobs 2 s':>9} {'speed-up':>9} {'pages':>6} {'MB':>6} {'same':>5}")
        for case, (argv, output) in cases.items():
            best = {1: float("inf"), 2: float("inf")}
            files = {}
            for _ in range(runs):
                for jobs in (1, 2):
                    best[jobs] = min(best[jobs], timed([*argv, "--jobs", str(jobs)]))
                    files[jobs] = output.read_bytes()
            pages = len(PdfReader(output).pages)
            print(f"{case:<32} {best[1]:>9.2f} {best[2]:>9.2f} {best[1] / best[2]:>8.2f}x {pages:>6} "
                  f"{len(files[1]) / 1e6:>6.1f} {'yes' if files[1] == files[2] else 'NO':>5}")


if __name__ == "__main__":
    main()
