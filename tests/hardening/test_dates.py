"""Four-digit years everywhere, and dates off the calendar refused with one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import Result

from quiz.scores import clock
from tests.conftest import run_cli
from tests.hardening.hostile import no_traceback


def quiz(*args: str, now: str | None = None) -> Result:
    return run_cli(*args, input="\n", env={"QUIZ_NOW": now} if now else None)


def one_line_error(result: Result, code: int) -> None:
    assert result.exit_code == code, result.stderr
    assert no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_game_before_the_year_1000_is_stored_with_four_digits(quiz_home: Path) -> None:
    played = quiz("play", "--plain", "--count", "1", "--player", "Ann", now="0999-06-01T10:00:00")
    assert played.exit_code == 0, played.stderr
    with sqlite3.connect(quiz_home / "scores.db") as db:
        (stamp,) = db.execute("SELECT last_review FROM review_cards").fetchone()
    assert stamp.startswith("0999-06-01T10:00:00")
    assert clock.parse_stamp(stamp).year == 999
    assert quiz("stats", "--player", "Ann").exit_code == 0
    again = quiz("play", "--plain", "--count", "1", "--player", "Ann", now="0999-06-02T10:00:00")
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize("day", ["0001-01-01", "0999-01-01", "9999-12-31"])
def test_since_takes_any_day_of_the_calendar(day: str) -> None:
    quiz("play", "--plain", "--count", "1", "--player", "Ann")
    listed = quiz("scores", "--json", "--count", "1", "--since", day)
    assert listed.exit_code == 0, listed.stderr
    expected = [] if day.startswith("9999") else ["Ann"]
    assert [row["player"] for row in json.loads(listed.stdout)] == expected


@pytest.mark.parametrize(
    "now", ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00+05:00"]
)
@pytest.mark.parametrize(
    "command", [["daily", "--plain"], ["practice", "--plain"], ["practice", "--status"]]
)
def test_a_clock_off_the_calendar_is_refused_with_one_line(now: str, command: list[str]) -> None:
    result = quiz(*command, now=now)
    one_line_error(result, 2)
    assert "QUIZ_NOW" in result.stderr


def test_a_stamp_written_short_by_an_old_version_still_reads(quiz_home: Path) -> None:
    quiz("play", "--plain", "--count", "1", "--player", "Ann")
    with sqlite3.connect(quiz_home / "scores.db") as db:
        short = "999-06-01T10:00:00.000000Z"
        db.execute("UPDATE review_cards SET due = ?, last_review = ?", (short, short))
    for args in (["practice", "--status", "--player", "Ann"], ["stats", "--player", "Ann"]):
        result = quiz(*args)
        assert result.exit_code == 0, result.stderr
    played = quiz("practice", "--plain", "--count", "1", "--player", "Ann")
    assert played.exit_code == 0, played.stderr
    assert no_traceback(played)


@pytest.mark.parametrize("stamp", ["garbage", "999-06-01T10:00:00.000000Z", ""])
def test_a_game_stamp_that_is_no_time_shows_as_a_question_mark(quiz_home: Path, stamp: str) -> None:
    quiz("play", "--plain", "--count", "1", "--player", "Ann")
    with sqlite3.connect(quiz_home / "scores.db") as db:  # a file changed by hand
        db.execute("UPDATE games SET played_at = ?", (stamp,))
    for args in (["scores"], ["stats", "--player", "Ann"], ["share"]):
        result = quiz(*args)
        assert result.exit_code == 0, result.stderr
        assert no_traceback(result)
    played = quiz("play", "--plain", "--count", "1", "--player", "Ann")
    assert played.exit_code == 0, played.stderr
