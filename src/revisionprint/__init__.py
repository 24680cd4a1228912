"""revisionprint: revision notes kept as YAML, printed as flashcards, factor tables and timeline worksheets."""

from pathlib import Path

# Built-in layouts, stocks, fonts and the example topic: files beside the code, read as files
# (importlib.resources would cost every run a twentieth of a second to import).
DATA_FOLDER = Path(__file__).resolve().parent / "data"
