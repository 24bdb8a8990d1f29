"""Saving finished games for the game runner: a broken store never stops play."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from quiz.errors import GameKeptError, StoreError, StoreOfflineError
from quiz.models import GameResult
from quiz.output import warn
from quiz.scores.recorder import SavedGame, login_name
from quiz.scores.store import ScoreStore, open_store

T = TypeVar("T")


class Recorder:
    """Saves each finished game unless saving is off or the store is unusable (warned once)."""

    def __init__(self, *, save: bool) -> None:
        self.store: ScoreStore | None = open_store() if save else None
        self.last_player: str | None = None
        self.kept = 0  # games left in the outbox of a shared leaderboard
        if self.store is not None:
            try:
                self.last_player = self.store.last_player()
            except StoreOfflineError as exc:
                warn(str(exc))  # a finished game may still be kept in the outbox: go on
            except StoreError as exc:
                self._give_up(exc)

    def _give_up(self, exc: StoreError) -> None:
        warn(f"scores will not be saved: {exc}")
        self.store = None

    def default_player(self) -> str:
        """The last player who saved a game here, else the login name."""
        return self.last_player or login_name()

    def save(self, result: GameResult, top: int = 0) -> SavedGame | None:
        """Save the game; where it ranks and the `top` best games of its board, or None when
        it was not saved (or waits in a shared leaderboard's outbox)."""
        if self.store is None:
            return None
        try:
            game_id = self.store.save_game(result)
            placement = self.store.placement(game_id)
            best = tuple(self.store.top_games(top, mode=result.settings.mode)) if top else ()
        except GameKeptError as exc:
            if not self.kept:  # one warning for all the games of a party
                warn(str(exc))
            self.kept += 1
            return None
        except StoreError as exc:
            self._give_up(exc)
            return None
        return SavedGame(game_id, placement, best)

    def record(self, result: GameResult) -> str | None:
        """Save the game; a line on where it ranks, or None when it was not saved."""
        saved = self.save(result)
        return saved.placement.describe(result.score) if saved else None

    def attempt(self, action: Callable[[ScoreStore], T]) -> T | None:
        """`action` done on the store; None when the store is off or unusable (warned once)."""
        if self.store is None:
            return None
        try:
            return action(self.store)
        except StoreError as exc:
            self._give_up(exc)
            return None
