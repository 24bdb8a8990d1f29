"""The scoring rules: base points by difficulty, streak bonus, and the timed-mode speed factor."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.models import QuestionType

BASE_POINTS = {"easy": 500, "medium": 1000, "hard": 1500}
STREAK_STEP = 100
STREAK_CAP = 500
FULL_POINTS_WINDOW_S = 0.5
# A question's time for its kind, in units of the game's time limit: typing an answer,
# ticking several options and ordering items take longer than picking one option.
TIME_FACTORS = {
    QuestionType.CHOICE: 1.0,
    QuestionType.TRUEFALSE: 1.0,
    QuestionType.TEXT: 1.5,
    QuestionType.MULTI: 1.5,
    QuestionType.ORDER: 2.0,
}


@dataclass(frozen=True, slots=True)
class Points:
    """The parts of a right answer's points: base, the speed part (0 or less), the streak bonus,
    and what a 50:50 took off."""

    base: int
    speed: int
    streak: int
    lifeline: int = 0  # 0 or less: a 50:50 on the question halves the rest

    @property
    def total(self) -> int:
        return self.base + self.speed + self.streak + self.lifeline


def kind_time_limit(question_type: str, time_limit: float) -> float:
    """The seconds a question of `question_type` gets in a game (or a live room) timed at
    `time_limit`, the limit of a choice or true/false question."""
    return time_limit * TIME_FACTORS[QuestionType(question_type)]


def speed_points(base: int, seconds: float, time_limit: float | None) -> int:
    """Base points scaled by answer time: full under 0.5 s, half at the deadline."""
    if time_limit is None or seconds < FULL_POINTS_WINDOW_S:
        return base
    fraction = min(seconds, time_limit) / time_limit
    return round(base * (1 - fraction / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th correct answer in a row: +100 from the second, at most +500."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_CAP)


def points_parts(
    difficulty: str,
    streak: int,
    seconds: float,
    time_limit: float | None,
    *,
    lifeline: bool = False,
) -> Points:
    """The parts of the points for a correct answer that makes the streak `streak` long."""
    base = BASE_POINTS[difficulty]
    parts = Points(base, speed_points(base, seconds, time_limit) - base, streak_bonus(streak))
    if lifeline:
        parts = Points(
            parts.base, parts.speed, parts.streak, lifeline_points(parts.total) - parts.total
        )
    return parts


def lifeline_points(points: int) -> int:
    """What a right answer is worth after a 50:50 on its question: half, rounded down."""
    return points // 2
