"""The score store's interface, and the store this user's commands open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only named in annotations: play starts without importing them
    from datetime import date
    from pathlib import Path

    from quiz.models import GameResult
    from quiz.scores.rows import Placement, RankedGame, Stats


class ScoreStore(Protocol):
    """What the game needs from a score database: SQLite today, a shared server later."""

    def save_game(self, result: GameResult) -> int: ...

    def placement(self, game_id: int) -> Placement: ...

    def top_games(
        self,
        limit: int = 10,
        player: str | None = None,
        topic: str | None = None,
        since: date | None = None,
    ) -> list[RankedGame]: ...

    def newest_game_id(self) -> int | None: ...

    def last_player(self) -> str | None: ...

    def stats(self, player: str | None = None) -> Stats: ...

    def reset(self) -> Path | None: ...


def open_store() -> ScoreStore:
    """The store for this user: `$QUIZ_HOME/scores.db`."""
    from quiz import paths
    from quiz.scores.sqlite import SqliteStore

    return SqliteStore(paths.scores_db())
