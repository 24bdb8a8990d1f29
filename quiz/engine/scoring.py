"""The scoring rules: base points by difficulty, streak bonus, and the timed-mode speed factor."""

from __future__ import annotations

BASE_POINTS = {"easy": 500, "medium": 1000, "hard": 1500}
STREAK_STEP = 100
STREAK_CAP = 500
FULL_POINTS_WINDOW_S = 0.5


def speed_points(base: int, seconds: float, time_limit: float | None) -> int:
    """Base points scaled by answer time: full under 0.5 s, half at the deadline."""
    if time_limit is None or seconds < FULL_POINTS_WINDOW_S:
        return base
    fraction = min(seconds, time_limit) / time_limit
    return round(base * (1 - fraction / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for the `streak`-th correct answer in a row: +100 from the second, at most +500."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_CAP)


def points_for(difficulty: str, streak: int, seconds: float, time_limit: float | None) -> int:
    """Points for a correct answer that makes the streak `streak` long."""
    return speed_points(BASE_POINTS[difficulty], seconds, time_limit) + streak_bonus(streak)


def lifeline_points(points: int) -> int:
    """What a right answer is worth after a 50:50 on its question: half, rounded down."""
    return points // 2
