"""Tables that fit narrow terminals by leaving out their least important columns, never by cutting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from quiz.compat import border_width, column_widths

UNBOUNDED = 10_000  # a width to measure a table's true minimum in


@dataclass(frozen=True, slots=True)
class Column:
    """A column; `drop` 1 goes first when space runs out, then 2, ...; 0 never goes."""

    header: str
    drop: int = 0
    justify: Any = "left"
    wrap: bool = False  # True: wraps at word boundaries, or a renderable sized by Rich
    min_width: int | None = None  # for a wrapping column: narrower than this is not worth it
    max_width: int | None = None
    style: str = ""


class FittedTable:
    """A Rich table whose cells are never cut: narrow screens lose whole columns instead."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[RenderableType]],
        row_styles: Sequence[str | None] = (),
        **table_options: Any,
    ) -> None:
        self.columns, self.rows = columns, rows
        self.row_styles = row_styles or [None] * len(rows)
        self.table_options = table_options

    def _widest(self, index: int) -> int:
        cells = [self.columns[index].header, *(row[index] for row in self.rows)]
        return max(cell_len(c.plain if isinstance(c, Text) else str(c)) for c in cells)

    def table(self, shown: Sequence[int], *, roomy: bool = True) -> Table:
        """The table with the `shown` columns; `roomy` keeps wrapping columns at their minimum."""
        table = Table(**self.table_options)
        for i in shown:
            c = self.columns[i]
            wrap_width = min(c.min_width, self._widest(i)) if roomy and c.min_width else None
            table.add_column(
                c.header,
                justify=c.justify,
                style=c.style or None,
                no_wrap=not c.wrap,
                overflow="fold",  # a word longer than its column folds: nothing is lost
                min_width=wrap_width if c.wrap else self._widest(i),
                max_width=c.max_width,
            )
        for row, style in zip(self.rows, self.row_styles, strict=True):
            table.add_row(*(row[i] for i in shown), style=style)
        return table

    def fitting(self, console: Console, options: ConsoleOptions) -> tuple[list[int], bool]:
        """The columns to show in `options.max_width`, and whether they fit when roomy."""
        shown = list(range(len(self.columns)))
        droppable = sorted((c.drop, i) for i, c in enumerate(self.columns) if c.drop)
        unbounded = options.update_width(UNBOUNDED)

        def fits(table: Table) -> bool:
            # Rich's own column widths, not only its minimum: Rich may lay a table out wider
            # than the minimum it measures, and then it crops the cells at the right edge.
            if Measurement.get(console, unbounded, table).minimum > options.max_width:
                return False
            widths = column_widths(console, table, options)
            return sum(widths) + border_width(table) <= options.max_width

        table = self.table(shown)
        for _, index in droppable:
            if fits(table):
                break
            shown.remove(index)
            table = self.table(shown)
        return shown, fits(table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown, roomy = self.fitting(console, options)
        yield self.table(shown, roomy=roomy)


def bar(fraction: float, cells: int) -> str:
    filled = round(fraction * cells)
    return "█" * filled + "░" * (cells - filled)


class Bar:
    """A bar of █ and ░ as wide as it may be, from 5 to 20 cells."""

    def __init__(self, fraction: float) -> None:
        self.fraction = fraction

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(5, 20)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(bar(self.fraction, min(20, options.max_width)), no_wrap=True)
