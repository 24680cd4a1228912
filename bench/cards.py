"""Flashcard build speed and memory, whole process against the floor: a bare ReportLab canvas.

    .venv/bin/python bench/cards.py                # 1,000, 10,000 and 50,000 cards
    .venv/bin/python bench/cards.py 1000 10000     # chosen sizes
    .venv/bin/python bench/cards.py --compiled 1000  # Python keeping compiled modules, as it does for a teacher

"ours" is the command a teacher runs, `revisionprint flashcards DECK.yaml -o OUT.pdf`, timed as a
whole process: Python starting, imports, reading and validating the YAML, fitting, drawing,
writing. "floor" is the least a program can do for the same sheets, also a whole process:
read the same deck as JSON, register the same fonts, and draw each card's text with simpleSplit
wrapping at the sizes ours prints this deck at, with its tag band, card number and a box round
each card. Ours and the floor run in turn (so a busy moment slows both alike), best of 5 each
(of 2 at 50,000 cards). Targets (bench/README.md): ours within 1.5x of the floor at 1,000 and
10,000 cards, and the ratio not growing to 50,000.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 10_000, 50_000)
HERE = Path(__file__).resolve().parent

# Runs a program as its own process and leaves its peak memory in a file: a child's own
# figure, which getrusage(RUSAGE_CHILDREN) cannot give once several children have run.
PEAK_MEMORY = """
import atexit, os, resource, runpy, sys
atexit.register(lambda: open(os.environ["PEAK_FILE"], "w").write(
    str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__") if not sys.argv[0].endswith(".py") \\
    else runpy.run_path(sys.argv[0], run_name="__main__")
"""


def card(n: int) -> dict:
    return {"front": f"What was the significance of event number {n} for Sino-Soviet relations?",
            "back": [f"Event {n} showed how **ideology** and national interest pulled the two states apart.",
                     "Mao saw Khrushchev's policy of peaceful coexistence as a betrayal of the revolution.",
                     f"By the late 1960s the split was open, with border clashes in 1969 (card {n})."],
            "tags": [["ideology"], ["border", "context"], []][n % 3]}


def write_decks(folder: Path, count: int) -> tuple[Path, Path]:
    cards = [card(n) for n in range(count)]
    lines = ["title: Benchmark deck", "flashcards:"]
    for entry in cards:
        lines += [f"  - front: {entry['front']}", "    back:"]
        lines += [f"      - {point}" for point in entry["back"]]
        if entry["tags"]:
            lines.append(f"    tags: [{', '.join(entry['tags'])}]")
    yaml_deck, json_deck = folder / f"deck-{count}.yaml", folder / f"deck-{count}.json"
    yaml_deck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json_deck.write_text(json.dumps({"title": "Benchmark deck", "flashcards": cards}), encoding="utf-8")
    return yaml_deck, json_deck


def timed(argv: list[str], folder: Path, environment: dict[str, str]) -> tuple[float, float, float]:
    """Seconds (wall and processor) and peak MB of one whole process."""
    peak = folder / "peak"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", PEAK_MEMORY, *argv], check=True, env={**environment, "PEAK_FILE": str(peak)},
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, processor, float(peak.read_text())


def main() -> None:
    compiled = "--compiled" in sys.argv
    sizes = [int(arg) for arg in sys.argv[1:] if arg != "--compiled"] or SIZES
    environment = dict(os.environ)
    if compiled:
        # Python keeps each module it compiles (__pycache__) and reads it back on the next run, on any
        # machine but one told not to (PYTHONDONTWRITEBYTECODE, as these machines are): there every run
        # compiles our 7,800 lines again. The floor is one short script either way.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
    print("compiled modules kept" if compiled else
          f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} (unset: compiled modules kept)")
    print(f"{'cards':>7} {'ours s':>8} {'floor s':>8} {'ratio':>6} {'cpu ratio':>9} {'ours MB':>8} {'floor MB':>9}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for count in sizes:
            yaml_deck, json_deck = write_decks(folder, count)
            ours_argv = ["revisionprint.cli", "flashcards", str(yaml_deck), "-o", str(folder / "ours.pdf"), "-q"]
            floor_argv = [str(HERE / "floor_cards.py"), str(json_deck), str(folder / "floor.pdf")]
            runs = 5 if count <= 10_000 else 2
            if compiled:
                timed(ours_argv, folder, environment)  # leaves the compiled modules behind
            pairs = [(timed(ours_argv, folder, environment), timed(floor_argv, folder, environment))
                     for _ in range(runs)]
            ours, floor = min(pair[0] for pair in pairs), min(pair[1] for pair in pairs)
            # Processor time too: on a shared machine it is disturbed less than the wall clock.
            ours_cpu, floor_cpu = min(pair[0][1] for pair in pairs), min(pair[1][1] for pair in pairs)
            print(f"{count:>7} {ours[0]:>8.2f} {floor[0]:>8.2f} {ours[0] / floor[0]:>6.2f} {ours_cpu / floor_cpu:>9.2f} "
                  f"{ours[2]:>8.0f} {floor[2]:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
