"""`quiz party` on a real terminal (a pty), driven key by key: the hand-over screens and the
players prompt as a player sees them (the logic is tested in-process, test_party_session)."""

from __future__ import annotations

import re

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.party import plan_party
from quiz.engine.scoring import points_parts
from tests.keys import ENTER, right_keys, skip_keys
from tests.pty_terminal import Spawn, first_line

PLAYERS = ("Ann", "Bob", "Cy")


def test_a_party_of_three_on_a_terminal(run_quiz: Spawn) -> None:
    # A seed dealing no `order` question: keys typed ahead between its steps would be lost.
    plan = plan_party(load_bank().questions, Filters(), 3, 2, seed=13)
    quiz = run_quiz("party", "--player", "Ann", "--player", "Bob", "--player", "Cy",
                    "--rounds", "2", "--seed", "13")  # fmt: skip
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
