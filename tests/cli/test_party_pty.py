"""`quiz party`, survival and the 50:50 on a real terminal (a pty), driven key by key."""

from __future__ import annotations

import re

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.lifeline import fifty_fifty
from quiz.engine.party import plan_party
from quiz.engine.scoring import lifeline_points, points_parts
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from tests.cli.test_e2e_pty import (
    DOWN,
    ENTER,
    NEXT,
    PROMPT,
    RESULTS,
    Spawn,
    first_line,
    right_answer_keys,
)
from tests.cli.test_e2e_pty import run_quiz as run_quiz  # the fixture
from tests.terminal.test_interactive import right_keys

PLAYERS = ("Ann", "Bob", "Cy")


def skip_keys(asked: AskedQuestion) -> str:
    """Down past the options (and the separator) to the skip entry, or an empty answer."""
    kind = asked.question.type
    if kind == "choice":
        return DOWN * len(asked.options) + ENTER
    return DOWN * 2 + ENTER if kind == "truefalse" else ENTER


def test_a_party_of_three_on_a_terminal(run_quiz: Spawn) -> None:
    plan = plan_party(load_bank().questions, Filters(), 3, 2, seed=12)
    quiz = run_quiz("party", "--player", "Ann", "--player", "Bob", "--player", "Cy",
                    "--rounds", "2", "--seed", "12")  # fmt: skip
    for r in range(plan.rounds):
        for p, name in enumerate(PLAYERS):
            quiz.expect(f"Round {r + 1} of 2")
            if r and not p:
                quiz.expect("Standings after round 1")
            quiz.expect(f"{name}, press Enter when you are ready")
            assert f"Pass the keyboard to {name}" in quiz.screen.rsplit("Round", 1)[1]
            quiz.send(ENTER + ENTER)  # a fast double Enter must not answer the question
            asked = plan.questions[p][r]
            quiz.expect(f"{r + 1}/2")
            quiz.expect(first_line(asked))
            quiz.expect("Your answer")  # the prompt reads keys from here on
            quiz.send(right_keys(asked) if name != "Bob" else skip_keys(asked))
            quiz.expect("✓ Correct!" if name != "Bob" else "↷ Skipped:")
            last = r == plan.rounds - 1 and name == "Cy"
            quiz.expect(
                "Press Enter for the results" if last else "Press Enter to hide your answer"
            )
            quiz.send(ENTER)
    quiz.expect("Podium")
    quiz.expect("Final standings after 2 rounds")
    quiz.expect("Saved as party")
    assert quiz.exit_status() == 0
    screen = quiz.screen
    assert "\x1b[3J" in quiz.log.getvalue()  # hand-overs clear the scrollback too
    ann = sum(
        points_parts(plan.questions[0][r].question.difficulty, r + 1, 0, None).total
        for r in range(2)
    )
    assert re.search(r"A tie for first place: Ann and Cy", screen), screen
    assert re.search(rf"1st\s+Ann\s+{ann:,}", screen)
    assert re.search(rf"1st\s+Cy\s+{ann:,}", screen)
    assert "Traceback" not in screen


def test_party_asks_for_players_on_a_terminal(run_quiz: Spawn) -> None:
    quiz = run_quiz("party", "--rounds", "1", "--seed", "3", "--no-save")
    quiz.expect("Who is playing?")
    quiz.expect("Player 1:")
    quiz.send("Ann" + ENTER)
    quiz.expect("Player 2:")
    quiz.send(ENTER)
    quiz.expect("a player needs a name")
    quiz.send("aNN" + ENTER)
    quiz.expect("playing (names are compared ignoring case)")
    quiz.send("\x15Bob" + ENTER)
    quiz.expect("Player 3:")
    quiz.send(ENTER)
    quiz.expect("Ann, press Enter when you are ready")
    quiz.send("\x03")
    quiz.expect("Party aborted; nothing was saved.")
    assert quiz.exit_status() == 130


def test_survival_on_a_terminal_shows_lives_and_ends_at_zero(run_quiz: Spawn) -> None:
    pool = Filters(types=("choice",))
    questions = load_bank().questions
    asked = pick(questions, pool, len(pool.apply(questions)), 9).asked
    quiz = run_quiz("play", "--lives", "1", "--type", "choice", "--seed", "9", "--player", "T")
    quiz.expect("♥ 1 life left")
    quiz.expect(first_line(asked[0]))
    quiz.expect(PROMPT)
    quiz.send(right_answer_keys(asked[0]))
    quiz.expect("✓ Correct!")
    quiz.expect(NEXT)
    quiz.send(ENTER)
    quiz.expect(first_line(asked[1]))
    quiz.expect(PROMPT)
    right = asked[1].options.index(asked[1].question.answers[0])
    quiz.send(DOWN * (1 if right == 0 else 0) + ENTER)
    quiz.expect("✗ Wrong:")
    quiz.expect(RESULTS)
    quiz.send(ENTER)
    quiz.expect("Out of lives after 2 questions.")
    quiz.expect("quiz play --seed 9 --lives 1 --type choice")
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_the_lifeline_is_an_entry_of_the_menu(run_quiz: Spawn) -> None:
    asked = pick(load_bank().questions, Filters(types=("choice",)), 1, 5).asked[0]
    reduced = fifty_fifty(asked, 5)
    quiz = run_quiz("play", "--lifeline", "--type", "choice", "--count", "1", "--seed", "5",
                    "--player", "T")  # fmt: skip
    quiz.expect("50:50 (scores half)")
    quiz.send(DOWN * len(asked.options) + ENTER)  # past the options and the separator
    quiz.expect("2 wrong options are gone")
    quiz.expect(PROMPT)
    quiz.send(right_answer_keys(reduced))
    points = lifeline_points(points_parts(asked.question.difficulty, 1, 0, None).total)
    quiz.expect("✓ Correct!")
    quiz.expect(RESULTS)
    quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert f"✓ Correct! +{points:,} = " in quiz.screen
    assert re.search(
        r"✓ Correct! \+[0-9,]+ = [0-9,]+ (\+ [0-9,]+ streak )?- [0-9,]+ for the 50:50", quiz.screen
    )
    after = quiz.screen.split("2 wrong options are gone", 1)[1]
    gone = [o for o in asked.options if o not in reduced.options]
    assert not any(o in after.split("Correct!")[0] for o in gone)
