"""Question selection: filters, count, no repeats, topic balance, seeding, option shuffling."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.problems import NotEnoughQuestionsError, TooSmallError
from quiz.engine.selection import Selection, pick
from quiz.errors import UsageError
from quiz.models import DIFFICULTIES, QUESTION_TYPES, Question

TOPICS = ("Jim Halpert", "Pam Beesly", "Dwight Schrute", "Karen Filippelli")


def make_question(index: int, topic: str, difficulty: str, qtype: str, options: int) -> Question:
    choices: tuple[str, ...] = ()
    if qtype == "choice":
        choices = tuple(f"option {index}.{k}" for k in range(options))
        answers: tuple[str, ...] = (choices[0],)
    elif qtype == "multi":
        choices = tuple(f"option {index}.{k}" for k in range(options))
        answers = choices[:2]
    elif qtype == "truefalse":
        answers = ("true",)
    else:
        answers = (f"answer {index}",)
    return Question(
        id=f"q-{index}",
        topic=topic,
        difficulty=difficulty,
        type=qtype,
        prompt=f"Question number {index}?",
        answers=answers,
        choices=choices,
    )


@st.composite
def banks(draw: st.DrawFn, max_size: int = 24) -> list[Question]:
    size = draw(st.integers(min_value=1, max_value=max_size))
    return [
        make_question(
            i,
            draw(st.sampled_from(TOPICS)),
            draw(st.sampled_from(DIFFICULTIES)),
            draw(st.sampled_from(QUESTION_TYPES)),
            draw(st.integers(min_value=2, max_value=6)),
        )
        for i in range(size)
    ]


def subsets(values: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values)).map(tuple)


filters_st = st.builds(
    Filters,
    topics=subsets(TOPICS),
    difficulties=subsets(DIFFICULTIES),
    types=subsets(QUESTION_TYPES),
)
counts = st.integers(min_value=1, max_value=30)
seeds = st.integers(min_value=0, max_value=2**32)


def matching(bank: list[Question], filters: Filters) -> list[Question]:
    """The questions that satisfy every filter, worked out here from the fields."""
    return [
        q
        for q in bank
        if (not filters.topics or q.topic in filters.topics)
        and (not filters.difficulties or q.difficulty in filters.difficulties)
        and (not filters.types or q.type in filters.types)
    ]


def picked(selection: Selection) -> list[Question]:
    return [a.question for a in selection.asked]


@given(bank=banks(), filters=filters_st, count=counts, seed=seeds)
def test_selection_follows_filters_and_count_without_repeats(
    bank: list[Question], filters: Filters, count: int, seed: int
) -> None:
    pool = matching(bank, filters)
    assume(pool)
    selection = pick(bank, filters, count, seed)
    questions = picked(selection)
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids)), "a question was asked twice"
    assert all(q in pool for q in questions), "a question outside the filters was picked"
    assert len(questions) == min(count, len(pool))
    assert selection.matching == len(pool)
    if count >= len(pool):
        assert set(ids) == {q.id for q in pool}


@given(bank=banks(), filters=filters_st, count=counts, seed=seeds)
def test_same_seed_and_bank_give_the_same_game(
    bank: list[Question], filters: Filters, count: int, seed: int
) -> None:
    assume(matching(bank, filters))
    first = pick(bank, filters, count, seed)
    again = pick(list(bank), filters, count, seed)
    assert [a.question.id for a in first.asked] == [a.question.id for a in again.asked]
    assert [a.options for a in first.asked] == [a.options for a in again.asked]
    assert first == again


@given(bank=banks(max_size=40), count=counts, seed=seeds)
def test_topics_are_balanced_when_the_pool_allows(
    bank: list[Question], count: int, seed: int
) -> None:
    available = Counter(q.topic for q in bank)
    chosen = Counter(q.topic for q in picked(pick(bank, Filters(), count, seed)))
    most = max(chosen.values())
    for topic, have in available.items():
        # A topic may lag the busiest one by more than 1 only once all of it is used.
        assert chosen[topic] >= most - 1 or chosen[topic] == have, (topic, chosen, available)


@given(bank=banks(), filters=filters_st, count=counts, seed=seeds)
def test_options_are_a_permutation_of_the_choices(
    bank: list[Question], filters: Filters, count: int, seed: int
) -> None:
    assume(matching(bank, filters))
    for asked in pick(bank, filters, count, seed).asked:
        assert sorted(asked.options) == sorted(asked.question.choices)
        assert len(asked.options) == len(asked.question.choices)
        if asked.question.type in ("choice", "multi"):
            assert set(asked.question.answers) <= set(asked.options)


def test_choice_options_are_shuffled_across_seeds() -> None:
    bank = [make_question(0, "Jim Halpert", "easy", "choice", 6)]
    orders = {pick(bank, Filters(), 1, seed).asked[0].options for seed in range(40)}
    assert len(orders) > 1, "options were shown in the same order for 40 seeds"


@given(bank=banks(), count=counts, seed=seeds, data=st.data())
def test_avoided_questions_stay_out_while_enough_others_remain(
    bank: list[Question], count: int, seed: int, data: st.DataObject
) -> None:
    ids = [q.id for q in bank]
    avoid = set(data.draw(st.lists(st.sampled_from(ids), unique=True)))
    fresh = [q for q in bank if q.id not in avoid]
    questions = picked(pick(bank, Filters(), count, seed, avoid=avoid))
    assert len(questions) == min(count, len(bank))
    assert len({q.id for q in questions}) == len(questions)
    if len(fresh) >= count:
        assert not avoid & {q.id for q in questions}, "an avoided question was picked"


@given(bank=banks(), count=st.integers(max_value=0), seed=seeds)
def test_count_below_one_is_a_usage_error(bank: list[Question], count: int, seed: int) -> None:
    with pytest.raises(TooSmallError) as caught:
        pick(bank, Filters(), count, seed)
    assert (caught.value.quantity, caught.value.given) == ("count", count)


def test_no_match_is_a_usage_error_naming_the_filters() -> None:
    bank = [
        make_question(0, "Jim Halpert", "easy", "choice", 3),
        make_question(1, "Pam Beesly", "hard", "text", 0),
    ]
    filters = Filters(topics=("Pam Beesly",), difficulties=("easy",), types=("multi",))
    with pytest.raises(NotEnoughQuestionsError) as caught:
        pick(bank, filters, 5, 1)
    assert (caught.value.filters, caught.value.wanted, caught.value.found) == (filters, 5, 0)
    assert isinstance(caught.value, UsageError)


def test_no_match_in_an_empty_bank_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        pick([], Filters(), 10, 1)


# The built-in bank


@cache
def builtin_questions() -> tuple[Question, ...]:
    return load_bank(user=False).questions


def test_builtin_bank_seed_1_count_10() -> None:
    selection = pick(builtin_questions(), Filters(), 10, 1)
    questions = picked(selection)
    assert len(questions) == 10
    assert len({q.id for q in questions}) == 10
    per_topic = Counter(q.topic for q in questions)
    assert len(per_topic) == 7
    assert max(per_topic.values()) <= 2


@given(seed=seeds)
def test_builtin_bank_any_seed_covers_every_topic(seed: int) -> None:
    per_topic = Counter(q.topic for q in picked(pick(builtin_questions(), Filters(), 10, seed)))
    assert len(per_topic) == 7
    assert max(per_topic.values()) <= 2
