"""The score store's interface, and the store this user's commands open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only named in annotations: play starts without importing them
    from datetime import date, datetime
    from pathlib import Path

    from quiz.models import GameResult
    from quiz.scores.rows import DailyEntry, Placement, PlayedGame, RankedGame, Stats


class ScoreStore(Protocol):
    """What the game needs from a score database: SQLite today, a shared server later."""

    def save_game(self, result: GameResult) -> int:
        """Store the game and reschedule the player's card for each answer, in one go."""
        ...

    def placement(self, game_id: int) -> Placement: ...

    def top_games(
        self,
        limit: int = 10,
        player: str | None = None,
        topic: str | None = None,
        since: date | None = None,
        *,
        mode: str = "normal",
        party: str | None = None,
    ) -> list[RankedGame]: ...

    def last_party(self, mode: str = "party") -> str | None: ...

    def newest_game_id(self) -> int | None: ...

    def played_topics(self) -> list[str]: ...

    def last_game(self, player: str | None = None) -> PlayedGame | None: ...

    def last_player(self) -> str | None: ...

    def stats(self, player: str | None = None) -> Stats: ...

    def reset(self) -> Path | None: ...

    def save_practice(self, result: GameResult) -> None: ...

    def save_daily(self, day: date, result: GameResult) -> bool: ...

    def review_schedule(self, player: str) -> dict[str, datetime]: ...

    def daily_board(self, day: date) -> list[DailyEntry]: ...

    def daily_days(self, player: str) -> list[date]: ...


def open_store(*, local: bool = False) -> ScoreStore:
    """The store for this user: the office's PostgreSQL server when `QUIZ_DATABASE_URL` is
    set (and `local` is not asked for), else `$QUIZ_HOME/scores.db`."""
    import os

    from quiz import paths

    url = os.environ.get("QUIZ_DATABASE_URL")
    if url and not local:
        from quiz.scores.postgres import PostgresStore

        return PostgresStore(url, paths.quiz_home() / "outbox.json")
    from quiz.scores.sqlite import SqliteStore

    return SqliteStore(paths.scores_db())
