"""What a build leaves on disk (issue 14): stale temporary files cleared, a stopped build says what
it wrote, file names for any script, metadata naming the topic, the same bytes whatever the
environment."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from revisionprint import build
from revisionprint.build import slugify

from conftest import EXAMPLE

TOPIC = """\
title: {title}
subject: History
flashcards:
  - {{front: Who led China?, back: Mao}}
factors:
  - {{name: Ideology, evidence: [The Secret Speech]}}
timeline:
  - {{date: 1956, event: Secret Speech}}
"""


def test_stale_temporary_files_of_ours_are_removed_when_we_next_write_there(run, write_topic, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    hour_ago = time.time() - 2 * 3600
    old = out / ".t-flashcards.pdf.k2j4h5g6.part"
    fresh = out / ".t-flashcards.pdf.a1b2c3d4.part"  # another build's, still being written
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = out / f".t-factors.pdf.{build._host_tag()}-{finished.stdout.strip()}.x9y8z7w6.part"
    others = [out / "notes.part", out / ".hidden.pdf", out / "old-but-mine.pdf"]
    for path in [old, fresh, orphan, *others]:
        path.write_bytes(b"%PDF-partial")
    for path in (old, others[2]):
        os.utime(path, (hour_ago, hour_ago))
    result = run("flashcards", write_topic(TOPIC.format(title="T")), "-o", out / "t-flashcards.pdf")
    assert result.exit_code == 0, result.output
    assert not old.exists() and not orphan.exists()
    assert fresh.exists() and all(path.exists() for path in others)
    assert not list(out.glob(f".t-flashcards.pdf.*-{os.getpid()}.*.part"))  # our own went to its PDF


def test_a_build_stopped_by_a_full_disk_names_the_pdfs_it_had_written(run, write_topic, tmp_path, monkeypatch):
    real = build.write_atomically
    written = []

    def fills_up(path, data):
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)
        written.append(path)

    monkeypatch.setattr(build, "write_atomically", fills_up)
    result = run("build", write_topic(TOPIC.format(title="T")), "-o", tmp_path / "out", "--only",
                 "flashcards,factors")
    assert result.exit_code == 1
    first = tmp_path / "out" / "t-flashcards.pdf"
    assert first.exists()
    assert f"cannot write {tmp_path / 'out' / 't-factors.pdf'}: No space left on device" in result.output
    assert f"Written before it stopped: {first}." in result.output


@pytest.mark.parametrize("titles", [("Холодная война", "Китай и СССР"), ("Ψυχρός Πόλεμος", "Ελληνική Ιστορία")])
def test_titles_in_other_scripts_give_their_own_file_names(run, write_topic, tmp_path, titles):
    paths = [write_topic(TOPIC.format(title=title), f"{number}.yaml") for number, title in enumerate(titles)]
    result = run("build", *paths, "-o", tmp_path / "out", "--only", "flashcards")
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in (tmp_path / "out").glob("*.pdf"))
    assert names == sorted(f"{slugify(title)}-flashcards.pdf" for title in titles)
    assert slugify(titles[0]) == titles[0].lower().replace(" ", "-")


@pytest.mark.parametrize("title, slug", [
    ("Révolution française", "revolution-francaise"), ("Ελληνικά: μέρος 2/3", "ελληνικά-μέρος-2-3"),
    ("Йод и ёж", "йод-и-ёж"), ("../../etc/passwd", "etc-passwd"), ("CON", "con"), ("a\\b:c*d?", "a-b-c-d"),
    ("x" * 300, "x" * 80), ("日本の歴史", "日本の歴史"), ("...", "topic"), ("\u202e\x1b[31m", "31m"),
])
def test_file_names_keep_letters_but_never_make_a_path(title, slug):
    assert slugify(title) == slug
    assert "/" not in slug and "\\" not in slug and ".." not in slug and len(slug) <= 80


def test_every_products_metadata_names_its_topic(run, write_topic, tmp_path):
    result = run("build", write_topic(TOPIC.format(title="Sino-Soviet split")), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(pdfs) >= 5  # every product the topic has sections for
    for pdf in pdfs:
        metadata = PdfReader(pdf).metadata
        assert metadata.title.startswith("Sino-Soviet split - "), (pdf.name, metadata)
        assert metadata.subject == "History" and metadata.creator == "revisionprint"
        assert "anonymous" not in str(dict(metadata)) and "untitled" not in str(dict(metadata))


def test_source_date_epoch_does_not_change_a_single_byte(run, tmp_path, monkeypatch):
    def built(name: str) -> dict[str, bytes]:
        assert run("build", EXAMPLE, "-o", tmp_path / name).exit_code == 0
        calibration = tmp_path / name / "calibrate.pdf"
        assert run("calibrate", "-o", calibration).exit_code == 0
        return {path.name: path.read_bytes() for path in (tmp_path / name).glob("*.pdf")}

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = built("plain")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = built("dated")
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"  # left as the user set it
    assert len(plain) >= 6 and plain == dated
