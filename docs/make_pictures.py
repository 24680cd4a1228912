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


def main() -> None:
    images = Path("docs/images")
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        result = CliRunner().invoke(cli, ["build", "content/sino-soviet-relations.yaml", "-o", folder, "--quiet"])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        for name, (ending, page_index) in PICTURES.items():
            pdf_path = next(Path(folder).glob(f"*-{ending}.pdf"))
            document = pypdfium2.PdfDocument(pdf_path)
            page = document[page_index % len(document)]
            scale = WIDTH_PIXELS / page.get_width()
            page.render(scale=scale).to_pil().save(images / f"{name}.png", optimize=True)
            document.close()
            print(f"wrote {images / name}.png")


if __name__ == "__main__":
    main()
