"""The score store's interface, and the store this user's commands open."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from quiz.models import GameResult
from quiz.scores.rows import Placement, PlayedGame, RankedGame, Stats


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

    def played_topics(self) -> list[str]: ...

    def last_game(self, player: str | None = None) -> PlayedGame | None: ...

    def last_player(self) -> str | None: ...

    def stats(self, player: str | None = None) -> Stats: ...

    def reset(self) -> Path | None: ...


def open_store() -> ScoreStore:
    """The store for this user: `$QUIZ_HOME/scores.db`."""
    from quiz import paths
    from quiz.scores.sqlite import SqliteStore

    return SqliteStore(paths.scores_db())
