"""Question filters (topic, difficulty, type), resolved against the bank and applied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quiz.engine.problems import UnknownTopicError
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

    def named(self) -> str:
        """`topic Pam Beesly, difficulty hard`; empty without filters."""
        parts = [
            f"{name} {' or '.join(values)}"
            for name, values in (
                ("topic", self.topics),
                ("difficulty", self.difficulties),
                ("type", self.types),
            )
            if values
        ]
        return ", ".join(parts)

    def describe(self, count: int = 2) -> str:
        """What `count` questions do: `match topic Pam Beesly`, or `are in the bank`."""
        one = count == 1
        if self.named():
            return f"{'matches' if one else 'match'} {self.named()}"
        return f"{'is' if one else 'are'} in the bank"


def match_topic(name: str, topics: Sequence[str], where: str = "of the bank") -> str:
    """The topic `name` means, the same way in every command: an exact match in any case, else
    the only topic with a word that starts with it (so `--topic pam` is Pam Beesly)."""
    wanted = name.strip().casefold()
    exact = [t for t in topics if t.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [
        t for t in topics if wanted and any(w.startswith(wanted) for w in t.casefold().split())
    ]
    if len(partial) == 1:
        return partial[0]
    raise UnknownTopicError(name, tuple(partial or topics), ambiguous=bool(partial), where=where)


def resolve_topics(requested: Sequence[str], questions: Sequence[Question]) -> tuple[str, ...]:
    """Topic names as the bank spells them, from what the user typed."""
    topics = sorted({q.topic for q in questions})
    return tuple(dict.fromkeys(match_topic(name, topics) for name in requested))


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
