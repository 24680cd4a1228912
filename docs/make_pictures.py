"""Renders the README's pictures from the example topic: real pages, made by the real build.

Run from the repository root, with the test extras installed (pypdfium2 comes with pdfplumber):
    .venv/bin/python docs/make_pictures.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from click.testing import CliRunner

from revisionprint.cli import cli

PICTURES = {
    # picture name: (product file ending, page index)
    "flashcards-fronts": ("flashcards", 0),
    "flashcards-backs": ("flashcards", 1),
    "factors": ("factors", 0),
    "factors-blank": ("factors-blank", 0),
    "cardsort": ("cardsort", 0),
    "cardsort-mat": ("cardsort", -1),
    "timeline": ("timeline", 0),
    "timeline-answers": ("timeline-answers", 0),
}
WIDTH_PIXELS = 700
# docs/exam-boards.md's gallery: each built-in layout's look, as a product's first page.
LAYOUT_PICTURES = {
    # layout: product file endings
    "aqa": ("factors-blank",),
    "edexcel": ("timeline",),
    "ocr": ("factors-blank",),
    "cambridge": ("factors-blank",),
    "ib": ("factors",),
    "large-print": ("flashcards", "factors-blank", "timeline"),
    "large-print-24": ("flashcards",),
    "dyslexia": ("flashcards", "factors-blank", "timeline"),
    "greyscale": ("flashcards", "factors"),
}
LAYOUT_WIDTH_PIXELS = 420


def main() -> None:
    images = Path("docs/images")
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        _build(folder, "default")
        for name, (ending, page_index) in PICTURES.items():
            _picture(Path(folder), ending, page_index, images / f"{name}.png", WIDTH_PIXELS)
    (images / "layouts").mkdir(exist_ok=True)
    for layout, endings in LAYOUT_PICTURES.items():
        with tempfile.TemporaryDirectory() as folder:
            _build(folder, layout)
            for ending in endings:
                _picture(Path(folder), ending, 0, images / "layouts" / f"{layout}-{ending}.png", LAYOUT_WIDTH_PIXELS)


def _build(folder: str, layout: str) -> None:
    result = CliRunner().invoke(cli, ["build", "content/sino-soviet-relations.yaml", "-o", folder, "--quiet",
                                      "--layout", layout])
    if result.exit_code != 0:
        raise SystemExit(result.output)


def _picture(folder: Path, ending: str, page_index: int, target: Path, width: int) -> None:
    pdf_path = next(folder.glob(f"*-{ending}.pdf"))
    document = pypdfium2.PdfDocument(pdf_path)
    page = document[page_index % len(document)]
    scale = width / page.get_width()
    page.render(scale=scale).to_pil().save(target, optimize=True)
    document.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
