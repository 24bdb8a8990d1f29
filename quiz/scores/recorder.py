"""Saving finished games, and saying where they rank; a broken store never stops play."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from quiz.errors import StoreError
from quiz.models import GameResult
from quiz.output import warn
from quiz.scores.rows import Placement, RankedGame
from quiz.scores.store import ScoreStore, open_store

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SavedGame:
    """A game just stored: its id, where it ranks, and the best games with it."""

    game_id: int
    placement: Placement
    top: tuple[RankedGame, ...] = ()


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "player"


class Recorder:
    """Saves each finished game unless saving is off or the store is unusable (warned once)."""

    def __init__(self, *, save: bool) -> None:
        self.store: ScoreStore | None = open_store() if save else None
        self.last_player: str | None = None
        if self.store is not None:
            try:
                self.last_player = self.store.last_player()
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
        it was not saved."""

        def save_and_rank(store: ScoreStore) -> SavedGame:
            game_id = store.save_game(result)
            mode = result.settings.mode
            best = tuple(store.top_games(top, mode=mode)) if top else ()
            return SavedGame(game_id, store.placement(game_id), best)

        return self.attempt(save_and_rank)

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
