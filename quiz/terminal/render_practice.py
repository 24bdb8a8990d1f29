"""Rich view of a player's review schedule: how many questions fall due on each coming day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from quiz.output import safe
from quiz.terminal.formatting import count_of

DAY_NAMES = ("Today", "Tomorrow")


def status_view(player: str, days: Sequence[tuple[date, int]], unseen: int) -> Group:
    """One row a day (UTC); today's count holds the overdue questions too."""
    table = Table(
        title=Text(safe(f"Reviews due for {player}")), title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("Day", min_width=len("Wednesday"))  # the longest name: one width every day
    table.add_column("Date", no_wrap=True)
    table.add_column("Due", justify="right")
    for n, (day, due) in enumerate(days):
        name = DAY_NAMES[n] if n < len(DAY_NAMES) else day.strftime("%A")
        table.add_row(name, day.isoformat(), f"{due:,}", style="bold" if due and not n else None)
    note = f"Dates are UTC. {count_of(unseen, 'question')} never seen yet: practice asks them"
    return Group(table, Text(note + " after the due ones."))
