"""Saving finished games, and where they rank; a broken store never stops play.

Nothing here prints: problems go to the caller's `report` as they happen, to be worded there.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from quiz.errors import GameKeptError, StoreError, StoreOfflineError
from quiz.models import GameResult
from quiz.scores.kinds import GameKind
from quiz.scores.rows import Placement, RankedGame
from quiz.scores.store import ScoreStore, open_store

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SavedGame:
    """A game just stored: its id, where it ranks, and the best games of its kind."""

    game_id: int
    placement: Placement
    top: tuple[RankedGame, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreWarning:
    """A store problem met while playing: `stopped` when nothing more will be saved in this
    command, else a game waits in the outbox (or the server was out of reach at the start)."""

    error: StoreError
    stopped: bool


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "player"


class Recorder:
    """Saves each finished game unless saving is off or the store is unusable (reported once)."""

    def __init__(self, *, save: bool, report: Callable[[StoreWarning], None]) -> None:
        self.report = report
        self.store: ScoreStore | None = open_store() if save else None
        self.last_player: str | None = None
        self.kept = 0  # games left in the outbox of a shared leaderboard
        if self.store is not None:
            try:
                self.last_player = self.store.default_player()
            except StoreOfflineError as exc:
                report(StoreWarning(exc, stopped=False))  # a game may still wait in the outbox
            except StoreError as exc:
                self._give_up(exc)

    def _give_up(self, exc: StoreError) -> None:
        self.report(StoreWarning(exc, stopped=True))
        self.store = None

    def default_player(self) -> str:
        """The last player who played a game of their own here, else the login name."""
        return self.last_player or login_name()

    def save(self, result: GameResult, top: int = 0) -> SavedGame | None:
        """Save the game; where it ranks and the `top` best games of its kind, or None when
        it was not saved (or waits in a shared leaderboard's outbox)."""
        if self.store is None:
            return None
        try:
            game_id = self.store.save_game(result)
            placement = self.store.placement(game_id)
            kind = GameKind.of_result(result)
            best = tuple(self.store.top_games(top, kind=kind)) if top else ()
        except GameKeptError as exc:
            if not self.kept:  # one warning for all the games of a party
                self.report(StoreWarning(exc, stopped=False))
            self.kept += 1
            return None
        except StoreError as exc:
            self._give_up(exc)
            return None
        return SavedGame(game_id, placement, best)

    def record(self, result: GameResult) -> Placement | None:
        """Save the game; where it ranks, or None when it was not saved."""
        saved = self.save(result)
        return saved.placement if saved else None

    def attempt(self, action: Callable[[ScoreStore], T]) -> T | None:
        """`action` done on the store; None when the store is off or unusable (reported once)."""
        if self.store is None:
            return None
        try:
            return action(self.store)
        except StoreError as exc:
            self._give_up(exc)
            return None
