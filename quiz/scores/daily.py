"""Daily-challenge queries: one ranked attempt per player and day, the day's board, streaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from quiz.models import GameResult
from quiz.scores.db import Connection, DamagedRowError, Row, result_columns, sound, text
from quiz.scores.rows import DailyEntry


def add_attempt(
    db: Connection, day: date, player: str, player_key: str, played_at: str, result: GameResult
) -> bool:
    """Store the player's attempt at the day's challenge; True when it is the ranked one (the
    first saved for that day)."""
    added = db.execute(
        """INSERT INTO daily_attempts (day, player, player_key, played_at, score, correct, total,
            best_streak, duration_s) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (day, player_key) DO NOTHING""",
        (
            day.isoformat(),
            player,
            player_key,
            played_at,
            result.score,
            result.correct,
            result.total,
            result.best_streak,
            result.duration_s,
        ),
    )
    return added.rowcount == 1


def daily_board(db: Connection, day: date) -> list[DailyEntry]:
    """The ranked attempts at a day's challenge, best first; a tie goes to the earlier."""
    rows = db.execute(
        """SELECT day, player, score, correct, total, best_streak, duration_s, played_at
        FROM daily_attempts WHERE day = $1 ORDER BY score DESC, played_at, player_key""",
        (day.isoformat(),),
    )
    entries = sound(db, rows, _entry)
    return [replace(entry, rank=rank) for rank, entry in enumerate(entries, start=1)]


def _entry(row: Row) -> DailyEntry:
    """An attempt of a day's board, ranked 0 until the sound ones are counted."""
    return DailyEntry(rank=0, date=text(row, "day"), **result_columns(row))


def daily_days(db: Connection, player_key: str) -> list[date]:
    """The days on which the player made a ranked attempt, oldest first."""
    rows = db.execute(
        "SELECT day FROM daily_attempts WHERE player_key = $1 ORDER BY day", (player_key,)
    )
    return sound(db, rows, _day)


def _day(row: Row) -> date:
    try:
        return date.fromisoformat(text(row, "day"))
    except ValueError:
        raise DamagedRowError("day", row["day"]) from None
