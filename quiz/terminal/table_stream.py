"""Rich tables of thousands of rows, printed as Rich would print them, in a fraction of the time.

Rich measures every cell of a table to size its columns, then renders every cell through
its layout engine: about a millisecond a row. Here the columns are sized by Rich from only
the rows that decide the widths (for each column, the widest cell and the cell with the
longest word), the header is drawn by Rich, and each body row is laid out directly:
cells that fit are padded, others are wrapped by Rich's own `Text.wrap`. Rows are printed
in chunks as they are made. A table using anything this does not lay out is printed whole.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.cells import cell_len
from rich.console import Console
from rich.control import strip_control_codes
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from quiz.compat import column_widths, line_breaks

Item = TypeVar("Item")
CHUNK_ROWS = 500


def _width(text: str) -> int:
    """Terminal cells `text` takes (Rich's cell_len, without a call for ASCII)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def deciding_rows(rows: Sequence[tuple[str, ...]]) -> list[int]:
    """Indexes of the rows that hold, per column, the widest cell and the longest word."""
    chosen: set[int] = set()
    for column in range(len(rows[0]) if rows else 0):
        widest = longest_word = (-1, 0)
        for index, row in enumerate(rows):
            text = row[column]
            width = max(map(_width, text.splitlines()), default=0)
            word = max(map(_width, text.split()), default=width)
            widest = max(widest, (width, -index))
            longest_word = max(longest_word, (word, -index))
        chosen.update((-widest[1], -longest_word[1]))
    return sorted(chosen)


def _streamable(table: Table) -> bool:
    """Whether every feature the table uses is one `_Layout` lays out like Rich."""
    top, _, bottom, _ = table.padding
    return (
        table.box is not None
        and table.show_edge
        and not (table.show_lines or table.leading or table.show_footer or table.row_styles)
        and not (table.collapse_padding or top or bottom)
        and table.style in ("", "none")
        and all(c.justify == "left" and c.vertical == "top" for c in table.columns)
    )


class _Layout:
    """Column widths and paddings of a streamed table, and the lines of one row."""

    def __init__(self, console: Console, table: Table, widths: list[int]) -> None:
        _, right, _, left = table.padding
        last = len(table.columns) - 1
        self.console = console
        self.columns = table.columns
        self.pads = [
            (0 if i == 0 and not table.pad_edge else left, 0 if i == last and not table.pad_edge else right)
            for i in range(len(table.columns))
        ]  # fmt: skip
        self.widths = [w - pl - pr for w, (pl, pr) in zip(widths, self.pads, strict=True)]
        assert table.box is not None
        self.box = table.box
        self.styles = [console.get_style(c.style) if c.style else None for c in table.columns]

    def _cell_lines(self, text: str, column: int) -> list[str]:
        """The cell's lines, each exactly as wide as its column, as Rich's Text.wrap makes them."""
        width = self.widths[column]
        if "\n" in text or "\t" in text:
            return self._wrapped(text, column)
        size = _width(text)
        if size <= width:
            return [text + " " * (width - size)]
        spec = self.columns[column]
        fold = spec.overflow == "fold"
        if spec.no_wrap or (not fold and max(map(_width, text.split()), default=0) > width):
            return self._wrapped(text, column)  # to cut, not wrap: Rich decides how
        starts = [0, *line_breaks(text, width, fold=fold), len(text)]
        lines = []
        for begin, stop in itertools.pairwise(starts):
            line = text[begin:stop]
            excess = len(line) - width  # Text.rstrip_end: spaces past the width go
            if excess > 0:
                line = line[: len(line) - min(excess, len(line) - len(line.rstrip()))]
            size = _width(line)
            if size > width:  # a wide character's trailing space: Rich crops or cuts it
                return self._wrapped(text, column)
            lines.append(line + " " * (width - size))
        return lines

    def _wrapped(self, text: str, column: int) -> list[str]:
        spec, width = self.columns[column], self.widths[column]
        wrapped = Text(text).wrap(
            self.console, width, justify="left", overflow=spec.overflow, no_wrap=spec.no_wrap
        )
        return [line.plain for line in wrapped]

    def row(self, cells: tuple[str, ...], last: bool, out: list[Segment]) -> None:
        """Add the segments of one body row's lines to `out`."""
        laid = [self._cell_lines(text, n) for n, text in enumerate(cells)]
        box = self.box
        left, divider, right = (
            (box.foot_left, box.foot_vertical, box.foot_right)
            if last
            else (box.mid_left, box.mid_vertical, box.mid_right)
        )
        for line_no in range(max(map(len, laid))):
            plain = left
            for n, lines in enumerate(laid):
                pl, pr = self.pads[n]
                cell = " " * pl + (lines[line_no] if line_no < len(lines) else " " * self.widths[n])
                cell += " " * pr
                if self.styles[n]:
                    out += (Segment(plain), Segment(cell, self.styles[n]))
                    plain = ""
                else:
                    plain += cell
                plain += divider if n < len(laid) - 1 else right
            out += (Segment(plain), Segment.line())


def print_table(
    console: Console,
    make_table: Callable[[Sequence[Item]], Table],
    cells: Callable[[Item], tuple[str, ...]],
    items: Sequence[Item],
) -> None:
    """Print `make_table(items)` as Rich would, laying out body rows without Rich's engine.

    `cells(item)` gives the text of each cell of the item's row, as `make_table` shows it.
    """
    rows = [tuple(strip_control_codes(text) for text in cells(item)) for item in items]
    sized = make_table([items[i] for i in deciding_rows(rows)])
    if not rows or not _streamable(sized):
        console.print(make_table(items))
        return
    # Rich's own sizing (as in Table.__rich_console__): the rows that decide it suffice.
    widths = column_widths(console, sized, console.options)
    head = make_table([])
    layout = _Layout(console, head, widths)
    if min(layout.widths) < 1:  # squeezed out of sight: Rich draws what is left
        console.print(make_table(items))
        return
    for column, width in zip(head.columns, layout.widths, strict=True):
        column.width, column.min_width, column.max_width = width, None, None
    # The header as Rich draws it, then the body, then the table's bottom edge.
    head_lines = console.render_lines(head, console.options, pad=False)
    console.print(Segments(s for line in head_lines[:-1] for s in (*line, Segment.line())), end="")
    for start in range(0, len(rows), CHUNK_ROWS):
        segments: list[Segment] = []
        for index in range(start, min(start + CHUNK_ROWS, len(rows))):
            layout.row(rows[index], index == len(rows) - 1, segments)
        console.print(Segments(segments), soft_wrap=True, end="")
    console.print(Segments([*head_lines[-1], Segment.line()]), end="")
