"""Rows changed by hand into what no version writes are left out of boards and stats, with one
warning naming the file; the rest still shows and the command succeeds."""

from __future__ import annotations

import json
import sqlite3

import pytest

from quiz import paths
from quiz.scores import clock
from quiz.scores.sqlite import SqliteStore
from tests.conftest import run_cli
from tests.scores.test_sqlite_store import T0, board_game

# (table, what a hand edit set) on the row of Jim's game or Jim's summaries
DAMAGE = [
    ("games", "total = 'abc'"),
    ("games", "correct = 2.5"),
    ("games", "score = 'lots'"),
    ("games", "duration_s = 'slow'"),
    ("games", "best_streak = NULL"),
    ("games", "mode = 'weird'"),
    ("games", "lives = 2.5"),
    ("games", "played_at = X'3230'"),  # bytes: a TEXT column turns a number into text
    ("player_totals", "total = 'abc'"),
    ("player_totals", "best = 'lots'"),
    ("player_tallies", "attempts = 'abc'"),
]
COMMANDS = [
    ["scores"],
    ["scores", "--json"],
    ["scores", "--all"],
    ["stats"],
    ["stats", "--player", "jim"],
    ["share", "--player", "Jim"],
]


def damaged_store(table: str, change: str) -> None:
    store = SqliteStore(paths.scores_db())
    for n, name in enumerate(["Pam", "Jim", "Dwight"]):
        store.save_game(board_game(name, "RRR"[: n + 1], T0 + n * 60))
    if "NULL" in change:  # NOT NULL holds: a NULL arrives through a table defined without it
        with sqlite3.connect(paths.scores_db()) as db:
            db.execute("PRAGMA writable_schema = ON")
            db.execute(
                "UPDATE sqlite_master SET sql = replace(sql, 'best_streak INTEGER NOT NULL',"
                " 'best_streak INTEGER') WHERE name = 'games'"
            )
    with sqlite3.connect(paths.scores_db()) as db:
        db.execute(f"UPDATE {table} SET {change} WHERE player_key = 'jim'")


@pytest.mark.parametrize(("table", "change"), DAMAGE)
def test_a_damaged_row_is_left_out_with_one_warning(table: str, change: str) -> None:
    damaged_store(table, change)
    for command in COMMANDS:
        result = run_cli(*command)
        assert result.exit_code == 0 or command[0] == "share", (command, result.stderr)
        assert result.exception is None or isinstance(result.exception, SystemExit), command
        warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
        assert len(warnings) <= 1, (command, result.stderr)
        if warnings:
            assert str(paths.scores_db()) in warnings[0] and "left out" in warnings[0]
    board = json.loads(run_cli("scores", "--json").stdout)
    assert {"Pam", "Dwight"} <= {row["player"] for row in board}
    if table == "games":
        assert [row["player"] for row in board] == ["Dwight", "Pam"]
        assert [row["rank"] for row in board] == [1, 2]
        shown = run_cli("scores")
        assert shown.stderr == (
            f"Warning: {paths.scores_db()} holds rows that quiz never wrote (changed by hand?),"
            f" such as {change.split(' = ')[0]} = {change.split(' = ')[1]}; they were left out\n"
        ).replace("= NULL", "= None").replace("X'3230'", "b'20'")
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["games"] >= 2


def test_a_damaged_daily_attempt_is_left_out_of_the_days_board() -> None:
    store = SqliteStore(paths.scores_db())
    today = clock.now().date()
    for n, name in enumerate(["Pam", "Jim"]):
        store.save_daily(today, board_game(name, "RR"[: n + 1], T0 + n))
    with sqlite3.connect(paths.scores_db()) as db:
        db.execute("UPDATE daily_attempts SET score = 'x' WHERE player_key = 'jim'")
    result = run_cli("scores", "--daily", "--json")
    assert result.exit_code == 0, result.stderr
    assert [(row["rank"], row["player"]) for row in json.loads(result.stdout)] == [(1, "Pam")]
    assert result.stderr.count("Warning") == 1 and "score = 'x'" in result.stderr
