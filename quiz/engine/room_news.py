"""What a live player is told: the open question and, once it closes, how it went."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.engine.party import Standing
from quiz.engine.room import Tally
from quiz.engine.scoring import Points
from quiz.models import AnswerRecord, AskedQuestion


@dataclass(frozen=True, slots=True)
class LiveQuestion:
    """A question as a player gets it: no right answer, and a deadline on the player's clock."""

    number: int
    total: int
    asked: AskedQuestion
    limit: float
    deadline: float
    answered: bool = False  # answered before a rejoin


@dataclass(frozen=True, slots=True)
class PlayerReveal:
    """A closed question as one player sees it."""

    number: int
    total: int
    record: AnswerRecord
    parts: Points | None
    place: int
    of: int
    top: tuple[Standing, ...]
    tallies: tuple[Tally, ...]
