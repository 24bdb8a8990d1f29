"""Survival lives and the 50:50 lifeline, as rules without a terminal."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.engine.game import Game
from quiz.engine.lifeline import allows_fifty_fifty, fifty_fifty
from quiz.engine.scoring import lifeline_points, points_parts
from quiz.engine.survival import Survival
from quiz.models import AskedQuestion, GameSettings, Question
from tests.samples import CHOICE, TEXT, TRUE

SIX = Question(
    id="six-options",
    topic="Jim Halpert",
    difficulty="hard",
    type="choice",
    prompt="Which one is right?",
    answers=("Right",),
    choices=("Right", "W1", "W2", "W3", "W4", "W5"),
)
FOUR = replace(SIX, id="four-options", difficulty="medium", choices=("Right", "W1", "W2", "W3"))

responses = st.sampled_from(["right", "wrong", "skip", "timeout"])


def play(game: Game, moves: list[str]) -> None:
    for move in moves:
        if game.finished:
            return
        given = {"right": game.current.question.answers, "wrong": ("nope",), "skip": ()}
        game.answer(given.get(move, ()), 1.0, timed_out=move == "timeout")


@settings(max_examples=200, deadline=None)
@given(lives=st.integers(1, 5), moves=st.lists(responses, max_size=30), size=st.integers(1, 12))
def test_lives_never_go_below_zero_and_the_game_ends_at_zero(
    lives: int, moves: list[str], size: int
) -> None:
    asked = [AskedQuestion(replace(SIX, id=f"q{n}"), SIX.choices) for n in range(size)]
    game = Survival(asked, GameSettings(seed=1, lives=lives))
    for move in moves:
        if game.finished:
            break
        before = game.lives_left
        play(game, [move])
        assert game.lives_left == before - (move != "right")
        assert game.lives_left >= 0
    wrong = sum(not r.correct for r in game.records)
    assert game.lives_left == max(lives - wrong, 0)
    assert game.finished == (wrong >= lives or len(game.records) == size)
    assert wrong <= lives


def test_the_game_ends_when_the_bank_runs_out_with_lives_left() -> None:
    game = Survival([AskedQuestion(CHOICE, CHOICE.choices)], GameSettings(seed=1, lives=3))
    play(game, ["right"])
    assert game.finished and not game.out_of_lives and game.lives_left == 3


def test_survival_needs_a_life() -> None:
    with pytest.raises(ValueError, match="at least one life"):
        Survival([], GameSettings(seed=1, lives=0))


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 10**9), wrong=st.integers(3, 5))
def test_fifty_fifty_takes_half_the_wrong_options_rounded_up_and_keeps_the_answer(
    seed: int, wrong: int
) -> None:
    question = replace(SIX, choices=SIX.choices[: wrong + 1])
    asked = AskedQuestion(question, tuple(reversed(question.choices)))
    left = fifty_fifty(asked, seed)
    assert "Right" in left.options
    assert len(left.options) == len(asked.options) - math.ceil(wrong / 2)
    assert [o for o in asked.options if o in left.options] == list(left.options)
    assert fifty_fifty(asked, seed) == left


def test_the_seed_decides_which_options_go() -> None:
    asked = AskedQuestion(SIX, SIX.choices)
    outcomes = {fifty_fifty(asked, seed).options for seed in range(30)}
    assert len(outcomes) > 1


@pytest.mark.parametrize(
    ("question", "allowed"),
    [(FOUR, True), (SIX, True), (CHOICE, False), (TRUE, False), (TEXT, False)],
)
def test_only_choice_questions_with_four_or_more_options_allow_it(
    question: Question, allowed: bool
) -> None:
    assert allows_fifty_fifty(AskedQuestion(question, question.choices)) is allowed


def test_one_lifeline_a_game_and_that_question_scores_half() -> None:
    asked = [AskedQuestion(FOUR, FOUR.choices), AskedQuestion(SIX, SIX.choices)]
    game = Game(asked, GameSettings(seed=5, count=2, lifeline=True))
    assert game.can_use_lifeline()
    reduced = game.use_lifeline()
    assert len(reduced.options) == 2 and game.current == reduced
    first = game.answer(("Right",), 0.0)
    assert first.lifeline and first.points == lifeline_points(
        points_parts("medium", 1, 0, None).total
    )
    assert first.points == 500
    assert not game.can_use_lifeline()
    with pytest.raises(ValueError, match="no 50:50"):
        game.use_lifeline()
    second = game.answer(("Right",), 0.0)
    assert not second.lifeline and second.points == points_parts("hard", 2, 0, None).total


def test_no_lifeline_unless_the_game_has_one() -> None:
    game = Game([AskedQuestion(FOUR, FOUR.choices)], GameSettings(seed=5, count=1))
    assert not game.can_use_lifeline()


@settings(max_examples=150, deadline=None)
@given(
    difficulty=st.sampled_from(["easy", "medium", "hard"]),
    before=st.integers(0, 7),
    seconds=st.floats(0, 40),
    limit=st.one_of(st.none(), st.integers(5, 40)),
)
def test_the_lifeline_question_scores_exactly_half_of_what_it_would_have(
    difficulty: str, before: int, seconds: float, limit: int | None
) -> None:
    questions = [replace(FOUR, id=f"q{n}", difficulty=difficulty) for n in range(before + 1)]
    asked = [AskedQuestion(q, q.choices) for q in questions]
    plain, helped = (
        Game(asked, GameSettings(seed=9, time_limit=limit, lifeline=lifeline))
        for lifeline in (False, True)
    )
    for game in (plain, helped):
        play(game, ["right"] * before)
    helped.use_lifeline()
    full = plain.answer(("Right",), seconds)
    half = helped.answer(("Right",), seconds)
    assert half.points == full.points // 2 == lifeline_points(full.points)
    assert half.streak == full.streak == before + 1
