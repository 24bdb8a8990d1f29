"""A game's kind, the board it ranks on, and the outcome of each answer as the store keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from quiz.models import AnswerRecord, GameResult

STANDARD_COUNT = 10
STANDARD_LIVES = 3


class Outcome(StrEnum):
    """How one question went, stored with the answer."""

    RIGHT = "right"
    WRONG = "wrong"
    SKIPPED = "skipped"
    TIMED_OUT = "timed out"


def outcome_of(record: AnswerRecord) -> Outcome:
    if record.correct:
        return Outcome.RIGHT
    if record.timed_out:
        return Outcome.TIMED_OUT
    return Outcome.SKIPPED if record.skipped else Outcome.WRONG


@dataclass(frozen=True, slots=True)
class GameKind:
    """Games that compare like with like: the mode, and for a normal game the number of
    questions dealt and timed or not, for survival the number of lives."""

    mode: str = "normal"
    count: int | None = STANDARD_COUNT
    timed: bool = False
    lives: int | None = None

    @classmethod
    def of(cls, mode: str, total: int, timed: bool, lives: int | None) -> GameKind:
        """The kind of a game played in `mode` that dealt `total` questions."""
        if mode == "normal":
            return cls(mode, total, timed)
        if mode == "lives":
            return cls(mode, None, False, lives)
        return cls(mode, None, False)

    @classmethod
    def of_result(cls, result: GameResult) -> GameKind:
        s = result.settings
        return cls.of(s.mode, result.total, s.time_limit is not None, s.lives)

    @classmethod
    def board(cls, mode: str = "normal", count: int | None = None, timed: bool = False) -> GameKind:
        """The board `quiz scores` picks: `count` is the number of lives for survival."""
        if mode == "lives":
            return cls(mode, None, False, count or STANDARD_LIVES)
        return cls.of(mode, count or STANDARD_COUNT, timed, None)

    @property
    def text(self) -> str:
        """`normal 10 untimed`, `lives 3`, `party`: how the store names the kind."""
        if self.mode == "normal":
            return f"normal {self.count} {'timed' if self.timed else 'untimed'}"
        if self.mode == "lives":
            return f"lives {self.lives}"
        return self.mode
