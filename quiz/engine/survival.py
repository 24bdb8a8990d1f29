"""Survival (`--lives N`): questions keep coming until N answers are wrong or none are left."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameSettings


def deal_count(count: int, lives: int | None, matching: int) -> int:
    """How many questions a game deals: `count`, or for survival (`lives` given) every
    question that matches, as it goes on while there are questions."""
    return count if lives is None else matching or 1


class Survival(Game):
    """A game over every matching question that ends when the lives run out.

    A wrong answer, a skip and a time-out each cost one life.
    """

    def __init__(self, asked: Sequence[AskedQuestion], settings: GameSettings) -> None:
        if settings.lives is None or settings.lives < 1:
            raise ValueError("survival needs at least one life")
        super().__init__(asked, settings)
        self.lives = settings.lives

    @property
    def lives_left(self) -> int:
        lost = sum(not r.correct for r in self.records)
        return max(self.lives - lost, 0)

    @property
    def out_of_lives(self) -> bool:
        return self.lives_left == 0

    @property
    def finished(self) -> bool:
        return self.out_of_lives or len(self.records) == len(self.asked)
