"""Tables fitted to the width: narrow screens lose whole columns by importance, never cut words.

Column widths are worked out here from the cells, then handed to Rich as fixed widths, so
that one rule decides them for every table, whether Rich draws it or table_stream streams it:

1. Every column gets its widest cell (up to its `max_width`) when that fits.
2. Otherwise the wrapping columns give up cells, the widest first, down to the next widest,
   and so on; none goes narrower than its longest word, nor than its `min_width`.
3. If that is still too wide, columns leave by `drop` (1 first); then the `min_width`s go.
4. Last resort (a word or a cell that does not wrap is wider than the room left): wrapping
   columns keep their `min_width` (their longest word if they have none), every column is
   capped at one common width, as wide as fits, and the cells of capped columns fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


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


@dataclass(frozen=True, slots=True)
class Extent:
    """Cells a column's content needs: its longest word and its widest line."""

    word: int
    widest: int

    def __or__(self, other: Extent) -> Extent:
        return Extent(max(self.word, other.word), max(self.widest, other.widest))


def text_extent(texts: Iterable[str]) -> Extent:
    """The longest word and the widest line of `texts`, in terminal cells (tabs expanded)."""
    joined = "\n".join(texts)
    if "\t" in joined:
        joined = joined.expandtabs()
    measure = len if joined.isascii() else cell_len
    widest = max(map(measure, joined.split("\n")))
    return Extent(max(map(measure, joined.split()), default=widest), widest)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a table takes besides its columns' content: edges, dividers and padding."""

    edges: int  # 2 with a box drawn with its left and right edges
    dividers: bool  # one cell between two columns
    left: int  # padding each side of a cell
    right: int
    pad_edge: bool  # False: no padding outside the first and last columns

    @classmethod
    def of(cls, table: Table) -> Frame:
        if table.collapse_padding:
            raise ValueError("fitted tables do not collapse padding")
        _, right, _, left = table.padding
        drawn = table.box is not None
        edges = 2 if drawn and table.show_edge else 0
        return cls(edges, drawn, left, right, table.pad_edge)

    def pads(self, columns: int) -> list[tuple[int, int]]:
        """The padding left and right of each of `columns` columns."""
        last = columns - 1
        return [
            (0 if i == 0 and not self.pad_edge else self.left,
             0 if i == last and not self.pad_edge else self.right)
            for i in range(columns)
        ]  # fmt: skip

    def extra(self, columns: int) -> int:
        """Cells taken by the frame of a table of `columns` columns."""
        padding = sum(left + right for left, right in self.pads(columns))
        return self.edges + (columns - 1 if self.dividers else 0) + padding


class _Tier(Enum):
    ROOMY = 1  # wrapping columns at least as wide as their min_width
    TIGHT = 2  # wrapping columns at least as wide as their longest word
    LAST = 3  # anything goes: cells fold


def _natural(column: Column, extent: Extent) -> int:
    widest = max(extent.widest, 1)
    return min(widest, column.max_width) if column.max_width else widest


def _floor(column: Column, extent: Extent, tier: _Tier) -> int:
    natural = _natural(column, extent)
    if not column.wrap:
        return natural
    if tier is _Tier.ROOMY:
        return min(natural, max(extent.word, min(column.min_width or 0, extent.widest)))
    if tier is _Tier.TIGHT or not column.min_width:
        return min(natural, max(extent.word, 1))
    return min(natural, column.min_width)


def level(low: Sequence[int], high: Sequence[int], room: int) -> list[int]:
    """Widths between `low` and `high` that fill `room`: the widest are cut to one level.

    Needs sum(low) <= room. The cells a level leaves over go to the leftmost columns cut.
    """
    if sum(high) <= room:
        return list(high)
    below, above = 0, max(high)  # sum at `below` fits, at `above` it does not

    def total(cap: int) -> int:
        return sum(max(lo, min(hi, cap)) for lo, hi in zip(low, high, strict=True))

    while above - below > 1:
        middle = (below + above) // 2
        below, above = (middle, above) if total(middle) <= room else (below, middle)
    widths = [max(lo, min(hi, below)) for lo, hi in zip(low, high, strict=True)]
    spare = room - sum(widths)
    for index, (lo, hi) in enumerate(zip(low, high, strict=True)):
        if spare and lo <= below < hi:
            widths[index] += 1
            spare -= 1
    return widths


@dataclass(frozen=True, slots=True)
class Fit:
    """The columns to show (indexes) and the width of each one's content."""

    shown: list[int]
    widths: list[int]


def fit(columns: Sequence[Column], extents: Sequence[Extent], frame: Frame, width: int) -> Fit:
    """The module's rule: which columns to show in `width` cells, and how wide."""

    def room(shown: list[int]) -> int:
        return width - frame.extra(len(shown))

    def floors(shown: list[int], tier: _Tier) -> list[int]:
        return [_floor(columns[i], extents[i], tier) for i in shown]

    shown = list(range(len(columns)))
    for _, index in sorted((c.drop, i) for i, c in enumerate(columns) if c.drop):
        if sum(floors(shown, _Tier.ROOMY)) <= room(shown):
            break
        shown.remove(index)
    natural = [_natural(columns[i], extents[i]) for i in shown]
    for tier in (_Tier.ROOMY, _Tier.TIGHT):
        low = floors(shown, tier)
        if sum(low) <= room(shown):
            return Fit(shown, level(low, natural, room(shown)))
    if room(shown) < len(shown):  # not even a cell a column: wider than the screen
        return Fit(shown, [1] * len(shown))
    capped = level([1] * len(shown), floors(shown, _Tier.LAST), room(shown))
    return Fit(shown, level(capped, natural, room(shown)))


def fixed_table(columns: Sequence[Column], fitted: Fit, **table_options: Any) -> Table:
    """An empty Rich table of the fitted columns at their widths: a cell too wide folds."""
    table = Table(**table_options)
    for index, width in zip(fitted.shown, fitted.widths, strict=True):
        c = columns[index]
        table.add_column(
            c.header, justify=c.justify, style=c.style or None, width=width, overflow="fold"
        )
    return table


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

    def _extent(self, index: int, console: Console, options: ConsoleOptions) -> Extent:
        texts = [self.columns[index].header]
        extent = Extent(0, 0)
        for row in self.rows:
            cell = row[index]
            if isinstance(cell, Text | str):
                texts.append(cell.plain if isinstance(cell, Text) else cell)
            else:  # a renderable that knows its own range
                extent |= Extent(*Measurement.get(console, options, cell))
        return extent | text_extent(texts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        extents = [self._extent(i, console, options) for i in range(len(self.columns))]
        frame = Frame.of(Table(**self.table_options))
        fitted = fit(self.columns, extents, frame, options.max_width)
        table = fixed_table(self.columns, fitted, **self.table_options)
        for row, style in zip(self.rows, self.row_styles, strict=True):
            table.add_row(*(row[i] for i in fitted.shown), style=style)
        yield table


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
