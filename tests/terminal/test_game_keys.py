"""Quick keys and what stays on screen, driven through prompt_toolkit's pipe input: an option's
number or letter picks it, t and f answer, an order shows its picks and Backspace takes one
back; the reveal's header counts the points just won; a game's notices stay on its first screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from prompt_toolkit.input import PipeInput

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.selection import pick
from quiz.terminal import prompts
from quiz.terminal.option_menu import Entry, Kind, OptionMenu
from tests.conftest import run_cli, write_bank

ENTER, BACKSPACE, DOWN = "\r", "\x7f", "\x1b[B"


def test_a_number_key_picks_its_option_at_once(keys: PipeInput) -> None:
    keys.send_text("3")
    assert prompts.choose_one(["Jam", "Ham", "Spam"]).value == "Spam"


def test_options_that_are_numbers_are_picked_by_their_letters(keys: PipeInput) -> None:
    keys.send_text("2b")  # "2" is no key here: the option "2" is b)
    assert prompts.choose_one(["1", "2", "3"]).value == "2"


def test_t_and_f_answer_a_true_false_question(keys: PipeInput) -> None:
    for key, label in (("f", "False"), ("T", "True")):
        keys.send_text(key)
        assert prompts.choose_one(["True", "False"], keys=("t", "f")).value == label


def test_number_keys_tick_a_select_all_and_enter_hands_it_in(keys: PipeInput) -> None:
    keys.send_text("1" + "3" + "2" + "2" + ENTER)  # 2 ticked, then unticked
    assert prompts.choose_many(["A", "B", "C", "D"]).value == ["A", "C"]


def test_an_order_takes_one_key_an_item_and_backspace_takes_one_back(keys: PipeInput) -> None:
    keys.send_text("2" + BACKSPACE + "3" + "1" + "4" + "2")  # the last item comes by itself
    answer = prompts.put_in_order(["A", "B", "C", "D", "E"])
    assert answer.value == ["C", "A", "D", "B", "E"]


def test_an_order_shows_the_picks_made_so_far() -> None:
    menu = OptionMenu("Your answer", [Entry(x, x, str(n)) for n, x in enumerate("ABC", 1)],
                      kind=Kind.ORDER)  # fmt: skip
    menu.state.picked.append(1)
    drawn = "".join(text for _, text, *_ in menu._lines())
    assert "Your order: 1. B" in drawn
    assert "(pick the next: 2 of 3; Backspace takes the last pick back)" in drawn
    assert "2) B" not in drawn
    assert "1) A" in drawn and "3) C" in drawn


def test_menu_lines_wrap_between_words_at_40_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    title = "Who is playing? Type a name for each player, one at a time"
    menu = OptionMenu(title, [Entry("Practice what you missed in earlier games", "p", "1")])
    drawn = "".join(text for _, text, *_ in menu._lines())
    lines = drawn.splitlines()
    assert max(len(line) for line in lines) <= 40
    words = {word for line in lines for word in line.split()}
    assert set(title.split()) <= words
    assert {"earlier", "games"} <= words


def test_the_main_menu_answers_to_number_keys(keys: PipeInput) -> None:
    keys.send_text("2")
    options = [("Play a quiz", "play"), ("Daily challenge", "daily"), ("Quit", "quit")]
    assert prompts.pick("Halpert Quiz", options) == "daily"


def test_the_reveal_header_counts_the_points_just_won(keys: PipeInput) -> None:
    asked = pick(load_bank().questions, Filters(types=("choice",)), 2, 4).asked
    right = [str(a.options.index(a.question.answers[0]) + 1) for a in asked]
    keys.send_text(right[0] + ENTER + right[1] + ENTER + "n")
    result = run_cli("play", "--seed", "4", "--count", "2", "--type", "choice", "--player", "P")
    assert result.exit_code == 0, result.stderr
    screens = result.stdout.split("✓ Correct!")[:2]
    points = re.findall(r"^\s*\+([\d,]+)", result.stdout.split("✓ Correct!")[1], re.M)
    scores = [re.findall(r"Score ([\d,]+)", screen)[-1] for screen in screens]
    assert scores[0] == points[0]  # the header above the first reveal already counts it
    assert int(scores[1].replace(",", "")) > int(scores[0].replace(",", ""))
    progress = [re.findall(r"^(\S+) \d/2", screen, re.M)[-1] for screen in screens]
    assert progress == ["✓○", "✓✓"]


def test_a_shorter_game_says_so_on_its_first_screen(keys: PipeInput, tmp_path: Path) -> None:
    body = "".join(
        f'[[questions]]\nid = "q{n}"\ntopic = "Test"\ndifficulty = "easy"\ntype = "truefalse"\n'
        f'prompt = "Statement number {n} is true."\nanswers = ["true"]\n\n'
        for n in range(2)
    )
    bank = write_bank(tmp_path, "two.toml", body)
    keys.send_text("t" + ENTER + "t" + ENTER + "n")
    args = ("--seed", "1", "--count", "5", "--topic", "Test", "--bank", str(bank))
    result = run_cli("play", *args, "--player", "P")
    assert result.exit_code == 0, result.stderr
    assert "Only 2 questions" not in result.stderr
    first_screen = result.stdout.split("2/2")[0]
    assert "Only 2 questions" in first_screen
    assert first_screen.index("Only") < first_screen.index("1/2")


def test_the_end_of_a_game_not_saved_says_so(keys: PipeInput) -> None:
    keys.send_text("1" + ENTER + "n")
    args = ("--seed", "4", "--count", "1", "--type", "choice", "--player", "P", "--no-save")
    result = run_cli("play", *args)
    assert result.exit_code == 0, result.stderr
    panel = result.stdout[result.stdout.index("Final score") :]
    assert "Not saved: played with --no-save." in panel
    assert "quiz share" not in panel
