"""The daily challenge: the same questions for everyone on a UTC date, and the day streak."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from quiz.engine.spoilers import SpoilerGuard
from quiz.engine.stable import ask_stably, stable_key, stable_shuffle
from quiz.models import DIFFICULTIES, AskedQuestion, Question

DAILY_COUNT = 5


def daily_seed(day: date) -> int:
    """A number fixed by the date alone: the first 8 bytes of the SHA-256 of its ISO form."""
    return int.from_bytes(stable_key("halpert-quiz daily", day.isoformat())[:8], "big")


def daily_questions(questions: Sequence[Question], day: date) -> tuple[AskedQuestion, ...]:
    """The day's questions: each from a different topic while topics last, easiest first.

    Every choice comes from SHA-256 digests of the seed and the question ids, and ids are
    unique, so the bank's order, hash randomisation and the platform change nothing.
    """
    seed = str(daily_seed(day))
    ranked = stable_shuffle(questions, seed, lambda q: q.id)
    picked: list[int] = []
    guard = SpoilerGuard()  # no question of the day gives another's answer away

    def take(n: int, q: Question) -> None:
        picked.append(n)
        guard.take(q)

    for n, q in enumerate(ranked):
        new_topic = all(ranked[p].topic != q.topic for p in picked)
        if len(picked) < DAILY_COUNT and new_topic and guard.admits(q):
            take(n, q)
    for n, q in enumerate(ranked):
        if len(picked) < DAILY_COUNT and n not in picked and guard.admits(q):
            take(n, q)
    picked.sort(key=lambda n: (DIFFICULTIES.index(ranked[n].difficulty), n))
    return tuple(ask_stably(ranked[n], seed) for n in picked)


def day_streak(days: Iterable[date], today: date) -> int:
    """Days in a row with a ranked attempt, up to today (or yesterday, while today is open)."""
    played = set(days)
    day = today if today in played else today - timedelta(days=1)
    streak = 0
    while day in played:
        streak += 1
        day -= timedelta(days=1)
    return streak
