"""`quiz party`, survival and the 50:50 through the installed command, in plain mode."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.lifeline import fifty_fifty
from quiz.engine.party import plan_party
from quiz.engine.scoring import lifeline_points, points_parts
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from tests.conftest import installed_quiz, run_cli
from tests.terminal.test_plain import right_line

PLAYERS = ("Ann", "Bob", "[red]Cy")


def quiz(*args: str, stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_quiz(), *args],
        input=stdin,
        cwd=cwd,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_party_of_three_plays_to_the_podium(tmp_path: Path) -> None:
    plan = plan_party(load_bank().questions, Filters(), 3, 3, seed=8)
    lines, expected = [], dict.fromkeys(PLAYERS, 0)
    for r in range(plan.rounds):
        for p, name in enumerate(PLAYERS):
            asked = plan.questions[p][r]
            if name == "Bob":
                lines.append("")  # Bob skips every question
            else:
                lines.append(right_line(asked))
                expected[name] += points_parts(asked.question.difficulty, r + 1, 0.0, None).total
    args = ["party", "--seed", "8", "--rounds", "3"]
    for name in PLAYERS:
        args += ["--player", name]
    result = quiz(*args, stdin="\n".join(lines) + "\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    headers = re.findall(r"^Question (\d)/3 \[[^]]+, (\w+)\] for (.+)$", out, re.M)
    assert [(int(k), name) for k, _, name in headers] == [
        (r + 1, name) for r in range(3) for name in PLAYERS
    ]
    assert [d for _, d, _ in headers] == [d for d in plan.difficulties for _ in PLAYERS]
    assert out.count("Standings after round") == 2
    assert re.findall(r"^(Correct|Skipped)", out, re.M).count("Skipped") == 3
    ann, cy = expected["Ann"], expected["[red]Cy"]
    assert ann == cy > 0
    podium = out.split("Podium:\n", 1)[1]
    assert podium.startswith(
        f"1st Ann: {ann} (3/3 correct)\n1st [red]Cy: {cy} (3/3 correct)\n3rd Bob: 0 (0/3 correct)\n"
    )
    assert f"Final score: {ann} (3/3 correct) for Ann" in out
    assert "Final score: 0 (0/3 correct) for Bob" in out
    party_id = re.search(r"Saved as party (\w+): quiz scores --party \1", out)
    assert party_id, out
    assert "quiz party --player Ann --player Bob --player '[red]Cy' --rounds 3 --seed 8" in out

    board = json.loads(run_cli("scores", "--party", "last", "--json").stdout)
    assert [(g["rank"], g["player"], g["score"]) for g in board] == [
        (1, "Ann", ann),
        (1, "[red]Cy", cy),
        (3, "Bob", 0),
    ]
    assert json.loads(run_cli("scores", "--party", party_id[1], "--json").stdout) == board
    assert json.loads(run_cli("scores", "--json").stdout) == []  # the normal board stays apart
    table = run_cli("scores", "--party", "last").stdout
    assert f"Party {party_id[1]}" in table and "[red]Cy" in table


def test_party_refuses_bad_players(tmp_path: Path) -> None:
    for players, message in [
        (["Ann"], "a party needs 2 to 8 players: give each with --player NAME"),
        (["Ann", "ANN"], "Ann is already playing (names are compared ignoring case)"),
        ([f"P{n}" for n in range(9)], "a party needs 2 to 8 players, not 9"),
    ]:
        args = [arg for name in players for arg in ("--player", name)]
        result = quiz("party", *args, stdin="", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == f"Error: {message} (see 'quiz party --help')\n"


def test_a_bank_too_small_for_the_rounds_plays_fewer_with_a_notice(tmp_path: Path) -> None:
    args = ["party", "--player", "A", "--player", "B", "--topic", "katy", "--difficulty", "hard"]
    result = quiz(*args, "--rounds", "5", "--no-save", stdin="\n" * 4, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Only enough questions for 2 rounds of 2 players" in result.stderr
    assert len(re.findall(r"^Question \d/2 .* for A$", result.stdout, re.M)) == 2


def test_input_ending_mid_party_saves_nothing(tmp_path: Path, quiz_home: Path) -> None:
    result = quiz("party", "--player", "A", "--player", "B", stdin="\n\n\n", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "Error: input ended before the party was over; nothing was saved\n"
    assert not (quiz_home / "scores.db").exists()


def survival_game(seed: int) -> tuple[AskedQuestion, ...]:
    pool = Filters(types=("choice",))
    return pick(load_bank().questions, pool, len(pool.apply(load_bank().questions)), seed).asked


def test_survival_ends_at_the_last_life_and_ranks_apart(tmp_path: Path) -> None:
    asked = survival_game(4)
    # right, wrong, right, skip: two lives gone, so the fourth answer ends the game.
    wrong = next(
        str(n) for n, o in enumerate(asked[1].options, 1) if o != asked[1].question.answers[0]
    )
    stdin = f"{right_line(asked[0])}\n{wrong}\n{right_line(asked[2])}\n\n{right_line(asked[4])}\n"
    result = quiz(
        "play", "--lives", "2", "--type", "choice", "--seed", "4", stdin=stdin, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    total = len(asked)
    headers = re.findall(
        rf"^Question (\d+)/{total} \[.+\] \((\d) (?:lives|life) left\)$", result.stdout, re.M
    )
    assert headers == [("1", "2"), ("2", "2"), ("3", "1"), ("4", "1")]
    score = (
        points_parts(asked[0].question.difficulty, 1, 0, None).total
        + points_parts(asked[2].question.difficulty, 1, 0, None).total
    )
    assert "Out of lives after 4 questions." in result.stdout
    assert f"Final score: {score:,} (2/4 correct)" in result.stdout.splitlines()
    assert json.loads(run_cli("scores", "--json").stdout) == []
    lives_board = json.loads(run_cli("scores", "--mode", "lives", "--json").stdout)
    assert [(g["score"], g["total"]) for g in lives_board] == [(score, 4)]


def test_count_and_lives_do_not_go_together(tmp_path: Path) -> None:
    result = quiz("play", "--lives", "2", "--count", "3", stdin="", cwd=tmp_path)
    assert result.returncode == 2
    assert "--count and --lives do not go together" in result.stderr


def test_the_plain_lifeline_halves_one_question(tmp_path: Path) -> None:
    asked = pick(load_bank().questions, Filters(types=("choice",)), 2, 6).asked
    reduced = fifty_fifty(asked[0], 6)
    stdin = f"50\n50\n{right_line(reduced)}\n50\n{right_line(asked[1])}\n"
    args = ["play", "--type", "choice", "--count", "2", "--seed", "6", "--lifeline", "--no-save"]
    result = quiz(*args, stdin=stdin, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Type 50 for your 50:50.") == 1
    assert "50:50: 2 wrong options are gone; a right answer now scores half." in out
    after = out.split("a right answer now scores half.\n", 1)[1]
    assert after.startswith("\n".join(f"{n}) {o}" for n, o in enumerate(reduced.options, 1)))
    assert out.count("You have used your 50:50 in this game. Try again.") == 2
    first = lifeline_points(points_parts(asked[0].question.difficulty, 1, 0, None).total)
    second = points_parts(asked[1].question.difficulty, 2, 0, None).total
    parts = points_parts(asked[0].question.difficulty, 1, 0, None, lifeline=True)
    assert parts.total == first
    cut = f"{parts.base:,} - {-parts.lifeline:,} for the 50:50"
    assert f"Correct! +{first:,} points ({cut}). Streak: 1." in out
    assert out.rstrip().endswith(f"Final score: {first + second:,} (2/2 correct)")


def test_50_on_a_question_without_a_lifeline_re_asks_with_a_hint(tmp_path: Path) -> None:
    asked = pick(load_bank().questions, Filters(types=("truefalse",)), 1, 2).asked[0]
    args = ["play", "--type", "truefalse", "--count", "1", "--seed", "2", "--lifeline"]
    result = quiz(*args, stdin=f"50\n{right_line(asked)}\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "The 50:50 works only on a choice question with 4 or more options. Try again."
        in result.stdout
    )
    assert "(1/1 correct)" in result.stdout


def test_scores_party_errors_are_one_line(tmp_path: Path) -> None:
    result = run_cli("scores", "--party", "last")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: no party has been saved yet: run quiz party (see 'quiz scores --help')\n",
    )
    result = run_cli("scores", "--party", "nope")
    assert result.stderr.startswith("Error: no party 'nope' in the scores (try --party last)")
    result = run_cli("scores", "--party", "last", "--mode", "lives")
    assert result.exit_code == 2
    assert "does not go with --mode lives" in result.stderr
    assert run_cli("scores", "--mode", "party").stdout == "No party games yet: run quiz party\n"


def test_50_is_the_option_when_an_option_reads_50(tmp_path: Path) -> None:
    bank = tmp_path / "half.toml"
    bank.write_text(
        '[[questions]]\nid = "half-percent"\ntopic = "Fifty"\ndifficulty = "easy"\n'
        'type = "choice"\nprompt = "What percent is half?"\n'
        'choices = ["25", "50", "75", "100"]\nanswers = ["50"]\n',
        encoding="utf-8",
    )
    args = ["play", "--bank", str(bank), "--topic", "fifty", "--lifeline", "--no-save"]
    typed_50 = quiz(*args, stdin="50\n", cwd=tmp_path)
    assert "Type 50:50 for your 50:50." in typed_50.stdout
    assert "Correct! +500 points. Streak: 1.\n" in typed_50.stdout  # the option, at full points
    helped = quiz(*args, stdin="50:50\n50\n", cwd=tmp_path)
    assert "50:50: 2 wrong options are gone" in helped.stdout
    assert "Correct! +250 points (500 - 250 for the 50:50). Streak: 1." in helped.stdout
