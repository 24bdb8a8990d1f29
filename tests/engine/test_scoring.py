"""The scoring rules of the spec, with exact numbers: base, streak bonus, speed, zeroes."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from quiz.engine.game import Game
from quiz.engine.scoring import kind_time_limit, points_parts, speed_points, streak_bonus
from quiz.models import AskedQuestion, GameSettings, Question

BASES = {"easy": 500, "medium": 1000, "hard": 1500}
T = 20


def question(
    index: int = 0, difficulty: str = "easy", qtype: str = "choice", answers: Sequence[str] = ()
) -> Question:
    """A question of the given kind whose right answer is `right-N` (or `answers`)."""
    right = tuple(answers) or (f"right-{index}",)
    choices: tuple[str, ...] = ()
    if qtype in ("choice", "multi"):
        choices = (*right, f"wrong-{index}-a", f"wrong-{index}-b")
    if qtype == "truefalse":
        right = ("true",)
    return Question(
        id=f"q-{index}",
        topic="Jim Halpert",
        difficulty=difficulty,
        type=qtype,
        prompt=f"Prompt number {index}?",
        answers=right,
        choices=choices,
    )


def game_of(questions: Sequence[Question], time_limit: int | None = None) -> Game:
    asked = [AskedQuestion(q, q.choices) for q in questions]
    return Game(asked, GameSettings(seed=1, count=len(asked), time_limit=time_limit))


def right_answer(game: Game) -> list[str]:
    return list(game.current.question.answers)


# Base points


@pytest.mark.parametrize(("difficulty", "base"), [("easy", 500), ("medium", 1000), ("hard", 1500)])
def test_base_points_by_difficulty(difficulty: str, base: int) -> None:
    assert points_parts(difficulty, 1, 0.0, None).total == base


@pytest.mark.parametrize(("difficulty", "base"), [("easy", 500), ("medium", 1000), ("hard", 1500)])
def test_first_correct_answer_in_a_game_scores_the_base(difficulty: str, base: int) -> None:
    game = game_of([question(0, difficulty)])
    record = game.answer(right_answer(game), 3.0)
    assert record.correct
    assert record.points == base
    assert game.score == base


# Streak bonus


@pytest.mark.parametrize(
    ("streak", "bonus"),
    [(1, 0), (2, 100), (3, 200), (4, 300), (5, 400), (6, 500), (7, 500), (8, 500), (50, 500)],
)
def test_streak_bonus_grows_by_100_and_caps_at_500(streak: int, bonus: int) -> None:
    assert streak_bonus(streak) == bonus


def test_eight_correct_easy_answers_in_a_row() -> None:
    game = game_of([question(i) for i in range(8)])
    points = [game.answer(right_answer(game), 2.0).points for _ in range(8)]
    assert points == [500, 600, 700, 800, 900, 1000, 1000, 1000]
    assert game.score == sum(points)
    assert game.streak == 8


def test_streak_bonus_is_added_to_each_difficulty_base() -> None:
    game = game_of([question(0, "hard"), question(1, "medium"), question(2, "easy")])
    points = [game.answer(right_answer(game), 2.0).points for _ in range(3)]
    assert points == [1500, 1000 + 100, 500 + 200]


# Speed factor in timed mode


def test_answer_under_half_a_second_scores_full_points() -> None:
    for base in BASES.values():
        assert speed_points(base, 0.3, T) == base
        assert speed_points(base, 0.0, T) == base


def test_answer_at_exactly_half_a_second_is_already_scaled() -> None:
    for base in BASES.values():
        assert speed_points(base, 0.5, T) == round(base * (1 - (0.5 / T) / 2))
    assert speed_points(500, 0.5, T) < 500


@pytest.mark.parametrize("base", sorted(BASES.values()))
def test_answer_at_half_the_limit_scores_three_quarters(base: int) -> None:
    assert speed_points(base, T / 2, T) == round(base * 0.75)


@pytest.mark.parametrize("base", sorted(BASES.values()))
def test_answer_at_the_limit_scores_half(base: int) -> None:
    assert speed_points(base, T, T) == base // 2


@pytest.mark.parametrize("seconds", [T + 0.1, T * 2, 1000.0])
def test_answer_beyond_the_limit_is_clamped_to_half(seconds: float) -> None:
    assert speed_points(1000, seconds, T) == 500


@pytest.mark.parametrize("seconds", [0.3, 0.5, 10.0, 20.0, 999.0])
def test_untimed_game_ignores_answer_time(seconds: float) -> None:
    assert speed_points(1000, seconds, None) == 1000
    game = game_of([question(0, "medium")])
    assert game.answer(right_answer(game), seconds).points == 1000


def test_timed_game_scales_points_by_answer_time() -> None:
    seconds = [0.3, 0.5, T / 2, T, 30.0]
    game = game_of([question(i, "hard") for i in range(len(seconds))], time_limit=T)
    got = [game.answer(right_answer(game), s).points for s in seconds]
    expected = [
        1500 + 0,
        round(1500 * (1 - (0.5 / T) / 2)) + 100,
        1125 + 200,
        750 + 300,
        750 + 400,
    ]
    assert got == expected


# Answers that score nothing


def test_timed_out_answer_scores_zero_counts_wrong_and_resets_streak() -> None:
    game = game_of([question(i) for i in range(4)], time_limit=T)
    game.answer(right_answer(game), 0.1)
    game.answer(right_answer(game), 0.1)
    assert game.streak == 2
    record = game.answer(right_answer(game), float(T), timed_out=True)
    assert record.points == 0
    assert not record.correct
    assert record.timed_out
    assert not record.skipped
    assert record.given == ()
    assert game.streak == 0
    # The streak starts over: the next correct answer has no bonus.
    assert game.answer(right_answer(game), 0.1).points == 500


def test_skip_scores_zero_and_resets_streak() -> None:
    game = game_of([question(i) for i in range(3)])
    game.answer(right_answer(game), 1.0)
    game.answer(right_answer(game), 1.0)
    record = game.answer([], 1.0)
    assert record.skipped
    assert not record.correct
    assert record.points == 0
    assert record.streak == 0
    assert game.streak == 0


def test_wrong_answer_scores_zero_and_resets_streak() -> None:
    game = game_of([question(i) for i in range(4)])
    assert [game.answer(right_answer(game), 1.0).points for _ in range(2)] == [500, 600]
    wrong = game.answer(["wrong-2-a"], 1.0)
    assert not wrong.correct
    assert not wrong.skipped
    assert wrong.points == 0
    assert game.streak == 0
    assert game.answer(right_answer(game), 1.0).points == 500
    assert game.score == 500 + 600 + 0 + 500


def test_wrong_typed_answer_scores_zero() -> None:
    game = game_of([question(0, "hard", "text", ["Krasinski"])])
    record = game.answer(["Wilson"], 1.0)
    assert (record.correct, record.points) == (False, 0)


# multi is all-or-nothing

MULTI = question(0, "hard", "multi", ["Sabre", "Lotto"])


@pytest.mark.parametrize(
    "given",
    [["Sabre"], ["Lotto"], ["Sabre", "Lotto", "wrong-0-a"], ["wrong-0-a", "wrong-0-b"]],
    ids=["subset", "other-subset", "superset", "all-wrong"],
)
def test_multi_partial_or_extra_selection_scores_zero(given: list[str]) -> None:
    game = game_of([MULTI])
    record = game.answer(given, 1.0)
    assert not record.correct
    assert record.points == 0


@pytest.mark.parametrize("given", [["Sabre", "Lotto"], ["Lotto", "Sabre"]])
def test_multi_exact_selection_in_any_order_scores_full(given: list[str]) -> None:
    game = game_of([MULTI])
    record = game.answer(given, 1.0)
    assert record.correct
    assert record.points == 1500


@pytest.mark.parametrize(
    ("qtype", "seconds"),
    [("choice", 20), ("truefalse", 20), ("text", 30), ("multi", 30), ("order", 40)],
)
def test_each_kind_of_question_has_its_own_time(qtype: str, seconds: float) -> None:
    assert kind_time_limit(qtype, T) == seconds


def test_speed_points_count_against_the_question_s_own_time() -> None:
    order = question(1, "medium", "order", answers=("A", "B", "C"))
    order = dataclasses.replace(order, choices=("C", "A", "B"))
    game = game_of([question(0, "medium"), order], time_limit=T)
    assert game.time_limit() == T
    choice = game.answer(("right-0",), T)  # the whole limit: half the base
    assert game.time_limit() == 2 * T
    ordered = game.answer(("A", "B", "C"), T)  # half of its own (doubled) limit: three quarters
    assert [choice.points, ordered.points] == [500, 750 + streak_bonus(2)]
    assert game.points_parts(ordered) == points_parts("medium", 2, T, 2 * T)
