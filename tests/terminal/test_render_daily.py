"""The daily board's table: every column on a usual screen, whole columns dropped on a narrow one."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from quiz.scores.rows import DailyEntry
from quiz.terminal.render_daily import daily_table

LONG = "Dwight Kurt Schrute the Third of Schrute Farms"
ENTRIES = [
    DailyEntry(1, "2026-11-27", "Pam", 4321, 5, 5, 5, 62.4, ""),
    DailyEntry(2, "2026-11-27", LONG, 12345, 4, 5, 3, 1234.0, ""),
]


def shown(width: int) -> str:
    out = Console(width=width, record=True, force_terminal=False, color_system=None,
                  file=io.StringIO())  # fmt: skip
    out.print(daily_table(date(2026, 11, 27), ENTRIES))
    return out.export_text()


def test_a_usual_screen_shows_every_column() -> None:
    assert shown(80).splitlines()[2:6] == [
        " #   Player                      Score   Right   Acc.   Streak    Time ",
        " ───────────────────────────────────────────────────────────────────── ",
        " 1   Pam                         4,321     5/5   100%        5    1:02 ",
        " 2   Dwight Kurt Schrute the    12,345     4/5    80%        3   20:34 ",
    ]


@pytest.mark.parametrize("width", [30, 40, 50])
def test_a_narrow_screen_drops_streak_first_and_cuts_no_word(width: int) -> None:
    text = shown(width)
    assert "Streak" not in text
    assert all(len(row) <= width for row in text.splitlines())
    assert set(LONG.split()) <= set(text.split())
    assert "12,345" in text and "4,321" in text
