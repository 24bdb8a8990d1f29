"""Saving finished games for the game runner: a broken store never stops play."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from quiz.cli.store_words import describe, warn_notices
from quiz.errors import GameKeptError, StoreError, StoreOfflineError
from quiz.models import GameResult
from quiz.output import warn
from quiz.terminal import placement_words

if TYPE_CHECKING:
    from quiz.scores.recorder import SavedGame
    from quiz.scores.store import ScoreStore

T = TypeVar("T")


class Recorder:
    """Saves each finished game unless saving is off or the store is unusable (warned once)."""

    def __init__(self, *, save: bool) -> None:
        # The store's modules load only when a game may be saved (not for --no-save).
        self.store: ScoreStore | None = None
        if save:
            from quiz.scores.store import open_store

            self.store = open_store()
        self.last_player: str | None = None
        self.kept = 0  # games left in the outbox of a shared leaderboard
        if self.store is not None:
            try:
                self.last_player = self.store.default_player()
            except StoreOfflineError as exc:
                warn(describe(exc))  # a finished game may still be kept in the outbox: go on
            except StoreError as exc:
                self._give_up(exc)
            warn_notices()

    def _give_up(self, exc: StoreError) -> None:
        warn(f"scores will not be saved: {describe(exc)}")
        self.store = None

    def default_player(self) -> str:
        """The last player who played a game of their own here, else the login name."""
        from quiz.scores.recorder import login_name

        return self.last_player or login_name()

    def save(self, result: GameResult, top: int = 0) -> SavedGame | None:
        """Save the game; where it ranks and the `top` best games of its kind, or None when
        it was not saved (or waits in a shared leaderboard's outbox)."""
        if self.store is None:
            return None
        from quiz.scores.kinds import GameKind
        from quiz.scores.recorder import SavedGame

        try:
            game_id = self.store.save_game(result)
            placement = self.store.placement(game_id)
            kind = GameKind.of_result(result)
            best = tuple(self.store.top_games(top, kind=kind)) if top else ()
        except GameKeptError as exc:
            if not self.kept:  # one warning for all the games of a party
                warn(describe(exc))
            self.kept += 1
            return None
        except StoreError as exc:
            self._give_up(exc)
            return None
        finally:
            warn_notices()
        return SavedGame(game_id, placement, best)

    def record(self, result: GameResult) -> str | None:
        """Save the game; a line on where it ranks, or None when it was not saved."""
        saved = self.save(result)
        return placement_words.describe(saved.placement if saved else None, result.score)

    def attempt(self, action: Callable[[ScoreStore], T]) -> T | None:
        """`action` done on the store; None when the store is off or unusable (warned once)."""
        if self.store is None:
            return None
        try:
            return action(self.store)
        except StoreError as exc:
            self._give_up(exc)
            return None
