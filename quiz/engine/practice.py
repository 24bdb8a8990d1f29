"""Practice sessions: which questions are due for review, in what order, and when next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from quiz.engine.problems import TooSmallError
from quiz.engine.stable import ask_stably, stable_shuffle
from quiz.models import AskedQuestion, Question

STATUS_DAYS = 7


@dataclass(frozen=True, slots=True)
class PracticePlan:
    """The questions of one practice session, and how many of them are reviews or new."""

    asked: tuple[AskedQuestion, ...]
    reviews: int
    new: int


def day_end(day: date) -> datetime:
    """The end of a UTC date: the first moment of the next one."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


def plan_practice(
    questions: Sequence[Question], due: Mapping[str, datetime], now: datetime, count: int
) -> PracticePlan:
    """Cards due today (UTC) first, most overdue first, then questions never seen.

    `due` holds when each of the player's cards is due, by question id. The order of the new
    questions and of the options depends on the date alone: the same all day, everywhere.
    """
    if count < 1:
        raise TooSmallError("count", count)
    until = day_end(now.date())
    reviews = sorted(
        (q for q in questions if q.id in due and due[q.id] < until),
        key=lambda q: (due[q.id], q.id),
    )[:count]
    seed = f"practice {now.date().isoformat()}"
    unseen = stable_shuffle((q for q in questions if q.id not in due), seed, lambda q: q.id)
    new = unseen[: count - len(reviews)]
    asked = tuple(ask_stably(q, seed) for q in [*reviews, *new])
    return PracticePlan(asked, len(reviews), len(new))


def due_by(due: Mapping[str, datetime], moment: datetime) -> int:
    """How many cards are due before `moment` (overdue ones included)."""
    return sum(1 for when in due.values() if when < moment)


def next_due(due: Mapping[str, datetime]) -> datetime | None:
    return min(due.values(), default=None)


def due_per_day(due: Mapping[str, datetime], today: date) -> list[tuple[date, int]]:
    """Cards due on each of the next 7 UTC days; today's count holds every overdue card."""
    days = [today + timedelta(days=n) for n in range(STATUS_DAYS)]
    counts = [due_by(due, day_end(day)) for day in days]
    return [(day, n - before) for day, n, before in zip(days, counts, [0, *counts], strict=False)]
