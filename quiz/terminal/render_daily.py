"""Rich view of a daily challenge board: the ranked attempts at one day's quiz."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.table import Table
from rich.text import Text

from quiz.output import safe
from quiz.scores.rows import DailyEntry
from quiz.terminal.formatting import duration

WIDE = 60


def daily_table(day: date, entries: Sequence[DailyEntry], width: int) -> Table:
    """The day's ranked attempts; narrow screens drop accuracy and streak, never cut a number."""
    wide = width >= WIDE
    table = Table(
        title=f"Daily challenge, {day.isoformat()} (UTC)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Player", overflow="fold", min_width=6, max_width=24)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Right", justify="right", no_wrap=True)
    if wide:
        table.add_column("Acc.", justify="right", no_wrap=True)
        table.add_column("Streak", justify="right", no_wrap=True)
    table.add_column("Time", justify="right", no_wrap=True)
    for entry in entries:
        extra = [f"{entry.accuracy:.0%}", str(entry.best_streak)] if wide else []
        table.add_row(
            str(entry.rank),
            Text(safe(entry.player)),
            f"{entry.score:,}",
            f"{entry.correct}/{entry.total}",
            *extra,
            duration(entry.duration_s),
        )
    return table
