"""Party rules: players, the plan of rounds, turns, standings and places; no terminal."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.engine.filters import Filters
from quiz.engine.party import Party, check_players, places, plan_party
from quiz.engine.scoring import points_parts
from quiz.errors import UsageError
from quiz.models import DIFFICULTIES, GameSettings, Question

TOPICS = ("Jim Halpert", "Pam Beesly", "Dwight Schrute")


def bank(per_difficulty: dict[str, int]) -> list[Question]:
    """`n` choice questions of each difficulty, spread over three topics; answers of under 5
    letters, so that no question gives another away (see engine/spoilers.py)."""
    return [
        Question(
            id=f"{difficulty}-{n}",
            topic=TOPICS[n % len(TOPICS)],
            difficulty=difficulty,
            type="choice",
            prompt=f"Question {n} of the {difficulty} pile?",
            answers=("Yes",),
            choices=("Yes", "No", "Nah", "Nope"),
        )
        for difficulty, count in per_difficulty.items()
        for n in range(count)
    ]


banks = st.fixed_dictionaries({d: st.integers(0, 25) for d in DIFFICULTIES})


@settings(max_examples=150, deadline=None)
@given(
    sizes=banks,
    players=st.integers(2, 8),
    rounds=st.integers(1, 12),
    seed=st.integers(0, 10**6),
)
def test_a_plan_never_repeats_a_question_and_a_round_shares_one_difficulty(
    sizes: dict[str, int], players: int, rounds: int, seed: int
) -> None:
    questions = bank(sizes)
    capacity = sum(n // players for n in sizes.values())
    if capacity == 0:
        with pytest.raises(UsageError, match="not enough questions"):
            plan_party(questions, Filters(), players, rounds, seed)
        return
    plan = plan_party(questions, Filters(), players, rounds, seed)
    assert plan.rounds == min(rounds, capacity)
    assert len(plan.questions) == players
    ids = [asked.question.id for own in plan.questions for asked in own]
    assert len(ids) == len(set(ids)) == players * plan.rounds
    for r, difficulty in enumerate(plan.difficulties):
        assert {own[r].question.difficulty for own in plan.questions} == {difficulty}
    # Rounds climb from easy to hard.
    order = [DIFFICULTIES.index(d) for d in plan.difficulties]
    assert order == sorted(order)
    assert plan == plan_party(questions, Filters(), players, rounds, seed)


def test_rounds_spread_over_the_difficulties_easier_first() -> None:
    plan = plan_party(bank({"easy": 9, "medium": 9, "hard": 9}), Filters(), 3, 5, seed=1)
    assert plan.difficulties == ("easy", "easy", "medium", "medium", "hard")


def test_a_short_pile_gives_its_rounds_to_the_others() -> None:
    plan = plan_party(bank({"easy": 2, "medium": 30, "hard": 6}), Filters(), 3, 6, seed=1)
    assert Counter(plan.difficulties) == {"medium": 4, "hard": 2}


def test_a_difficulty_filter_keeps_every_round_at_that_difficulty() -> None:
    questions = bank({"easy": 9, "medium": 9, "hard": 9})
    plan = plan_party(questions, Filters(difficulties=("hard",)), 2, 4, seed=3)
    assert plan.difficulties == ("hard",) * 4


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=8))
def test_places_let_ties_share_and_skip_after_them(scores: list[int]) -> None:
    got = places(scores)
    for score, place in zip(scores, got, strict=True):
        assert place == 1 + sum(other > score for other in scores)
        tied = [p for s, p in zip(scores, got, strict=True) if s == score]
        assert set(tied) == {place}
    assert min(got) == 1


@pytest.mark.parametrize(
    ("scores", "expected"),
    [([300, 500, 500, 100], [3, 1, 1, 4]), ([0, 0, 0], [1, 1, 1]), ([9, 8, 7], [1, 2, 3])],
)
def test_places_examples(scores: list[int], expected: list[int]) -> None:
    assert places(scores) == expected


def test_turns_go_round_the_players_and_each_game_scores_as_in_play() -> None:
    questions = bank({"easy": 6, "medium": 6, "hard": 6})
    plan = plan_party(questions, Filters(), 3, 2, seed=4)
    party = Party(("Ann", "Bob", "Cy"), plan, GameSettings(seed=4, party_id="abc"))
    turns = []
    while not party.finished:
        turns.append((party.round_number, party.player, party.round_starts))
        right = party.player != "Bob"
        party.game.answer(("Yes",) if right else ("No",), 0.0)
    assert turns == [
        (1, "Ann", True),
        (1, "Bob", False),
        (1, "Cy", False),
        (2, "Ann", True),
        (2, "Bob", False),
        (2, "Cy", False),
    ]
    expected = points_parts("easy", 1, 0, None).total + points_parts("medium", 2, 0, None).total
    standings = party.standings()
    assert [(s.place, s.player, s.score) for s in standings] == [
        (1, "Ann", expected),
        (1, "Cy", expected),
        (3, "Bob", 0),
    ]
    assert all(g.settings.party_id == "abc" and g.settings.count == 2 for g in party.games)


@pytest.mark.parametrize(
    ("names", "problem"),
    [
        (["Ann"], "2 to 8 players, not 1"),
        ([f"P{n}" for n in range(9)], "2 to 8 players, not 9"),
        (["Ann", "ann "], "Ann is already playing"),
        (["Ann", "ÉVE", "éve"], "ÉVE is already playing"),
        (["Ann", "   "], "a player needs a name"),
        (["Ann", "Bob\x1b[2J"], "control characters"),
        (["Ann", "B" * 41], "at most 40 characters"),
    ],
)
def test_players_are_checked(names: list[str], problem: str) -> None:
    with pytest.raises(UsageError, match=problem.replace("[", r"\[")):
        check_players(names)


def test_players_are_trimmed_and_markup_is_just_a_name() -> None:
    assert check_players([" Ann ", "[red]Bob[/]"]) == ("Ann", "[red]Bob[/]")
