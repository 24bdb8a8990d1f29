"""A game's kind: the board it ranks on."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.models import GameResult, Mode

STANDARD_COUNT = 10
STANDARD_LIVES = 3


@dataclass(frozen=True, slots=True)
class GameKind:
    """Games that compare like with like: the mode, and for a normal game the number of
    questions dealt and timed or not, for survival the number of lives."""

    mode: str = Mode.NORMAL
    count: int | None = STANDARD_COUNT
    timed: bool = False
    lives: int | None = None

    @classmethod
    def of(cls, mode: str, total: int, timed: bool, lives: int | None) -> GameKind:
        """The kind of a game played in `mode` that dealt `total` questions."""
        if mode == Mode.NORMAL:
            return cls(mode, total, timed)
        if mode == Mode.LIVES:
            return cls(mode, None, False, lives)
        return cls(mode, None, False)

    @classmethod
    def of_result(cls, result: GameResult) -> GameKind:
        s = result.settings
        return cls.of(s.mode, result.total, s.time_limit is not None, s.lives)

    @classmethod
    def board(
        cls, mode: str = Mode.NORMAL, count: int | None = None, timed: bool = False
    ) -> GameKind:
        """The board `quiz scores` picks: `count` is the number of lives for survival."""
        if mode == Mode.LIVES:
            return cls(mode, None, False, count or STANDARD_LIVES)
        return cls.of(mode, count or STANDARD_COUNT, timed, None)

    @property
    def text(self) -> str:
        """`normal 10 untimed`, `lives 3`, `party`: how the store names the kind."""
        if self.mode == Mode.NORMAL:
            return f"normal {self.count} {'timed' if self.timed else 'untimed'}"
        if self.mode == Mode.LIVES:
            return f"lives {self.lives}"
        return self.mode
