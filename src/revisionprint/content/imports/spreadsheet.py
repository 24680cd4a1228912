"""CSV and TSV files with a header row, as spreadsheets save them: Excel's CSV (commas), its
European variant (semicolons, sometimes with a first line `sep=;`), quoted fields holding commas
and new lines, and a tab-separated text."""

from __future__ import annotations

import csv
import io
from typing import Optional

from .cards import ImportedDeck, ImportOptions, Reading, card_from_text

# Header names that need no --front-column etc., compared without case.
FRONT_NAMES = ("front", "question", "term", "prompt")
BACK_NAMES = ("back", "answer", "definition", "response")
TAGS_NAMES = ("tags", "tag")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


def header_cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip().casefold() for cell in next(csv.reader([line], delimiter=delimiter), [])]


def has_known_header(line: str, delimiter: str) -> bool:
    cells = header_cells(line, delimiter)
    return any(name in cells for name in FRONT_NAMES) and any(name in cells for name in BACK_NAMES)


def read_spreadsheet(text: str, reading: Reading, options: ImportOptions, fmt: str) -> ImportedDeck:
    first_line, skipped = text.split("\n", 1)[0], 0
    delimiter = "\t" if fmt == "tsv" else None
    if first_line.lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter, skipped = first_line.strip()[4], 1  # Excel's own hint of its separator
        text = text.split("\n", 1)[1] if "\n" in text else ""
    delimiter = delimiter or csv_delimiter(text.split("\n", 1)[0])
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = next(rows, None)
    except csv.Error as error:
        raise reading.fail(f"its header row cannot be read ({error})", 1 + skipped) from None
    if header is None:
        raise reading.fail("has no header row and no cards")
    columns = _columns([cell.strip() for cell in header], options, reading, skipped + 1)
    cards = []
    line = rows.line_num + skipped
    while True:
        start = line + 1
        try:
            row = next(rows, None)
        except csv.Error as error:
            reading.problem(start, f"cannot be read as {_DELIMITER_NAMES[delimiter]}-separated values ({error}); "
                                   "a field that starts with a double quote must end with one")
            break
        line = rows.line_num + skipped
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            reading.problem(start, f"has {len(row)} fields but the header has {len(header)}; a field that contains "
                                   f"the separator ({_DELIMITER_NAMES[delimiter][:-1]}) needs double quotes around it")
            continue
        cell = {name: (row[index] if index < len(row) else "") for name, index in columns.items()}
        tags = tuple(part for part in cell.get("tags", "").replace(";", ",").split(","))
        card = card_from_text(cell["front"], cell["back"], tags, start, reading, what="row")
        if card:
            cards.append(card)
    kind = "TSV" if delimiter == "\t" else f"CSV with {_DELIMITER_NAMES[delimiter]}"
    header_names = ", ".join(f"'{header[index].strip()}'" for index in columns.values())
    return reading.finish(cards, fmt, f"{kind} (columns {header_names})")


def csv_delimiter(header_line: str) -> str:
    """Excel in much of Europe separates with semicolons, since the comma is the decimal point."""
    counts = {delimiter: len(header_cells(header_line, delimiter)) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: (counts[delimiter], delimiter == ","))


def _columns(header: list[str], options: ImportOptions, reading: Reading, line: int) -> dict[str, int]:
    """The index of the front, back and (if any) tags column."""
    folded = [cell.casefold() for cell in header]
    found: dict[str, int] = {}
    for role, chosen, names in (("front", options.front_column, FRONT_NAMES),
                                ("back", options.back_column, BACK_NAMES),
                                ("tags", options.tags_column, TAGS_NAMES)):
        index = _column(folded, chosen, names)
        if index is not None:
            found[role] = index
        elif chosen is not None or role != "tags":
            wanted = f"column named '{chosen}'" if chosen else f"{role} column ({', '.join(names)})"
            reading.problem(line, f"its header row ({', '.join(header) or 'empty'}) has no {wanted}; name the "
                                  f"column with --{role}-column, or add a header row such as front,back,tags "
                                  "(for an export with no header, such as Quizlet's, use --format quizlet)")
    reading.stop_if_problems()
    ignored = [header[index] for index in range(len(header)) if index not in found.values() and header[index]]
    if ignored:
        reading.notes.append(f"Columns not imported: {', '.join(ignored)}.")
    return found


def _column(folded: list[str], chosen: Optional[str], names: tuple[str, ...]) -> Optional[int]:
    for name in ([chosen] if chosen is not None else names):
        if name.strip().casefold() in folded:
            return folded.index(name.strip().casefold())
    return None
