"""Choosing a game's questions: filters, count, topic balance and seeded shuffling."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from quiz.engine.filters import Filters
from quiz.engine.problems import NotEnoughQuestionsError, TooSmallError
from quiz.engine.spoilers import SpoilerGuard, shown_unsolved
from quiz.models import AskedQuestion, Question

SPOILER_RETRIES = 20


@dataclass(frozen=True, slots=True)
class Selection:
    asked: tuple[AskedQuestion, ...]
    matching: int


def _seeded_order(
    group: Sequence[Question], head: list[Question], rng: random.Random
) -> Iterator[Question]:
    """A topic's questions in seeded random order: the `head` drawn up front, the rest
    shuffled only if a game passes over so many that it needs them (a big bank stays cheap)."""
    yield from reversed(head)
    if len(head) < len(group):
        taken = {q.id for q in head}
        rest = [q for q in group if q.id not in taken]
        rng.shuffle(rest)
        yield from rest


def _balanced(pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """Up to `count` questions, taken from each topic in turn so no topic dominates,
    passing over any that would give away (or be given away by) one already taken."""
    by_topic: dict[str, list[Question]] = {}
    for q in pool:
        by_topic.setdefault(q.topic, []).append(q)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    queues = {
        t: _seeded_order(by_topic[t], rng.sample(by_topic[t], min(len(by_topic[t]), count)), rng)
        for t in topics
    }
    chosen: list[Question] = []
    guard = SpoilerGuard()
    while len(chosen) < count and queues:
        for topic in list(queues):
            if len(chosen) == count:
                break
            admitted = next((q for q in queues[topic] if guard.admits(q)), None)
            if admitted is None:
                del queues[topic]
                continue
            chosen.append(admitted)
            guard.take(admitted)
    rng.shuffle(chosen)
    return chosen


def _fullest(pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """The fullest of a few balanced draws: give-aways can end a draw early, and another
    order of the same questions may fit more of them into one game."""
    best = _balanced(pool, count, rng)
    for _ in range(SPOILER_RETRIES):
        if len(best) >= min(count, len(pool)):
            break
        best = max(best, _balanced(pool, count, rng), key=len)
    return best


def _ask(question: Question, rng: random.Random) -> AskedQuestion:
    options = list(question.choices)
    rng.shuffle(options)
    return AskedQuestion(question, shown_unsolved(question, options))


def pick(
    questions: Sequence[Question],
    filters: Filters,
    count: int,
    seed: int,
    avoid: Collection[str] = (),
) -> Selection:
    """The questions of one game; the same bank, filters and seed give the same game.

    Ids in `avoid` (questions already played) are left out while enough others remain.
    No two questions of a game give away each other's answers (see `spoilers`), so a
    game may hold fewer than `count` even when more questions match.
    """
    if count < 1:
        raise TooSmallError("count", count)
    pool = filters.apply(questions)
    if not pool:
        raise NotEnoughQuestionsError(filters, count, 0)
    fresh = [q for q in pool if q.id not in avoid] if avoid else pool
    rng = random.Random(seed)
    chosen = _fullest(fresh, count, rng) if len(fresh) >= count else []
    if len(chosen) < count:
        chosen = max(chosen, _fullest(pool, count, rng), key=len)
    return Selection(tuple(_ask(q, rng) for q in chosen), len(pool))
