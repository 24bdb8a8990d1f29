"""What saving a game gives back (its id, where it ranks), and the default player name."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from quiz.scores.rows import Placement, RankedGame


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
