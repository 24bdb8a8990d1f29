"""A finished game as the rows a store writes: plain values, so it can wait in an outbox file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from quiz.models import GameResult
from quiz.scores import clock


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question_id: str
    topic: str
    difficulty: str
    given: str
    correct: bool
    points: int
    seconds: float


@dataclass(frozen=True, slots=True)
class GameRows:
    """One game: its `games` row values, its topics and answers, and when its cards are due.

    `uuid` makes the game itself: storing the same rows twice keeps one game.
    """

    uuid: str
    player: str
    played_at: str
    score: int
    correct: int
    total: int
    best_streak: int
    duration_s: float
    seed: int
    question_count: int
    difficulties: str
    types: str
    time_limit: int | None
    mode: str
    lives: int | None
    lifeline: bool
    party_id: str | None
    topics: tuple[str, ...]
    answers: tuple[AnswerRow, ...]
    reviewed_at: str  # when the answers reschedule the player's review cards

    @classmethod
    def of(cls, result: GameResult, reviewed_at: datetime) -> GameRows:
        from uuid import uuid4

        s = result.settings
        return cls(
            uuid=result.uuid or str(uuid4()),
            player=result.player,
            played_at=clock.stamp(datetime.fromtimestamp(result.started_at, UTC)),
            score=result.score,
            correct=result.correct,
            total=result.total,
            best_streak=result.best_streak,
            duration_s=result.duration_s,
            seed=s.seed,
            question_count=s.count,
            difficulties=",".join(s.difficulties),
            types=",".join(s.types),
            time_limit=s.time_limit,
            mode=s.mode,
            lives=s.lives,
            lifeline=s.lifeline,
            party_id=s.party_id if s.room_id is None else s.room_id,
            topics=s.topics,
            answers=tuple(
                AnswerRow(
                    r.question.id,
                    r.question.topic,
                    r.question.difficulty,
                    "\n".join(r.given),
                    r.correct,
                    r.points,
                    r.seconds,
                )
                for r in result.records
            ),
            reviewed_at=clock.stamp(reviewed_at),
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GameRows:
        answers = tuple(AnswerRow(**answer) for answer in data["answers"])
        return cls(**(data | {"topics": tuple(data["topics"]), "answers": answers}))
