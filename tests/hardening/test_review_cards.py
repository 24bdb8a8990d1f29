"""Review cards holding values no version wrote never crash practice or play, and play keeps
the finished game (the card starts again as new)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import run_cli
from tests.hardening.hostile import no_traceback

BAD_VALUES = [
    "due = 'not a date'",
    "due = 20261201",
    "state = 99",
    "state = -1",
    "stability = -5",
    "difficulty = 1e300",
    "step = -1",
    "due = '2026-12-01T10:00:00'",  # no time zone
    "last_review = '2026-12-01T10:00:00'",
    "last_review = 'yesterday'",
]


def quiz(*args: str) -> Result:
    return run_cli(*args, input="\n")


def games(home: Path) -> int:
    with sqlite3.connect(home / "scores.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM games").fetchone()[0])


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_a_bad_card_is_a_new_card(quiz_home: Path, bad: str) -> None:
    game = ["play", "--plain", "--count", "1", "--player", "Ann", "--seed", "7"]
    assert quiz(*game).exit_code == 0
    with sqlite3.connect(quiz_home / "scores.db") as db:
        db.execute(f"UPDATE review_cards SET {bad}")
    again = quiz(*game)  # the same question: its card is read and rescheduled
    assert again.exit_code == 0, again.stderr
    assert no_traceback(again)
    assert games(quiz_home) == 2
    for args in (
        ["practice", "--status", "--player", "Ann"],
        ["practice", "--plain", "--count", "1", "--player", "Ann"],
    ):
        result = quiz(*args)
        assert result.exit_code == 0, result.stderr
        assert no_traceback(result)
