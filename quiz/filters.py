"""Question filters (topic, difficulty, type), resolved against the bank and applied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quiz.errors import UsageError
from quiz.models import Question


@dataclass(frozen=True, slots=True)
class Filters:
    topics: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def matches(self, q: Question) -> bool:
        return (
            (not self.topics or q.topic in self.topics)
            and (not self.difficulties or q.difficulty in self.difficulties)
            and (not self.types or q.type in self.types)
        )

    def apply(self, questions: Iterable[Question]) -> list[Question]:
        return [q for q in questions if self.matches(q)]

    def describe(self) -> str:
        parts = [
            f"{name} {' or '.join(values)}"
            for name, values in (
                ("topic", self.topics),
                ("difficulty", self.difficulties),
                ("type", self.types),
            )
            if values
        ]
        return ", ".join(parts) or "no filters"


def resolve_topics(requested: Sequence[str], questions: Sequence[Question]) -> tuple[str, ...]:
    """Topic names as the bank spells them, matched without regard to case."""
    known = {q.topic.casefold(): q.topic for q in questions}
    resolved = []
    for name in requested:
        topic = known.get(name.strip().casefold())
        if topic is None:
            choices = ", ".join(sorted(set(known.values())))
            raise UsageError(f"unknown topic '{name}' (topics in the bank: {choices})")
        if topic not in resolved:
            resolved.append(topic)
    return tuple(resolved)


def make_filters(
    questions: Sequence[Question],
    topics: Sequence[str] = (),
    difficulties: Sequence[str] = (),
    types: Sequence[str] = (),
) -> Filters:
    return Filters(
        resolve_topics(topics, questions),
        tuple(dict.fromkeys(difficulties)),
        tuple(dict.fromkeys(types)),
    )
