"""Dates as history notes write them: a year, a month or a day, before or after 1 AD.

Positions on a time axis are fractional years, worked out without datetime so any year from
the documented range places (datetime stops at 1 AD and 9999).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

class Era:
    """How years before and after 1 AD are labelled: a layout's choice."""

    BC_AD = "BC/AD"
    BCE_CE = "BCE/CE"
    ALL = (BC_AD, BCE_CE)


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def year_label(year: int, era: str = Era.BC_AD, marked: bool = False) -> str:
    """'490 BC', '1969'; with `marked` (a timeline that reaches back before 1 AD) 'AD 30' or '30 CE'."""
    before, after = era.split("/")
    if year < 0:
        return f"{-year} {before}"
    if not marked:
        return str(year)
    return f"AD {year}" if after == "AD" else f"{year} {after}"


def astronomical(year: int) -> int:
    """Historians have no year 0 (1 BC is followed by AD 1); counting needs one: 1 BC is 0."""
    return year + 1 if year < 0 else year


def historical(astronomical_year: int) -> int:
    return astronomical_year if astronomical_year >= 1 else astronomical_year - 1


def is_leap(astronomical_year: int) -> bool:
    """The proleptic Gregorian calendar, as dates are written today, in any year."""
    return astronomical_year % 4 == 0 and (astronomical_year % 100 != 0 or astronomical_year % 400 == 0)


def days_in_month(astronomical_year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(astronomical_year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_position(astronomical_year: int, month: int = 1, day: int = 1) -> float:
    """The start of a day on a continuous scale of years: 1969.0 is the start of 1 January 1969."""
    year_days = 366 if is_leap(astronomical_year) else 365
    before = sum(days_in_month(astronomical_year, m) for m in range(1, month)) + day - 1
    return astronomical_year + before / year_days


@dataclass(frozen=True)
class PartialDate:
    """A year, a month or a day: history notes are rarely more precise than needed.

    `year` is written as historians write it: -490 is 490 BC, and there is no year 0.
    Positions are in years on a continuous scale (see year_position), so any year from
    9999 BC to AD 9999 is placed without the limits of Python's datetime.
    """

    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    def __str__(self) -> str:
        text = str(self.year)
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def label(self, era: str = Era.BC_AD, marked: bool = False) -> str:
        """How a teacher writes the date: '1969', 'Mar 1969', '2 Mar 1969', '44 BC'."""
        year = year_label(self.year, era, marked)
        if self.month is None:
            return year
        month = MONTH_NAMES[self.month - 1][:3]
        if self.day is None:
            return f"{month} {year}"
        return f"{self.day} {month} {year}"

    def long_label(self, era: str = Era.BC_AD, marked: bool = False, with_year: bool = True) -> str:
        """'28 June 1914', 'June 1914', or without the year: '28 June'."""
        year = year_label(self.year, era, marked) if with_year else ""
        parts = [str(self.day)] if self.day is not None else []
        if self.month is not None:
            parts.append(MONTH_NAMES[self.month - 1])
        return " ".join(parts + ([year] if year else []))

    @property
    def astronomical_year(self) -> int:
        return astronomical(self.year)

    def start_position(self) -> float:
        return year_position(self.astronomical_year, self.month or 1, self.day or 1)

    def end_position(self) -> float:
        """Where the date ends: 1969 runs to the start of 1970, Dec 1969 too."""
        year = self.astronomical_year
        if self.month is None or (self.month == 12 and self.day is None):
            return float(year + 1)
        if self.day is None:
            return year_position(year, self.month + 1)
        year_days = 366 if is_leap(year) else 365
        return self.start_position() + 1 / year_days

    def midpoint_in_years(self) -> float:
        """Position on a proportional axis: the middle of the year, month or day."""
        return (self.start_position() + self.end_position()) / 2
