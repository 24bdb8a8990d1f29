"""The one place that calls private APIs of our dependencies; tests/test_compat.py pins each.

Everything here is something a public API does not offer at the speed or precision we need.
Each function names the private call it wraps, so that a new release of the dependency
breaks here, in one module, and in the test that pins what we rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.table import Table


def line_breaks(text: str, width: int, *, fold: bool) -> list[int]:
    """Where Rich's `Text.wrap` breaks one line of `text` at `width` (offsets of new lines).

    Rich's `rich._wrap.divide_line`: the offsets without building a `Text` per line.
    """
    from rich._wrap import divide_line

    return divide_line(text, width, fold=fold)


def column_widths(console: Console, table: Table, options: ConsoleOptions) -> list[int]:
    """The widths Rich gives `table`'s columns (padding included) when drawn in `options`.

    As `Table.__rich_console__` sizes them: Rich's private `Table._extra_width` and
    `Table._calculate_column_widths`.
    """
    extra = border_width(table)
    return table._calculate_column_widths(console, options.update_width(options.max_width - extra))


def border_width(table: Table) -> int:
    """Cells `table` takes besides its columns: edges and dividers (`Table._extra_width`)."""
    return table._extra_width
