"""The party, survival and the 50:50 played through the prompts in-process (pipe input)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prompt_toolkit.input import PipeInput

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.lifeline import fifty_fifty
from quiz.engine.party import plan_party
from quiz.engine.scoring import lifeline_points, points_parts
from quiz.engine.selection import pick
from tests.conftest import run_cli
from tests.keys import CTRL_C, DOWN, ENTER, keys_for, right_keys, skip_keys, wrong_option

PLAYERS = ("Ann", "Bob", "Cy")


def test_a_party_of_three_to_the_podium(keys: PipeInput) -> None:
    plan = plan_party(load_bank().questions, Filters(), 3, 2, seed=12)
    for r in range(plan.rounds):
        for p, name in enumerate(PLAYERS):
            asked = plan.questions[p][r]
            answer = skip_keys(asked) if name == "Bob" else right_keys(asked)
            keys.send_text(ENTER + answer + ENTER)  # ready, the answer, hide it
    args = [a for name in PLAYERS for a in ("--player", name)]
    result = run_cli("party", *args, "--rounds", "2", "--seed", "12")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    turns = re.findall(r"Pass the keyboard to (\w+)", out)
    assert turns == list(PLAYERS) * 2
    assert out.count("✓ Correct!") == 4 and out.count("↷ Skipped: no points.") == 2
    standings = out.index("Standings after round 1")
    assert out.index("Pass the keyboard to Cy") < standings < out.rindex("Pass the keyboard to Ann")
    ann = sum(points_parts(plan.questions[0][r].question.difficulty, r + 1, 0, None).total
              for r in range(2))  # fmt: skip
    assert "A tie for first place: Ann and Cy" in out
    assert re.search(rf"1st\s+Ann\s+{ann:,}", out) and re.search(rf"1st\s+Cy\s+{ann:,}", out)
    assert re.search(r"3rd\s+Bob\s+0\s+0/2", out), out
    assert "Final standings after 2 rounds" in out
    party = re.search(r"Saved as party (\w+): quiz scores --party \1", out)
    assert party, out
    assert "quiz party --player Ann --player Bob --player Cy --rounds 2 --seed 12" in out
    board = json.loads(run_cli("scores", "--party", party[1], "--json").stdout)
    assert sorted(row["player"] for row in board) == sorted(PLAYERS)


def test_ctrl_c_at_a_hand_over_saves_nothing(keys: PipeInput, quiz_home: Path) -> None:
    keys.send_text(CTRL_C)
    result = run_cli("party", "--player", "Ann", "--player", "Bob", "--rounds", "1")
    assert (result.exit_code, result.stderr) == (130, "Party aborted; nothing was saved.\n")
    assert not (quiz_home / "scores.db").exists()


def test_survival_shows_lives_and_ends_at_zero(keys: PipeInput) -> None:
    pool = Filters(types=("choice",))
    questions = load_bank().questions
    first, second = pick(questions, pool, len(pool.apply(questions)), 9).asked[:2]
    keys.send_text(right_keys(first) + ENTER + keys_for(second, wrong_option(second)) + ENTER)
    keys.send_text("n")
    result = run_cli("play", "--lives", "1", "--type", "choice", "--seed", "9", "--player", "T")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "♥ 1 life left" in out
    assert out.index("✓ Correct!") < out.index("✗ Wrong:")
    assert "Out of lives after 2 questions." in out
    assert "quiz play --seed 9 --lives 1 --type choice" in out


def test_the_lifeline_is_an_entry_of_the_menu(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(types=("choice",)), 1, 5).asked[0]
    reduced = fifty_fifty(asked, 5)
    keys.send_text(DOWN * len(asked.options) + ENTER)  # past the options and the separator
    keys.send_text(right_keys(reduced) + ENTER + "n")
    result = run_cli("play", "--lifeline", "--type", "choice", "--count", "1", "--seed", "5",
                     "--player", "T")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    points = lifeline_points(points_parts(asked.question.difficulty, 1, 0, None).total)
    assert "2 wrong options are gone" in out
    assert re.search(rf"✓ Correct! \+{points:,} = [0-9,]+ - [0-9,]+ for the 50:50", out), out
    after = out.split("2 wrong options are gone", 1)[1].split("Correct!")[0]
    assert not any(o in after for o in asked.options if o not in reduced.options)
