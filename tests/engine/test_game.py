"""A game in progress: judging each type, records, score, streaks and the final result."""

from __future__ import annotations

import pytest

from quiz.engine.filters import Filters
from quiz.engine.game import Game, Verdict, judge
from quiz.engine.selection import pick
from quiz.models import AskedQuestion, GameResult, GameSettings, Question
from tests.samples import CHOICE, FALSE, ORDER, TEXT, TRUE

MULTI = Question(
    id="krasinski-directed",
    topic="John Krasinski",
    difficulty="hard",
    type="multi",
    prompt="Which of these episodes did John direct?",
    answers=("Sabre", "Lotto"),
    choices=("Sabre", "Lotto", "Niagara", "Stress Relief"),
)

SETTINGS = GameSettings(seed=7, count=4)


def asked(*questions: Question) -> list[AskedQuestion]:
    return [AskedQuestion(q, tuple(reversed(q.choices))) for q in questions]


# judge() for each type


def test_choice_is_right_only_for_the_answer_option() -> None:
    assert judge(CHOICE, ["Casino Night"]) == Verdict(correct=True)
    assert judge(CHOICE, ["Booze Cruise"]) == Verdict(correct=False)
    assert judge(CHOICE, ["The Dundies"]) == Verdict(correct=False)
    assert judge(CHOICE, []) == Verdict(correct=False)


@pytest.mark.parametrize(
    ("question", "right", "wrong"), [(TRUE, "true", "false"), (FALSE, "false", "true")]
)
def test_truefalse(question: Question, right: str, wrong: str) -> None:
    assert judge(question, [right]).correct
    assert not judge(question, [wrong]).correct
    assert not judge(question, []).correct


@pytest.mark.parametrize(
    ("given", "correct"),
    [
        (["Sabre", "Lotto"], True),
        (["Lotto", "Sabre"], True),
        (["Sabre"], False),
        (["Lotto", "Niagara"], False),
        (["Sabre", "Lotto", "Niagara"], False),
        (["Sabre", "Lotto", "Niagara", "Stress Relief"], False),
        ([], False),
    ],
)
def test_multi_needs_exactly_the_answer_set(given: list[str], correct: bool) -> None:
    assert judge(MULTI, given) == Verdict(correct=correct)


@pytest.mark.parametrize(
    ("given", "correct"),
    [
        (["The first kiss", "The proposal", "The wedding"], True),
        (["The first kiss", "The wedding", "The proposal"], False),
        (["The wedding", "The first kiss", "The proposal"], False),
        (["The first kiss", "The proposal"], False),
        (["The first kiss", "The proposal", "The wedding", "The wedding"], False),
        ([], False),
    ],
)
def test_order_is_all_or_nothing(given: list[str], correct: bool) -> None:
    assert judge(ORDER, given) == Verdict(correct=correct)


def test_text_reports_a_forgiven_typo() -> None:
    assert judge(TEXT, ["krasinski"]) == Verdict(correct=True, typo_forgiven=False)
    assert judge(TEXT, ["Krasinsky"]) == Verdict(correct=True, typo_forgiven=True)
    assert judge(TEXT, ["Wilson"]) == Verdict(correct=False)


# Game flow


def test_current_advances_until_the_game_is_finished() -> None:
    questions = asked(CHOICE, TRUE, MULTI)
    game = Game(questions, SETTINGS)
    assert not game.finished
    assert game.current == questions[0]
    game.answer(["Casino Night"], 1.0)
    assert game.current == questions[1]
    assert not game.finished
    game.answer(["false"], 1.0)
    assert game.current == questions[2]
    game.answer(["Sabre", "Lotto"], 1.0)
    assert game.finished
    assert len(game.records) == 3


def test_empty_game_is_finished_at_once() -> None:
    assert Game([], SETTINGS).finished


def test_records_keep_every_answer_in_order() -> None:
    questions = asked(CHOICE, TEXT, TRUE, MULTI)
    game = Game(questions, SETTINGS)
    game.answer(["Casino Night"], 1.5)
    game.answer(["Krasinsky"], 4.0)
    game.answer([], 2.0)
    game.answer(["Sabre"], 3.0)
    records = game.records
    assert [r.asked for r in records] == questions
    assert [r.question for r in records] == [CHOICE, TEXT, TRUE, MULTI]
    assert [r.given for r in records] == [("Casino Night",), ("Krasinsky",), (), ("Sabre",)]
    assert [r.correct for r in records] == [True, True, False, False]
    assert [r.skipped for r in records] == [False, False, True, False]
    assert [r.typo_forgiven for r in records] == [False, True, False, False]
    assert [r.seconds for r in records] == [1.5, 4.0, 2.0, 3.0]
    assert [r.streak for r in records] == [1, 2, 0, 0]
    assert [r.points for r in records] == [500, 1500 + 100, 0, 0]


def test_score_and_streak_follow_each_answer() -> None:
    game = Game(asked(CHOICE, TRUE, FALSE, TEXT, MULTI), SETTINGS)
    steps = [
        (["Casino Night"], 1, 500),
        (["true"], 2, 500 + 1000 + 100),
        (["true"], 0, 1600),
        (["Krasinski"], 1, 1600 + 1500),
        (["Lotto", "Sabre"], 2, 3100 + 1500 + 100),
    ]
    for given, streak, score in steps:
        game.answer(given, 1.0)
        assert game.streak == streak
        assert game.score == score


def test_result_summarises_the_game() -> None:
    settings = GameSettings(seed=3, count=5, topics=("John Krasinski",), time_limit=20)
    game = Game(asked(CHOICE, TRUE, FALSE, TEXT, MULTI), settings)
    game.answer(["Casino Night"], 0.2)
    game.answer(["true"], 0.2)
    game.answer(["false"], 0.2)
    game.answer(["Krasinski"], 10.0, timed_out=True)
    game.answer(["Sabre", "Lotto"], 0.2)
    result = game.result("Jim", started_at=1000.0, duration_s=42.5)
    assert isinstance(result, GameResult)
    assert result.player == "Jim"
    assert result.settings == settings
    assert result.started_at == 1000.0
    assert result.duration_s == 42.5
    assert result.records == tuple(game.records)
    assert result.total == 5
    assert result.correct == 4
    assert result.accuracy == pytest.approx(0.8)
    assert result.best_streak == 3
    assert result.score == 500 + (1000 + 100) + (500 + 200) + 0 + 1500
    assert result.score == game.score


def test_result_of_an_all_wrong_game() -> None:
    game = Game(asked(CHOICE, TRUE), SETTINGS)
    game.answer(["Booze Cruise"], 1.0)
    game.answer([], 1.0)
    result = game.result("Pam", 0.0, 2.0)
    assert (result.score, result.correct, result.total) == (0, 0, 2)
    assert result.accuracy == 0.0
    assert result.best_streak == 0


def test_result_of_an_empty_game() -> None:
    result = Game([], SETTINGS).result("Dwight", 0.0, 0.0)
    assert (result.score, result.total, result.accuracy, result.best_streak) == (0, 0, 0.0, 0)


def test_best_streak_is_the_longest_run_not_the_last() -> None:
    game = Game(asked(CHOICE, TRUE, FALSE, TEXT, MULTI, CHOICE), SETTINGS)
    for given in (["Casino Night"], ["true"], ["false"], ["Wilson"], ["Sabre", "Lotto"], []):
        game.answer(given, 1.0)
    assert game.result("Jim", 0.0, 6.0).best_streak == 3
    assert game.streak == 0


def test_a_picked_selection_plays_through_to_a_perfect_score() -> None:
    bank = [CHOICE, TRUE, FALSE, TEXT, MULTI]
    selection = pick(bank, Filters(), 5, seed=11)
    game = Game(selection.asked, GameSettings(seed=11, count=5))
    while not game.finished:
        game.answer(list(game.current.question.answers), 1.0)
    result = game.result("Karen", 0.0, 5.0)
    assert result.correct == result.total == 5
    assert result.accuracy == 1.0
    assert result.best_streak == 5
    bases = {"easy": 500, "medium": 1000, "hard": 1500}
    expected = sum(bases[r.question.difficulty] for r in result.records) + 100 + 200 + 300 + 400
    assert result.score == expected
