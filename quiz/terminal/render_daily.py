"""Rich view of a daily challenge board: the ranked attempts at one day's quiz."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.table import Table
from rich.text import Text

from quiz.scores.rows import DailyEntry
from quiz.terminal.render_scores import duration


def daily_table(day: date, entries: Sequence[DailyEntry]) -> Table:
    table = Table(
        title=f"Daily challenge, {day.isoformat()} (UTC)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("#", justify="right")
    table.add_column("Player", overflow="fold", min_width=6, max_width=24)
    table.add_column("Score", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Acc.", justify="right")
    table.add_column("Streak", justify="right")
    table.add_column("Time", justify="right")
    for entry in entries:
        table.add_row(
            str(entry.rank),
            Text(entry.player),
            f"{entry.score:,}",
            f"{entry.correct}/{entry.total}",
            f"{entry.accuracy:.0%}",
            str(entry.best_streak),
            duration(entry.duration_s),
        )
    return table
