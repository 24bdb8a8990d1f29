"""Choosing a game's questions: filters, count, topic balance and seeded shuffling."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from quiz.engine.filters import Filters
from quiz.errors import UsageError
from quiz.models import AskedQuestion, Question


@dataclass(frozen=True, slots=True)
class Selection:
    asked: tuple[AskedQuestion, ...]
    matching: int


def _balanced(pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """Up to `count` questions, taken from each topic in turn so no topic dominates."""
    by_topic: dict[str, list[Question]] = {}
    for q in pool:
        by_topic.setdefault(q.topic, []).append(q)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    queues = {t: rng.sample(by_topic[t], min(len(by_topic[t]), count)) for t in topics}
    chosen: list[Question] = []
    while len(chosen) < count:
        for topic in topics:
            if queues[topic] and len(chosen) < count:
                chosen.append(queues[topic].pop())
    rng.shuffle(chosen)
    return chosen


def _ask(question: Question, rng: random.Random) -> AskedQuestion:
    options = list(question.choices)
    rng.shuffle(options)
    return AskedQuestion(question, tuple(options))


def pick(
    questions: Sequence[Question],
    filters: Filters,
    count: int,
    seed: int,
    avoid: Collection[str] = (),
) -> Selection:
    """The questions of one game; the same bank, filters and seed give the same game.

    Ids in `avoid` (questions already played) are left out while enough others remain.
    """
    if count < 1:
        raise UsageError(f"--count must be at least 1, not {count}")
    pool = filters.apply(questions)
    if not pool:
        raise UsageError(f"no questions {filters.describe()}; 'quiz bank list' shows what there is")
    fresh = [q for q in pool if q.id not in avoid] if avoid else pool
    rng = random.Random(seed)
    chosen = _balanced(fresh if len(fresh) >= count else pool, min(count, len(pool)), rng)
    return Selection(tuple(_ask(q, rng) for q in chosen), len(pool))
