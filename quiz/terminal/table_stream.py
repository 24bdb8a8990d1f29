"""Fitted tables of thousands of rows of text, printed in chunks, in a fraction of Rich's time.

Rich measures and lays out every cell through its engine: about a millisecond a row. Here
the columns are sized by tables.fit from the text alone, the header and the bottom edge are
drawn by Rich (a fixed-width table without rows), and each body row is laid out directly:
a cell that fits is padded; a longer one is broken between words as Rich's `Text.wrap`
breaks it, a word longer than its column folding. A cell with a new line, or a table
using anything this does not lay out, goes to Rich.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.control import strip_control_codes
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

from quiz.terminal.tables import Column, FittedTable, Frame, fit, fixed_table, text_extent

CHUNK_ROWS = 500
_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as Text.wrap takes them
_END_SPACES = re.compile(r"\s+$")


def _chop(word: str, width: int, measure: Callable[[str], int]) -> list[str]:
    """`word` in pieces of at most `width` cells (a wide character is never split)."""
    if measure is len:
        return [word[i : i + width] for i in range(0, len(word), width)]
    pieces, piece, used = [], "", 0
    for char in word:
        size = cell_len(char)
        if used + size > width:
            pieces.append(piece)
            piece, used = char, size
        else:
            piece, used = piece + char, used + size
    return [*pieces, piece]


def wrap(text: str, width: int) -> list[str] | None:
    """One line of text (no new line, no tab) broken into lines of exactly `width` cells.

    Greedy, as Rich's `Text.wrap`: a word goes to the next line when it does not fit; a
    word wider than the column folds; spaces past the end of a line go. None when a wide
    character would leave a line too wide (Rich decides how to cut it).
    """
    measure: Callable[[str], int] = len if text.isascii() else cell_len
    lines: list[str] = []
    line, used = "", 0
    for match in _WORD.finditer(text):
        word = match.group()
        size = measure(word.rstrip())
        if used + size <= width:
            line, used = line + word, used + measure(word)
        elif size > width:
            pieces = _chop(word, width, measure)
            lines += [line, *pieces[:-1]] if line else pieces[:-1]
            line = pieces[-1]
            used = measure(line)
        else:
            lines.append(line)
            line, used = word, measure(word)
    lines.append(line or text)
    padded = []
    for line in lines:
        excess = len(line) - width  # Rich counts characters here, not cells
        if excess > 0 and (spaces := _END_SPACES.search(line)):
            line = line[: len(line) - min(excess, len(spaces.group()))]
        size = measure(line)
        if size > width:
            return None
        padded.append(line + " " * (width - size))
    return padded


class _Body:
    """Column widths, paddings and styles of a streamed table, and the lines of its rows."""

    def __init__(self, console: Console, table: Table, widths: list[int]) -> None:
        self.console = console
        self.widths = widths
        self.pads = Frame.of(table).pads(len(widths))
        assert table.box is not None
        self.box = table.box
        # Without colours a style shows nothing: each line is then one plain string.
        colored = console.color_system is not None
        self.styles = [
            console.get_style(c.style) if c.style and colored else None for c in table.columns
        ]

    def cell_lines(self, text: str, column: int) -> list[str]:
        """The cell's lines, each exactly as wide as its column."""
        width = self.widths[column]
        if text.isascii() and len(text) <= width and text.isprintable():
            return [text + " " * (width - len(text))]
        if text.isprintable():
            lines = wrap(text, width)
            if lines is not None:
                return lines
        wrapped = Text(text).wrap(self.console, width, justify="left", overflow="fold")
        return [line.plain for line in wrapped]

    def row(self, cells: tuple[str, ...], last: bool, out: list[Segment]) -> None:
        """Add the segments of one body row's lines to `out`."""
        laid = [self.cell_lines(text, n) for n, text in enumerate(cells)]
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
            out.append(Segment(plain + "\n"))


def _streamable(table: Table) -> bool:
    """Whether every feature of the table is one `_Body` lays out as Rich does."""
    top, _, bottom, _ = table.padding
    return (
        table.box is not None
        and table.show_edge
        and table.show_header
        and not (table.show_lines or table.leading or table.show_footer or table.row_styles)
        and not (table.title or table.caption or top or bottom)
        and table.style in ("", "none")
        and all(c.justify == "left" and c.vertical == "top" for c in table.columns)
    )


def print_rows(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[tuple[str, ...]],
    **table_options: Any,
) -> None:
    """Print the `FittedTable` of `rows` (one text a column), streaming the body in chunks."""
    rows = [tuple(strip_control_codes(text) for text in row) for row in rows]
    extents = [text_extent([c.header, *(row[i] for row in rows)]) for i, c in enumerate(columns)]
    frame = Frame.of(Table(**table_options))
    width = console.options.max_width
    fitted = fit(columns, extents, frame, width)
    head = fixed_table(columns, fitted, **table_options)
    too_wide = sum(fitted.widths) + frame.extra(len(fitted.shown)) > width
    if not rows or too_wide or not _streamable(head):
        whole = [[Text(text) for text in row] for row in rows]
        console.print(FittedTable(columns, whole, **table_options))
        return
    body = _Body(console, head, fitted.widths)
    # The header as Rich draws it, then the body, then the table's bottom edge.
    head_lines = console.render_lines(head, console.options, pad=False)
    console.print(Segments(s for line in head_lines[:-1] for s in (*line, Segment.line())), end="")
    for start in range(0, len(rows), CHUNK_ROWS):
        segments: list[Segment] = []
        for index in range(start, min(start + CHUNK_ROWS, len(rows))):
            cells = tuple(rows[index][i] for i in fitted.shown)
            body.row(cells, index == len(rows) - 1, segments)
        if not any(body.styles):
            segments = [Segment("".join(segment.text for segment in segments))]
        console.print(Segments(segments), soft_wrap=True, end="")
    console.print(Segments([*head_lines[-1], Segment.line()]), end="")
