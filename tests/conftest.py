from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from revisionprint.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content" / "sino-soviet-relations.yaml"


def normalise(text: str) -> str:
    """Words joined by single spaces, so text wrapped across lines still matches."""
    return " ".join(re.sub(r"[*]", "", text).split())


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return normalise(" ".join(page.extract_text() or "" for page in pdf.pages))


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
