from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pdfplumber
from pypdf import PdfReader
import pytest
from click.testing import CliRunner

from revisionprint.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content" / "sino-soviet-relations.yaml"


def normalise(text: str) -> str:
    """Words joined by single spaces, so text wrapped across lines still matches."""
    return " ".join(re.sub(r"[*]", "", text).split())


def pdf_text(path: Path) -> str:
    """All the text, in the order it was drawn (pypdf), so each card, cell or label reads whole
    even where the page has columns side by side."""
    reader = PdfReader(path)
    return normalise(" ".join(page.extract_text() or "" for page in reader.pages))


def pdf_pages_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [normalise(page.extract_text() or "") for page in pdf.pages]


@pytest.fixture
def write_topic(tmp_path):
    def write(text: str, name: str = "topic.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run():
    """Runs the CLI as a user would, returning click's Result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def printed_in_order(phrase: str, text: str) -> bool:
    """The phrase is in the text whole, or in two parts, the second later: a table row that
    runs onto the next page breaks its cells between two lines."""
    if phrase in text:
        return True
    words = phrase.split(" ")
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        start = text.find(head + " ")
        while start != -1:
            if text.find(tail, start + len(head)) != -1:
                return True
            start = text.find(head + " ", start + 1)
    return False
