"""The installed `quiz` on a real terminal (a pty), driven key by key with pexpect; what it
draws is replayed into a terminal emulator (pyte), so tests see the screen a player sees."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pexpect
import pyte
import pytest

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.scoring import points_parts
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from quiz.scores.recorder import login_name
from tests.conftest import installed_quiz, run_cli

DOWN, ENTER, CTRL_C, CTRL_U = "\x1b[B", "\r", "\x03", "\x15"
NEXT = "Press Enter for the next question"
RESULTS = "Press Enter for your results"
PROMPT = "Your answer"  # drawn once the prompt reads keys; keys sent earlier are dropped


@dataclass
class Terminal:
    """One `quiz` process on a pty, with everything it printed kept and replayed on a screen."""

    child: Any
    log: io.StringIO
    columns: int
    lines: int
    fed: int = 0
    emulator: Any = field(init=False)
    stream: Any = field(init=False)

    def __post_init__(self) -> None:
        self.emulator = pyte.HistoryScreen(self.columns, self.lines, history=1000)
        self.stream = pyte.Stream(self.emulator)

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def expect_on_screen(self, text: str, wait: float = 20.0) -> None:
        """Read output until `text` is on the screen (prompt_toolkit redraws only what changed,
        so a changed line need not be in the output whole)."""
        deadline = time.monotonic() + wait
        while text not in "\n".join(self.display()):
            assert time.monotonic() < deadline, f"{text!r} not on screen: {self.display()}"
            with contextlib.suppress(pexpect.TIMEOUT):
                self.child.read_nonblocking(4096, timeout=0.1)

    def answer_last_question(self, keys: str = ENTER) -> None:
        """Once the last question's prompt shows, answer it with `keys`, then on to "Play again?"."""
        self.expect(PROMPT)
        self.send(keys)
        self.expect(RESULTS)
        self.send(ENTER)
        self.expect("Play again?")

    def display(self) -> list[str]:
        """The screen as it stands now, one string a row, trailing spaces removed."""
        text = self.log.getvalue()
        self.stream.feed(text[self.fed :])
        self.fed = len(text)
        return [row.rstrip() for row in self.emulator.display]

    def scrollback(self) -> list[str]:
        self.display()
        return ["".join(c.data for c in row.values()).rstrip() for row in self.emulator.history.top]

    @property
    def screen(self) -> str:
        """Everything printed as a reader sees it: no escape sequences, no carriage returns."""
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", self.log.getvalue()).replace("\r", "")

    def exit_status(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        assert isinstance(status, int), f"quiz was killed by signal {self.child.signalstatus}"
        return status


Spawn = Callable[..., Terminal]


@pytest.fixture
def run_quiz(quiz_home: Path) -> Iterator[Spawn]:
    """Start the installed `quiz` with the given arguments on a fresh pty (24x100 unless told)."""
    started: list[Terminal] = []

    def spawn(*args: str, size: tuple[int, int] = (24, 100), color: bool = False) -> Terminal:
        env = os.environ.copy()
        env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", QUIZ_HOME=str(quiz_home))
        env.pop("NO_COLOR", None)
        if not color:
            env["NO_COLOR"] = "1"
        env.pop("COLUMNS", None)
        log = io.StringIO()
        child = pexpect.spawn(
            installed_quiz(),
            list(args),
            env=env,
            cwd=str(quiz_home.parent),
            dimensions=size,
            timeout=20,
            encoding="utf-8",
        )
        child.logfile_read = log
        started.append(Terminal(child, log, columns=size[1], lines=size[0]))
        return started[-1]

    yield spawn
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.close(force=True)


def seeded_game(seed: int, count: int) -> tuple[AskedQuestion, ...]:
    """The choice questions, in order and with their option order, that `--seed` gives."""
    bank = load_bank(user=False).questions
    return pick(bank, Filters(types=("choice",)), count, seed).asked


def keys_for(asked: AskedQuestion, option: str) -> str:
    """Arrow down to `option`, then Enter."""
    return DOWN * asked.options.index(option) + ENTER


def right_answer_keys(asked: AskedQuestion) -> str:
    return keys_for(asked, asked.question.answers[0])


def wrong_option(asked: AskedQuestion) -> str:
    """A wrong option that is not the first one (the one a stray Enter would pick)."""
    return next(o for o in asked.options[1:] if o not in asked.question.answers)


def first_line(asked: AskedQuestion) -> str:
    """Enough of the prompt to recognise it before the terminal wraps it."""
    return " ".join(asked.question.prompt.split()[:4])


def play_args(seed: int, count: int, *extra: str) -> list[str]:
    return ["play", "--seed", str(seed), "--count", str(count), "--type", "choice", *extra]


def test_seeded_game_answered_right_reveals_each_answer_and_its_points(run_quiz: Spawn) -> None:
    game = seeded_game(11, 4)
    parts = [points_parts(a.question.difficulty, n, 0.0, None) for n, a in enumerate(game, 1)]
    quiz = run_quiz(*play_args(11, 4, "--player", "Tester"))
    for number, (asked, earned) in enumerate(zip(game, parts, strict=True), start=1):
        quiz.expect(f"{number}/4")
        quiz.expect(first_line(asked))
        quiz.expect(PROMPT)
        quiz.send(right_answer_keys(asked))
        quiz.expect(NEXT if number < 4 else RESULTS)
        screen = quiz.display()
        # The reveal's header: this answer's mark in the progress row, its points in the score.
        assert screen[0].startswith("✓" * number + "○" * (4 - number) + f" {number}/4")
        score = sum(p.total for p in parts[:number])
        assert screen[0].endswith(f"Score {score:,}"), screen
        assert f"✓ {asked.question.answers[0]}" in "\n".join(screen)
        assert "your answer" in "\n".join(screen)
        bonus = f" = {earned.base:,} + {earned.streak} streak" if earned.streak else " points"
        assert f"✓ Correct! +{earned.total:,}{bonus}" in screen, screen
        quiz.send(ENTER)
    quiz.expect("Play again?")
    final = "\n".join(quiz.display())
    total = sum(p.total for p in parts)
    assert re.search(rf"│ Score\s+{re.escape(f'{total:,}')}\s", final), final
    assert re.search(r"│ Correct\s+4/4\s", final)
    assert re.search(r"│ Player\s+Tester\s", final)
    assert "quiz play --seed 11 --count 4 --type choice" in final
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert "Traceback" not in quiz.screen


def test_a_fast_double_enter_never_answers_the_next_question(run_quiz: Spawn) -> None:
    first, second = seeded_game(3, 2)
    quiz = run_quiz(*play_args(3, 2, "--player", "Tester"))
    quiz.expect(first_line(first))
    quiz.expect(PROMPT)
    quiz.send(right_answer_keys(first) + ENTER + ENTER)  # answer, then two Enters at once
    quiz.expect(NEXT)
    quiz.send(ENTER)
    quiz.expect(first_line(second))
    quiz.expect(PROMPT)
    pick = wrong_option(second)
    quiz.send(keys_for(second, pick))
    quiz.expect(RESULTS)
    screen = "\n".join(quiz.display())
    assert re.search(rf"✗ {re.escape(pick)}\s+your answer", screen), screen
    assert re.search(rf"✓ {re.escape(second.question.answers[0])}\s+right answer", screen)
    assert "2/2" in screen and "Score" in screen
    quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_each_question_has_a_screen_of_its_own(run_quiz: Spawn) -> None:
    first, second = seeded_game(5, 2)
    quiz = run_quiz(*play_args(5, 2, "--player", "Tester"))
    quiz.expect(first_line(first))
    quiz.expect(PROMPT)
    quiz.send(ENTER)
    quiz.expect(NEXT)
    quiz.send(ENTER)
    quiz.expect(first_line(second))
    quiz.expect(PROMPT)
    screen = "\n".join(quiz.display())
    assert first.question.prompt[:20] not in screen
    assert "2/2" in screen
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130


@pytest.mark.parametrize("columns", [40, 80])
def test_end_screen_keeps_the_result_panel_on_a_35_line_screen(
    run_quiz: Spawn, columns: int
) -> None:
    quiz = run_quiz(*play_args(8, 10, "--player", "Tester"), size=(35, columns))
    for number in range(1, 11):
        quiz.expect(f"{number}/10")
        quiz.expect(PROMPT)
        quiz.send(ENTER)  # the first option, right or wrong
        quiz.expect(NEXT if number < 10 else RESULTS)
        quiz.send(ENTER)
    quiz.expect("Play again?")
    screen = quiz.display()
    # The review shows every answer whole: at 40 columns it may start above the screen, but
    # the result panel, the replay line and the question are on it.
    rows = quiz.scrollback() + screen
    text = "\n".join(rows)
    start = max(i for i, row in enumerate(rows) if row == "Review")
    order = ["Review", "★1", "╭─ Final score", "│ Score", "Replay this exact quiz:", "Play again?"]
    positions = [
        next(i for i, row in enumerate(rows) if i >= start and mark in row) for mark in order
    ]
    assert positions == sorted(positions), text
    on_screen = "\n".join(screen)
    assert all(mark in on_screen for mark in order[2:]), on_screen
    review = rows[start + 1 : positions[1]]
    assert sum(row[:1] in "✓✗" and row[1:2] == " " for row in review if row) == 10, text
    assert "quiz play --seed 8 --count 10 --type choice" in text.replace(" \\\n  ", " ")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_no_word_is_cut_at_40_columns(run_quiz: Spawn) -> None:
    game = seeded_game(13, 3)
    quiz = run_quiz(*play_args(13, 3, "--player", "Tester"), size=(40, 40))
    for asked in game:
        quiz.expect(PROMPT)
        quiz.expect("(skip this question)")  # the last line of the menu: all of it is drawn
        words = {w for row in quiz.display() for w in row.split()}
        assert set(asked.question.prompt.split()) <= words, quiz.display()
        assert all(set(o.split()) <= words for o in asked.options), quiz.display()
        quiz.send(ENTER)
        quiz.expect(NEXT if asked is not game[-1] else RESULTS)
        words = {w for row in quiz.display() for w in row.split()}
        assert set(asked.question.explanation.split()) <= words, quiz.display()
        quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_timed_out_question_leaves_no_countdown_behind(run_quiz: Spawn) -> None:
    asked = seeded_game(4, 1)[0]
    quiz = run_quiz(*play_args(4, 1, "--player", "Tester", "--time-limit", "5"), color=True)
    quiz.expect(first_line(asked))
    quiz.expect(PROMPT)
    quiz.expect("█")
    assert any(row.startswith("⏱ █") for row in quiz.display())
    quiz.expect("Time's up")
    quiz.expect(RESULTS)
    rows = quiz.display() + quiz.scrollback()
    assert not any("█" in row or "░" in row for row in rows), rows
    assert "⏱ Time's up: no points." in rows
    quiz.send(ENTER)
    quiz.expect("Play again?")
    assert any(row.startswith("⏱ 1.") for row in quiz.display())
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_ctrl_c_mid_game_aborts_with_130(run_quiz: Spawn) -> None:
    asked = seeded_game(11, 4)[0]
    quiz = run_quiz(*play_args(11, 4, "--player", "Tester"))
    quiz.expect(first_line(asked))
    quiz.expect(PROMPT)
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130
    assert "Final score" not in quiz.screen
    assert "Traceback" not in quiz.screen


def test_ctrl_c_at_the_pause_aborts_too(run_quiz: Spawn) -> None:
    asked = seeded_game(11, 4)[0]
    quiz = run_quiz(*play_args(11, 4, "--player", "Tester"))
    quiz.expect(first_line(asked))
    quiz.expect(PROMPT)
    quiz.send(ENTER)
    quiz.expect(NEXT)
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130


def test_name_prompt_takes_a_name_with_brackets_literally(run_quiz: Spawn) -> None:
    asked = seeded_game(11, 1)[0]
    quiz = run_quiz(*play_args(11, 1))
    quiz.expect("Your name:")
    quiz.expect(login_name())
    quiz.send(CTRL_U + "[red]Jim[/]" + ENTER)
    quiz.expect(first_line(asked))
    quiz.answer_last_question(right_answer_keys(asked))
    assert re.search(r"│ Player\s+\[red\]Jim\[/\]\s", "\n".join(quiz.display()))
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_play_again_starts_a_new_game_with_new_questions(run_quiz: Spawn) -> None:
    quiz = run_quiz(*play_args(2, 1, "--player", "Tester"))
    for again in ("y", "n"):
        quiz.expect("1/1")
        quiz.answer_last_question()
        quiz.send(again)
    assert quiz.exit_status() == 0
    assert quiz.screen.count("Final score") == 2


def test_ctrl_c_at_play_again_keeps_the_finished_game(run_quiz: Spawn) -> None:
    quiz = run_quiz(*play_args(3, 1, "--player", "Tester"))
    quiz.answer_last_question()
    quiz.send(CTRL_C)
    quiz.expect("Quiz ended.")
    assert quiz.exit_status() == 130
    again = run_quiz("scores")
    again.expect("Tester")
    assert again.exit_status() == 0


def test_name_prompt_defaults_to_the_last_player(run_quiz: Spawn) -> None:
    first = run_quiz(*play_args(3, 1, "--player", "Kevin"))
    first.answer_last_question()
    first.send("n")
    assert first.exit_status() == 0
    quiz = run_quiz(*play_args(4, 1))
    quiz.expect("Your name:")
    quiz.expect("Kevin")
    quiz.send(ENTER)
    quiz.answer_last_question()
    assert re.search(r"│ Player\s+Kevin\s", "\n".join(quiz.display()))
    quiz.send("n")
    assert quiz.exit_status() == 0


def test_quiz_alone_opens_the_main_menu(run_quiz: Spawn) -> None:
    quiz = run_quiz()
    quiz.expect("Halpert Quiz")
    quiz.expect("Quit")
    menu = "\n".join(quiz.display())
    entries = ["Play a quiz", "Daily challenge", "Practice", "Party", "Host a live game",
               "Join a live game", "High scores", "Stats", "Add a question", "Quit"]  # fmt: skip
    rows = [row for row in quiz.display() if row.strip()]
    assert [next(e for e in entries if e in row) for row in rows[1:]] == entries, menu
    quiz.send(DOWN * 6 + ENTER)  # High scores
    quiz.expect("No games yet")
    quiz.expect("Press Enter to return to the menu")
    quiz.send("x")  # nothing but Enter goes back: what the command showed stays to be read
    assert "No games yet" in "\n".join(quiz.display())
    quiz.send(ENTER)
    quiz.expect("Halpert Quiz")
    quiz.expect("Quit")
    quiz.send("8")  # its number picks Quit at once
    assert quiz.exit_status() == 0


def test_menu_plays_a_game_and_comes_back(run_quiz: Spawn) -> None:
    quiz = run_quiz()
    quiz.expect("Play a quiz")
    quiz.send(ENTER)
    quiz.expect("Your name:")
    quiz.send(CTRL_U + "Menu" + ENTER)
    quiz.expect("1/10")
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130


def test_an_order_question_on_a_real_terminal(run_quiz: Spawn, quiz_home: Path) -> None:
    bank = quiz_home / "bank" / "user.toml"
    bank.parent.mkdir(parents=True)
    bank.write_text(
        '[[questions]]\nid = "aired"\ntopic = "Episodes"\ndifficulty = "easy"\ntype = "order"\n'
        'prompt = "Put these in the order they aired."\n'
        'choices = ["Casino Night", "Hot Girl", "The Fire"]\n'
        'answers = ["Hot Girl", "The Fire", "Casino Night"]\n',
        encoding="utf-8",
    )
    only_mine = Filters(topics=("Episodes",), types=("order",))
    (asked,) = pick(load_bank().questions, only_mine, 1, 2).asked
    quiz = run_quiz(
        "play", "--seed", "2", "--topic", "Episodes", "--type", "order", "--player", "T"
    )
    quiz.expect("Put these in the order they aired.")
    left = list(asked.options)
    for number, item in enumerate(asked.question.answers[:-1], start=1):
        quiz.expect_on_screen(f": {number} of 3;" if number > 1 else "(pick the first)")
        quiz.send(DOWN * left.index(item) + ENTER)
        left.remove(item)
    quiz.expect(RESULTS)
    screen = quiz.display()
    assert "✓ Correct! +500 points" in screen, screen
    assert any(row.strip().startswith("✓ 1. Hot Girl") for row in screen), screen
    quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert "Traceback" not in quiz.screen


def test_ctrl_d_at_play_again_ends_and_keeps_the_game(run_quiz: Spawn, quiz_home: Path) -> None:
    quiz = run_quiz("play", "--seed", "3", "--count", "1", "--type", "truefalse", "--player", "D")
    quiz.answer_last_question()
    quiz.send("\x04")
    assert quiz.exit_status() == 0
    assert "nothing was saved" not in quiz.screen
    saved = run_cli("scores", "--json")
    assert [g["player"] for g in json.loads(saved.stdout)] == ["D"]
