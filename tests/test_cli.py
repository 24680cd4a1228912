"""The command as a teacher uses it: names of files, safety of outputs, reproducibility."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import pdf_text
from revisionprint.build import slugify

CARDS_ONLY = "title: {title}\nflashcards:\n  - front: Q\n    back: A\n"


def test_build_names_files_from_the_title_and_skips_missing_sections(run, write_topic, tmp_path):
    topic = write_topic(CARDS_ONLY.format(title="'The Cold War: 1945-1991'"))
    result = run("build", topic, "--output", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["the-cold-war-1945-1991-flashcards.pdf"]
    assert "no factors section" in result.output and "no timeline section" in result.output
    assert "Print: A4 portrait paper, double-sided, flip on long edge, at 100% / actual size" in result.output


@pytest.mark.parametrize("title", ["'../../etc/passwd'", "/absolute/path", "..", r"'a\b\..\c'", r'"\0nul"',
                                   "'***'", "\u6bdb"])
def test_no_title_can_write_outside_the_output_folder(run, write_topic, tmp_path, title):
    topic = write_topic(CARDS_ONLY.format(title=title))
    out = tmp_path / "out"
    result = run("build", topic, "--output", out, "--keep-going")
    assert result.exit_code == 0, result.output
    written = list(out.iterdir())
    assert len(written) == 1 and written[0].parent == out
    assert written[0].name.endswith("-flashcards.pdf") and "/" not in written[0].name


def test_slugs_are_plain_file_names():
    assert slugify("Sino-Soviet relations, 1949-1976") == "sino-soviet-relations-1949-1976"
    assert slugify("Révolution française") == "revolution-francaise"
    assert slugify("../..") == "topic"


def test_the_same_inputs_build_byte_identical_pdfs(run, write_topic, tmp_path):
    topic = write_topic(CARDS_ONLY.format(title="Repeat") + "factors:\n  - name: F\n    summary: S\n"
                        "timeline:\n  - date: 1950\n    event: E\n")
    run("build", topic, "-o", tmp_path / "one")
    run("build", topic, "-o", tmp_path / "two")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(names) == 7  # the card sort and its answer key too
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_a_failed_build_leaves_the_previous_pdf_untouched(run, write_topic, tmp_path):
    out = tmp_path / "out"
    topic = write_topic(CARDS_ONLY.format(title="Keep"))
    run("build", topic, "-o", out)
    before = (out / "keep-flashcards.pdf").read_bytes()
    topic.write_text("title: Keep\nflashcards:\n  - front: Q\n    back: " + "long " * 600 + "\n", encoding="utf-8")
    result = run("build", topic, "-o", out)
    assert result.exit_code == 1
    assert "Not written" in result.output
    assert (out / "keep-flashcards.pdf").read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["keep-flashcards.pdf"]  # no temporary file left behind


def test_invalid_content_builds_nothing(run, write_topic, tmp_path):
    result = run("build", write_topic("title: T\nflashcards: 3\n"), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_only_builds_the_named_products(run, write_topic, tmp_path):
    topic = write_topic(CARDS_ONLY.format(title="Only") + "factors:\n  - name: F\n    summary: S\n")
    result = run("build", topic, "-o", tmp_path, "--only", "factors")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["only-factors-blank.pdf", "only-factors.pdf"]
    assert run("build", topic, "--only", "flashcard").exit_code == 2


def test_unknown_layout_is_a_usage_error_with_a_suggestion(run, write_topic):
    result = run("build", write_topic(CARDS_ONLY.format(title="T")), "--layout", "lettr")
    assert result.exit_code == 2 and "did you mean 'letter'" in result.output


def test_help_does_not_import_reportlab():
    code = "import sys; from revisionprint.cli import cli; print('reportlab' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "False"


def test_an_unexpected_error_shows_no_traceback_unless_asked(run, write_topic, monkeypatch):
    import revisionprint.build as build

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build.Product, "has_content", broken)
    topic = write_topic(CARDS_ONLY.format(title="T"))
    result = run("build", topic)
    assert result.exit_code == 3
    assert "boom" in result.output and "--traceback" in result.output and "Traceback" not in result.output
    with pytest.raises(RuntimeError):
        run("--traceback", "build", topic)


def test_build_with_no_content_uses_content_folder_or_the_bundled_example(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build", "--only", "flashcards")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "sino-soviet-relations-1949-1976-flashcards.pdf").exists()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "mine.yaml").write_text(CARDS_ONLY.format(title="Mine"))
    result = run("build", "--only", "flashcards")
    assert "output/mine-flashcards.pdf" in result.output and "sino-soviet" not in result.output


def test_quiet_build_prints_nothing_but_problems(run, write_topic, tmp_path):
    result = run("build", write_topic(CARDS_ONLY.format(title="Q")), "-o", tmp_path, "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_an_output_that_cannot_be_written_is_a_clean_error(run, write_topic, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    result = run("flashcards", write_topic(CARDS_ONLY.format(title="T")), "-o", blocker / "cards.pdf")
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output


def test_a_layout_too_cramped_for_the_page_is_reported_not_crashed(run, write_topic, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "cramped.yaml").write_text(
        "margins:\n  top: 90mm\n  bottom: 90mm\n  left: 20mm\n  right: 20mm\n")
    topic = write_topic("title: T\ntimeline:\n" + "".join(f"  - date: {1900 + n}\n    event: Event {n}\n"
                                                          for n in range(30)))
    result = run("build", topic, "--layout", "cramped", "-o", tmp_path / "out")
    assert result.exit_code == 1
    # Margins that leave too little paper are now refused where they are written (issue 14).
    assert ("layouts/cramped.yaml:3:11: margins.bottom: the top and bottom margins (90mm and 90mm) leave less "
            "than 60mm of the paper (A4) to print on") in result.output
    assert not (tmp_path / "out").exists()


def test_two_topics_that_would_overwrite_each_other_are_refused(run, write_topic, tmp_path):
    first = write_topic(CARDS_ONLY.format(title="The Cold War"), "a.yaml")
    second = write_topic(CARDS_ONLY.format(title="the cold war!"), "b.yaml")
    result = run("build", first, second, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "would both be written as the-cold-war-*.pdf" in result.output
    assert not (tmp_path / "out").exists()


def test_pdfs_are_written_readable_like_any_new_file_and_keep_their_permissions(run, write_topic, tmp_path):
    """A PDF on a shared drive or print server must be readable by others, as the umask allows."""
    import os
    import stat

    topic = write_topic(CARDS_ONLY.format(title="Shared"))
    old_umask = os.umask(0o022)
    try:
        run("flashcards", topic, "-o", tmp_path / "new.pdf")
        assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o644
        (tmp_path / "new.pdf").chmod(0o664)
        run("flashcards", topic, "-o", tmp_path / "new.pdf")
        assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o664
    finally:
        os.umask(old_umask)


def test_validate_reports_text_the_font_cannot_print(run, write_topic):
    """validate must not say OK to a file that every build would then refuse."""
    topic = write_topic("title: Scripts\nflashcards:\n  - front: Who was \u6bdb\u6cfd\u4e1c?\n    back: Mao\n"
                        "timeline:\n  - date: 1949\n    event: Founded \U0001F389\n")
    result = run("validate", topic)
    assert result.exit_code == 1 and "OK" not in result.output
    assert f"{topic}:3:12: flashcards[0].front: the font cannot draw" in result.output
    assert f"{topic}:7:12: timeline[0].event:" in result.output and "2 problems found" in result.output


def test_an_empty_output_name_is_a_usage_error(run, write_topic):
    result = run("flashcards", write_topic(CARDS_ONLY.format(title="Empty")), "-o", "")
    assert result.exit_code == 2 and "give the name of the PDF file" in result.output


def test_an_empty_section_says_it_is_empty_rather_than_missing(run, write_topic, tmp_path):
    topic = write_topic("title: X\nflashcards: []\nfactors:\n  - name: F\n    summary: S\n")
    result = run("flashcards", topic, "-o", tmp_path / "c.pdf")
    assert result.exit_code == 1 and "list is missing or empty" in result.output


def test_build_takes_the_overflow_its_advice_names(run, write_topic, tmp_path):
    back = " ".join(f"Sentence {n} about the causes of the split." for n in range(40))
    topic = write_topic(f"title: Long\nflashcards:\n  - front: Q\n    back: \"{back}\"\n")
    refused = run("build", topic, "-o", tmp_path)
    assert refused.exit_code == 1 and "use --overflow continue" in refused.output
    result = run("build", topic, "-o", tmp_path, "--overflow", "continue")
    assert result.exit_code == 0, result.output
    assert "Sentence 39" in pdf_text(tmp_path / "long-flashcards.pdf")


def test_an_output_name_without_pdf_gets_it(run, write_topic, tmp_path):
    run("flashcards", write_topic(CARDS_ONLY.format(title="Ext")), "-o", tmp_path / "cards")
    assert (tmp_path / "cards.pdf").exists() and not (tmp_path / "cards").exists()


def test_tags_must_name_a_tag(run, write_topic, tmp_path):
    result = run("flashcards", write_topic(CARDS_ONLY.format(title="Tags")), "--tags", ",", "-o", tmp_path / "c.pdf")
    assert result.exit_code == 2 and "give at least one tag" in result.output


def test_a_stock_for_other_paper_than_the_layouts_is_pointed_out(run, write_topic, tmp_path):
    result = run("flashcards", write_topic(CARDS_ONLY.format(title="Paper")), "--layout", "letter",
                 "--stock", "avery-l7413", "-o", tmp_path / "c.pdf")
    assert "avery-l7413 is A4 paper, though the layout 'letter' is for Letter" in result.output


def test_large_counts_are_written_with_thousands_separators(run, write_topic, tmp_path):
    cards = "".join(f"  - {{front: Question {n}, back: Answer {n}}}\n" for n in range(1200))
    topic = write_topic("title: Many cards\nflashcards:\n" + cards)
    assert "OK (1,200 flashcards, 0 factors, 0 timeline events)" in run("validate", topic).output
    result = run("flashcards", topic, "-o", tmp_path / "cards.pdf")
    assert "1,200 cards on 240 pages (120 sheets" in result.output, result.output
