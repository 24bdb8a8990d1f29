"""Plain-mode verdict lines: numbers with separators, the parts of the points, select-all ticks."""

from __future__ import annotations

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameSettings
from quiz.terminal.wording import verdict_text
from tests.terminal.test_render_game import CARD, EPISODES


def test_a_right_answer_gives_points_with_separators_their_parts_and_the_streak() -> None:
    game = Game([AskedQuestion(CARD, CARD.choices)] * 3, GameSettings(seed=1, time_limit=20))
    first = game.answer(("Teapot [/]",), 0.2)
    second = game.answer(("Teapot [/]",), 10.0)
    assert verdict_text(first, game.points_parts(first)) == "Correct! +1,000 points. Streak: 1."
    assert verdict_text(second, game.points_parts(second)) == (
        "Correct! +850 points (1,000 - 250 time + 100 streak). Streak: 2."
    )


def test_a_wrong_select_all_answer_says_which_ticks_were_wrong_and_what_was_missed() -> None:
    game = Game([AskedQuestion(EPISODES, EPISODES.choices)] * 2, GameSettings(seed=1))
    half = game.answer(("Sabre", "Niagara"), 1.0)
    assert verdict_text(half) == (
        "Wrong. The answer is Sabre; Lotto. (wrongly ticked: Niagara, missed: Lotto)"
    )
    too_many = game.answer(("Sabre", "Lotto", "Stress Relief"), 1.0)
    assert verdict_text(too_many).endswith("(wrongly ticked: Stress Relief)")
