"""Interactive play driven through prompt_toolkit pipe input: real prompts, real keys (keys
from a pipe are meant, so none is dropped; the pty tests show a terminal's typed-ahead keys
are). Each answer is followed by an Enter for the pause after its reveal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from prompt_toolkit.input import PipeInput
from typer.testing import Result

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.scoring import BASE_POINTS, streak_bonus
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from quiz.terminal import prompts
from tests.conftest import run_cli, write_bank

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


def order_keys(shown: tuple[str, ...], wanted: tuple[str, ...]) -> str:
    """Pick each wanted item among those left, until one is left (it comes last by itself)."""
    left, keys = list(shown), ""
    for item in wanted[:-1]:
        keys += DOWN * left.index(item) + ENTER
        left.remove(item)
    return keys


def right_keys(asked: AskedQuestion) -> str:
    q = asked.question
    if q.type == "text":
        return q.answers[0] + ENTER
    if q.type == "truefalse":
        return (DOWN if q.answers == ("false",) else "") + ENTER
    if q.type == "choice":
        return DOWN * asked.options.index(q.answers[0]) + ENTER
    if q.type == "order":
        return order_keys(asked.options, q.answers)
    return "".join((SPACE if o in q.answers else "") + DOWN for o in asked.options) + ENTER


def test_full_game_answered_right(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(), 5, 21).asked
    assert {a.question.type for a in asked} >= {"choice", "text"}
    keys.send_text("".join(right_keys(a) + ENTER for a in asked) + "n")
    result = run_cli("play", "--seed", "21", "--count", "5", "--player", "Tester")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.count("✓ Correct!") == 5
    total = sum(
        BASE_POINTS[a.question.difficulty] + streak_bonus(n) for n, a in enumerate(asked, start=1)
    )
    assert f"Score        {total:,}" in out
    assert "Correct      5/5" in out
    assert "Review" in out
    assert "Replay this exact quiz:\nquiz play --seed 21 --count 5" in out
    for n, a in enumerate(asked, start=1):
        assert f" {n}/5" in out
        assert a.question.topic in out


def test_wrong_and_skipped_answers(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(types=("choice",)), 2, 4).asked
    wrong = next(i for i, o in enumerate(asked[0].options) if o not in asked[0].question.answers)
    skip = DOWN * len(asked[1].options)  # the cursor passes over the separator
    keys.send_text(DOWN * wrong + ENTER + ENTER + skip + ENTER + ENTER + "n")
    result = run_cli("play", "--seed", "4", "--count", "2", "--type", "choice", "--player", "P")
    assert result.exit_code == 0, result.stderr
    assert "✗ Wrong: no points." in result.stdout
    assert "↷ Skipped: no points." in result.stdout
    assert "Correct      0/2" in result.stdout


def test_name_is_asked_when_not_given(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(), 1, 8).asked
    keys.send_text("\x15[red]Jim[/]" + ENTER + right_keys(asked[0]) + ENTER + "n")
    result = run_cli("play", "--seed", "8", "--count", "1")
    assert result.exit_code == 0, result.stderr
    assert "[red]Jim[/]" in result.stdout


def test_play_again_asks_new_questions(keys: PipeInput) -> None:
    keys.send_text(ENTER * 2 + "y" + ENTER * 2 + "n")
    result = run_cli("play", "--count", "1", "--type", "choice", "--player", "P", "--seed", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Final score") == 2
    prompts = [line for line in result.stdout.splitlines() if line.startswith("● 1/1")]
    assert len(prompts) == 2


def test_ctrl_c_mid_game_exits_130_and_says_so(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(), 3, 6).asked
    keys.send_text(right_keys(asked[0]) + CTRL_C)
    result = run_cli("play", "--seed", "6", "--count", "3", "--player", "P")
    assert result.exit_code == 130
    assert result.stderr == "Quiz aborted; nothing was saved.\n"
    assert "Final score" not in result.stdout


def test_ctrl_c_at_play_again_keeps_the_finished_game(keys: PipeInput) -> None:
    keys.send_text(ENTER * 2 + CTRL_C)
    result = run_cli("play", "--count", "1", "--type", "choice", "--player", "P", "--seed", "3")
    assert result.exit_code == 130
    assert result.stderr == "Quiz ended.\n"
    assert "Final score" in result.stdout
    assert len(json.loads(run_cli("scores", "--json").stdout)) == 1


ORDER_BANK = """
[[questions]]
id = "episode-order"
topic = "Episodes"
difficulty = "hard"
type = "order"
prompt = "Put these episodes in the order they aired."
choices = ["Casino Night", "Hot Girl", "Booze Cruise", "The Fire"]
answers = ["Hot Girl", "The Fire", "Booze Cruise", "Casino Night"]
"""


def order_game(tmp_path: Path, keys: PipeInput, answer: tuple[str, ...]) -> Result:
    bank = write_bank(tmp_path, "order.toml", ORDER_BANK)
    (asked,) = pick(load_bank([bank]).questions, Filters(types=("order",)), 1, 3).asked
    assert asked.options != asked.question.answers, "shown already in the right order"
    keys.send_text(order_keys(asked.options, answer) + ENTER + "n")
    args = ("--seed", "3", "--count", "1", "--type", "order", "--bank", str(bank))
    return run_cli("play", *args, "--player", "P")


def test_an_order_question_is_answered_item_by_item(tmp_path: Path, keys: PipeInput) -> None:
    result = order_game(tmp_path, keys, ("Hot Girl", "The Fire", "Booze Cruise", "Casino Night"))
    assert result.exit_code == 0, result.stderr
    assert "✓ Correct! +1,500 points" in result.stdout
    scores = json.loads(run_cli("scores", "--json").stdout)
    assert [s["correct"] for s in scores] == [1]


def test_an_order_question_is_all_or_nothing(
    tmp_path: Path, keys: PipeInput, quiz_home: Path
) -> None:
    result = order_game(tmp_path, keys, ("Hot Girl", "The Fire", "Casino Night", "Booze Cruise"))
    assert result.exit_code == 0, result.stderr
    reveal = [line.strip() for line in result.stdout.splitlines()]
    assert "✓ 1. Hot Girl     your order" in reveal
    assert "✗ 3. Booze Cruise you put it 4th" in reveal
    assert "✗ Wrong: no points." in reveal
    with sqlite3.connect(quiz_home / "scores.db") as db:
        stored = db.execute("SELECT question_id, given, correct FROM answers").fetchall()
    # The player's order, one item a line, as anyone reading the file would want it.
    assert stored == [("episode-order", "Hot Girl\nThe Fire\nCasino Night\nBooze Cruise", 0)]


def test_put_in_order_offers_only_the_items_left(keys: PipeInput) -> None:
    # Down at the last of three items stays on it: the second step lists two items only.
    keys.send_text(DOWN + DOWN + ENTER + DOWN + DOWN + DOWN + ENTER)
    assert prompts.put_in_order(["A", "B", "C"]).value == ["C", "B", "A"]


def test_put_in_order_skips_from_the_first_step(keys: PipeInput) -> None:
    keys.send_text(DOWN * 3 + ENTER)  # past the separator to "(skip this question)"
    assert prompts.put_in_order(["A", "B", "C"]).value == []


def test_put_in_order_times_out_as_a_whole(keys: PipeInput) -> None:
    keys.send_text(ENTER)  # one item picked, then the clock runs out on the second step
    answer = prompts.put_in_order(["A", "B", "C"], time_limit=0.5)
    assert answer.value is prompts.TIMED_OUT


def bar_text(left: float, limit: float) -> str:
    return "".join(fragment[1] for fragment in prompts.countdown_bar(left, limit))


def test_countdown_bar_shrinks_and_says_the_seconds_left() -> None:
    full, half, last = bar_text(20, 20), bar_text(10, 20), bar_text(0.4, 20)
    assert full == "⏱ " + "█" * 20 + "  20 s"
    assert half == "⏱ " + "█" * 10 + "░" * 10 + "  10 s"
    assert last == "⏱ " + "█" + "░" * 19 + "   1 s"


def test_countdown_colour_only_repeats_what_the_bar_shows() -> None:
    calm = prompts.countdown_bar(15, 20)[1][0]
    urgent = prompts.countdown_bar(4, 20)[1][0]
    assert "green" in calm and "red" in urgent
