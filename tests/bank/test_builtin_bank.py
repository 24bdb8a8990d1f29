"""The shipped bank: every question valid, and the coverage the project promises."""

from __future__ import annotations

from collections import Counter

import pytest

from quiz.bank.loader import load_bank
from quiz.models import BUILTIN_TOPICS, DIFFICULTIES, SOURCES, Question
from quiz.textmatch import judge_text


@pytest.fixture(scope="module")
def builtin() -> tuple[Question, ...]:
    bank = load_bank(user=False)
    assert bank.problems == (), "\n".join(map(str, bank.problems))
    return bank.questions


def test_size_and_topics(builtin: tuple[Question, ...]) -> None:
    assert len(builtin) >= 90
    per_topic = Counter(q.topic for q in builtin)
    assert set(per_topic) == set(BUILTIN_TOPICS)
    assert min(per_topic.values()) >= 8, per_topic


def test_types(builtin: tuple[Question, ...]) -> None:
    per_type = Counter(q.type for q in builtin)
    assert per_type["choice"] > len(builtin) / 2, per_type
    assert per_type["truefalse"] >= 12, per_type
    assert per_type["text"] >= 12, per_type
    assert per_type["multi"] >= 6, per_type


def test_each_difficulty_is_at_least_a_fifth(builtin: tuple[Question, ...]) -> None:
    per_difficulty = Counter(q.difficulty for q in builtin)
    for difficulty in DIFFICULTIES:
        assert per_difficulty[difficulty] >= 0.2 * len(builtin), per_difficulty


def test_every_question_is_explained_and_sourced(builtin: tuple[Question, ...]) -> None:
    for q in builtin:
        assert q.explanation, q.id
        assert q.source in SOURCES, q.id
        assert q.origin == "builtin"


def test_ids_carry_a_readable_topic_prefix(builtin: tuple[Question, ...]) -> None:
    prefixes = {q.id.split("-")[0] for q in builtin}
    assert prefixes == {"jim", "krasinski", "katy", "dwight", "karen", "michael", "pam"}


@pytest.mark.parametrize(
    ("right", "slip"),
    [("Newton", "Newtown"), ("A Quiet Place", "The Quiet Place")],
)
def test_article_slips_are_accepted_as_aliases(
    builtin: tuple[Question, ...], right: str, slip: str
) -> None:
    """The article misspells a few names; the right form leads, the slip still scores."""
    asking = [q for q in builtin if q.type == "text" and q.answers[0] == right]
    assert asking, f"no text question answered by {right!r}"
    for q in asking:
        assert judge_text(slip, q.answers, q.reject).correct, q.id


def test_katy_is_spelled_moore_everywhere(builtin: tuple[Question, ...]) -> None:
    assert not [q.id for q in builtin if "Mocore" in q.prompt + q.explanation + "".join(q.choices)]
