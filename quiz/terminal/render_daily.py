"""Rich view of a daily challenge board: the ranked attempts at one day's quiz."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich import box
from rich.console import RenderableType
from rich.text import Text

from quiz.output import safe
from quiz.scores.rows import DailyEntry
from quiz.terminal.formatting import duration
from quiz.terminal.tables import Column, FittedTable

COLUMNS = (
    Column("#", justify="right"),
    Column("Player", wrap=True, min_width=6, max_width=24),
    Column("Score", justify="right"),
    Column("Right", justify="right", drop=4),
    Column("Acc.", justify="right", drop=2),
    Column("Streak", justify="right", drop=1),
    Column("Time", justify="right", drop=3),
)


def daily_table(day: date, entries: Sequence[DailyEntry]) -> FittedTable:
    """The day's ranked attempts; narrow screens drop streak, accuracy, time, then right
    answers: never a cut number."""
    rows: list[list[RenderableType]] = [
        [
            str(entry.rank),
            Text(safe(entry.player)),
            f"{entry.score:,}",
            f"{entry.correct}/{entry.total}",
            f"{entry.accuracy:.0%}",
            str(entry.best_streak),
            duration(entry.duration_s),
        ]
        for entry in entries
    ]
    return FittedTable(
        COLUMNS,
        rows,
        title=f"Daily challenge, {day.isoformat()} (UTC)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
