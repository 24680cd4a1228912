"""Class lists: who gets a copy, in the order the teacher hands them out.

A class list is a CSV file with a column named `name` (or `student`), as a school's
information system exports it (or tab-separated text, as Excel saves "Unicode Text"), or a
plain text file with one name a line. Each name keeps the line it was read from, so a name
the font cannot print is reported there.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..content.imports.spreadsheet import csv_delimiter
from ..errors import InvalidFiles, Problem
from ..limits import MAX_COPIES, MAX_FILE_BYTES


@dataclass(frozen=True)
class Student:
    """A name on a class list, and where it is written there (for a message about it)."""

    name: str
    file: str
    line: int
    column: int = 1


NAME_COLUMNS = ("name", "student", "student name", "full name")
SPREADSHEET_SUFFIXES = (".csv", ".tsv")


def read_class_list(path: str | Path, display_name: str | None = None) -> tuple[Student, ...]:
    """Each student in class-list order, or InvalidFiles saying why the file cannot be used."""
    name = display_name or str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InvalidFiles([Problem(name, 0, 0, "", f"cannot be read: {error.strerror}; check the file's name")])
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidFiles([Problem(name, 0, 0, "", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB, more than any "
                                    "class list; check that it is the class list")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text"
        raw = raw.decode("utf-16").encode("utf-8")
    if raw.startswith(b"PK\x03\x04") or b"\x00" in raw[:1024]:
        # A spreadsheet's own file (.xlsx, .ods, .xls), not text: its names cannot be read as lines.
        raise InvalidFiles([Problem(name, 0, 0, "", "is a spreadsheet file, not text; save it as CSV (in Excel: "
                                    "File > Save As > CSV UTF-8) and give that file")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the machine's code page, not UTF-8.
        text = raw.decode("cp1252", errors="replace")
    # A tab in the first line: a spreadsheet saved as text (Excel's "Unicode Text" is a .txt of tabs).
    if Path(path).suffix.lower() in SPREADSHEET_SUFFIXES or "\t" in text.split("\n", 1)[0]:
        students = _from_spreadsheet(text, name)
    else:
        students = _from_text(text, name)
    if not students:
        raise InvalidFiles([Problem(name, 1, 1, "", "has no names in it; write one student's name a line "
                                    "(or, in a CSV file, a 'name' column)")])
    if len(students) > MAX_COPIES:
        extra = students[MAX_COPIES]
        raise InvalidFiles([Problem(name, extra.line, extra.column, "", f"has more than {MAX_COPIES} names, more than "
                                    "a year group; make a class list for each class (a course file prints them all)")])
    return tuple(students)


def _from_text(text: str, name: str) -> list[Student]:
    """One name a line; blank lines and lines starting with # are skipped."""
    students = []
    for number, line in enumerate(text.splitlines(), start=1):
        student = " ".join(line.split())
        if student and not student.startswith("#"):
            students.append(Student(student, name, number, len(line) - len(line.lstrip()) + 1))
    return students


def _from_spreadsheet(text: str, name: str) -> list[Student]:
    # Commas, or semicolons as Excel writes CSV in much of Europe, or tabs.
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text.split("\n", 1)[0]))
    header = next(rows, [])
    folded = [column.strip().casefold() for column in header]
    column = next((folded.index(wanted) for wanted in NAME_COLUMNS if wanted in folded), None)
    if column is None:
        found = ", ".join(f"'{heading.strip()}'" for heading in header if heading.strip()) or "none"
        raise InvalidFiles([Problem(name, 1, 1, "", f"has no 'name' column (its columns are {found}); "
                                    "name the column of students' names 'name' in the first row")])
    students = []
    for row in rows:
        line = rows.line_num
        student = " ".join(row[column].split()) if column < len(row) else ""
        if student:
            students.append(Student(student, name, line))
    return students


