"""What each cell of a factor table holds, planned as data before anything is drawn.

A cell either prints the factor's own notes (text, or bullets) or is left for a
student: lines to write on, their number set per column by the layout (never by
the length of the model answer, which would hint at it), or a box for a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from ...model import Factor, FactorColumn, FactorMark, FactorTableOptions, Layout, Topic, factor_column
from ..fitting import TextBlock


@dataclass(frozen=True)
class Cell:
    blocks: tuple[TextBlock, ...] = ()  # printed text, one block under another
    lines: int = 0  # lines to write on
    box: bool = False  # an empty box for a number


@dataclass(frozen=True)
class RowPlan:
    factor: Factor
    mark: FactorMark
    cells: tuple[Cell, ...]  # one per column of the layout, in its order


def plan_rows(topic: Topic, layout: Layout, options: FactorTableOptions) -> list[RowPlan]:
    columns = [factor_column(key) for key in layout.factors.columns]
    marks = layout.factor_key.marks(tuple(factor.name for factor in topic.factors))
    return [RowPlan(factor, marks[factor.name], tuple(_cell(factor, column, layout, options) for column in columns))
            for factor in topic.factors]


def is_blank(column: FactorColumn, options: FactorTableOptions) -> bool:
    """Judgement is always the student's; the factor's name always prints."""
    return column.key != "factor" and (column.key in options.blank_columns or not column.field)


def _cell(factor: Factor, column: FactorColumn, layout: Layout, options: FactorTableOptions) -> Cell:
    if column.key == "factor":
        return Cell(blocks=(TextBlock([factor.name], bullets=False, bold=True),))
    if column.key == "rank":
        if is_blank(column, options) or factor.rank is None:
            return Cell(box=True)
        return Cell(blocks=(TextBlock([str(factor.rank)], bullets=False, bold=True, align="centre"),))
    if is_blank(column, options):
        return Cell(lines=layout.factors.writing_lines[column.key])
    blocks = [TextBlock(list(printed_texts(factor, column)), bullets=column.is_list)]
    if column.key == "evidence" and factor.events:
        # Each event the factor names, its date first, so evidence can be placed in time.
        blocks.append(TextBlock([f"**{event.date.label()}**: {event.event}" for event in factor.events],
                                bullets=True))
    return Cell(blocks=tuple(blocks))


def printed_texts(factor: Factor, column: FactorColumn) -> tuple[str, ...]:
    value = getattr(factor, column.field) if column.field else None
    if value is None or value == "":
        return ()
    if isinstance(value, tuple):
        return value
    return (str(value),)
