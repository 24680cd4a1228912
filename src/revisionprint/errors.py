"""One family of user-facing errors; each knows how to print itself.

They are plain exceptions with an exit code: the library never imports click. The CLI
turns them into one clean message and that exit code, without a try/except ladder.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass
from typing import Iterable

from .limits import EXCERPT_CHARACTERS


class ExitCode(enum.IntEnum):
    OK = 0
    PROBLEMS = 1  # the user's files have mistakes, or text did not fit
    USAGE = 2  # the command line itself is wrong (click's own code)
    INTERNAL = 3  # a bug of ours: the message asks for a --traceback report


# Characters that would act on a terminal rather than print (ESC, BEL, carriage return...)
# or turn the text around (the bidirectional overrides), shown as \x1b or \u202e instead.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A message longer than this repeats more of a value than anyone reads.
LONGEST_MESSAGE = 1000


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """Text safe to print on one line: control characters written out as \\x1b."""
    return _CONTROL.sub(_escape, text)


def terminal_safe(text: str) -> str:
    """Text safe to send to a terminal: lines kept, every other control character written out."""
    return _CONTROL_BUT_NEWLINE.sub(_escape, text)


def excerpt(value: object, limit: int = EXCERPT_CHARACTERS) -> str:
    """At most the first `limit` characters of a value, for a message, with control characters
    shown escaped: a message never repeats a pasted page or sends ESC to the terminal."""
    text = str(value)
    return escaped(text if len(text) <= limit else text[:limit] + "\u2026")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, as `FILE:LINE:COL: path.to.item: message`."""

    file: str
    line: int
    column: int
    item: str
    message: str

    def __str__(self) -> str:
        # Line 0: not from a file but from a command-line option, named in `file`.
        where = f"{escaped(self.file)}:{self.line}:{self.column}" if self.line else escaped(self.file)
        message = escaped(self.message)
        if len(message) > LONGEST_MESSAGE:
            message = message[:LONGEST_MESSAGE] + "\u2026"
        item = excerpt(self.item, EXCERPT_CHARACTERS * 2)
        return f"{where}: {item}: {message}" if self.item else f"{where}: {message}"


class RevisionprintError(Exception):
    exit_code = ExitCode.PROBLEMS

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageProblem(RevisionprintError):
    """A command-line option that cannot work with the files given: exit 2, naming the option."""

    exit_code = ExitCode.USAGE

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """The nearest choice to a misspelt word, or every choice, as the end of a message."""
    # Compared by their beginnings and listed as excerpts, at most MOST_CHOICES_LISTED: a choice
    # can be a whole event's text, and a topic can have two thousand events.
    by_folded = {choice.casefold()[:COMPARED_CHARACTERS]: choice for choice in choices}
    close = difflib.get_close_matches(word.casefold()[:COMPARED_CHARACTERS], list(by_folded), n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{excerpt(by_folded[close[0]])}'?"
    listed = [excerpt(choice) for choice in list(by_folded.values())[:MOST_CHOICES_LISTED]]
    more = len(by_folded) - len(listed)
    return f"; expected one of: {', '.join(listed)}" + (f" and {more} more" if more > 0 else "")


COMPARED_CHARACTERS = 100
MOST_CHOICES_LISTED = 40  # every key of the largest layout section


SHOWN_PROBLEMS = 100


def shown(messages: list[str]) -> list[str]:
    """The first hundred: one mistake made on every card of a big deck would fill the screen."""
    if len(messages) <= SHOWN_PROBLEMS:
        return list(messages)
    return [*messages[:SHOWN_PROBLEMS], f"... and {len(messages) - SHOWN_PROBLEMS} more not shown"]


class InvalidFiles(RevisionprintError):
    """Every problem found in one run, so a teacher fixes them all at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} found; fix {'them' if count != 1 else 'it'} and run again."
        super().__init__("\n".join([*shown([str(problem) for problem in self.problems]), summary]))


class RenderProblems(RevisionprintError):
    """Text that could not be printed as written (too long, missing glyphs)."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
