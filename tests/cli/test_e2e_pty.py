"""The installed `quiz play` on a real terminal (a pty), driven key by key with pexpect."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pexpect
import pytest

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.scoring import points_for
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from quiz.scores.recorder import login_name
from tests.conftest import installed_quiz, run_cli

DOWN, ENTER, CTRL_C, CTRL_U = "\x1b[B", "\r", "\x03", "\x15"
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Terminal:
    """One `quiz` process on a 24x100 pty, with everything it printed kept."""

    child: Any
    log: io.StringIO

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    @property
    def screen(self) -> str:
        """All output so far as a reader sees it: no escape sequences, no carriage returns."""
        return ESCAPES.sub("", self.log.getvalue()).replace("\r", "")

    def exit_status(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        assert isinstance(status, int), f"quiz was killed by signal {self.child.signalstatus}"
        return status


Spawn = Callable[..., Terminal]


@pytest.fixture
def run_quiz(quiz_home: Path) -> Iterator[Spawn]:
    """Start the installed `quiz` with the given arguments on a fresh pty."""
    env = os.environ.copy()
    env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", QUIZ_HOME=str(quiz_home), NO_COLOR="1")
    started: list[Terminal] = []

    def spawn(*args: str) -> Terminal:
        log = io.StringIO()
        child = pexpect.spawn(
            installed_quiz(),
            list(args),
            env=env,
            cwd=str(quiz_home.parent),
            dimensions=(24, 100),
            timeout=15,
            encoding="utf-8",
        )
        child.logfile_read = log
        started.append(Terminal(child, log))
        return started[-1]

    yield spawn
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.close(force=True)


def seeded_game(seed: int, count: int) -> tuple[AskedQuestion, ...]:
    """The choice questions, in order and with their option order, that `--seed` gives."""
    bank = load_bank(user=False).questions
    return pick(bank, Filters(types=("choice",)), count, seed).asked


def right_answer_keys(asked: AskedQuestion) -> str:
    """Arrow down to the right option, then Enter."""
    return DOWN * asked.options.index(asked.question.answers[0]) + ENTER


def first_line(asked: AskedQuestion) -> str:
    """Enough of the prompt to recognise it before the terminal wraps it."""
    return asked.question.prompt[:60]


def test_seeded_game_answered_right_scores_by_the_rules(run_quiz: Spawn) -> None:
    game = seeded_game(11, 4)
    points = [points_for(a.question.difficulty, n, 0.0, None) for n, a in enumerate(game, 1)]
    quiz = run_quiz(
        "play", "--seed", "11", "--count", "4", "--player", "Tester", "--type", "choice"
    )
    for number, asked in enumerate(game, start=1):
        quiz.expect(f"Question {number} of 4")
        quiz.expect(first_line(asked))
        quiz.send(right_answer_keys(asked))
        quiz.expect("✓ Correct!")
    quiz.expect("Final score")
    quiz.expect("Review")
    quiz.expect("Play again?")
    screen = quiz.screen
    for asked, earned in zip(game, points, strict=True):
        assert f"✓ Correct! +{earned:,} points" in screen
        review = " ".join(screen.split("Review", 1)[1].split())
        assert " ".join(asked.question.answers[0].split()[:3]) in review
    assert re.search(rf"│ Score\s+{re.escape(f'{sum(points):,}')}\s", screen), screen
    assert re.search(r"│ Correct\s+4/4\s", screen)
    assert re.search(r"│ Player\s+Tester\s", screen)
    assert "quiz play --seed 11 --count 4 --type choice" in screen
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert "Traceback" not in quiz.screen


def test_ctrl_c_mid_game_aborts_with_130(run_quiz: Spawn) -> None:
    asked = seeded_game(11, 4)[0]
    quiz = run_quiz(
        "play", "--seed", "11", "--count", "4", "--player", "Tester", "--type", "choice"
    )
    quiz.expect(first_line(asked))
    quiz.send(CTRL_C)
    quiz.expect("Quiz aborted")
    assert quiz.exit_status() == 130
    assert "Final score" not in quiz.screen
    assert "Traceback" not in quiz.screen


def test_name_prompt_takes_a_name_with_brackets_literally(run_quiz: Spawn) -> None:
    asked = seeded_game(11, 1)[0]
    quiz = run_quiz("play", "--seed", "11", "--count", "1", "--type", "choice")
    quiz.expect("Your name:")
    quiz.expect(login_name())
    quiz.send(CTRL_U + "[red]Jim[/]" + ENTER)
    quiz.expect(first_line(asked))
    quiz.send(right_answer_keys(asked))
    quiz.expect("Final score")
    quiz.expect("Play again?")
    assert re.search(r"│ Player\s+\[red\]Jim\[/\]\s", quiz.screen), quiz.screen
    quiz.send("n")
    assert quiz.exit_status() == 0


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
        if number > 1:
            quiz.expect(f"Then ({number} of 3):")
        quiz.send(DOWN * left.index(item) + ENTER)
        left.remove(item)
    quiz.expect("Play again?")
    assert "✓ Correct! +500 points" in quiz.screen, quiz.screen
    quiz.send("n")
    assert quiz.exit_status() == 0
    assert "Traceback" not in quiz.screen


def test_ctrl_d_at_play_again_ends_and_keeps_the_game(run_quiz: Spawn, quiz_home: Path) -> None:
    quiz = run_quiz("play", "--seed", "3", "--count", "1", "--type", "truefalse", "--player", "D")
    quiz.expect("(skip this question)")
    quiz.send(ENTER)
    quiz.expect("Play again?")
    quiz.send("\x04")
    assert quiz.exit_status() == 0
    assert "nothing was saved" not in quiz.screen
    saved = run_cli("scores", "--json")
    assert [g["player"] for g in json.loads(saved.stdout)] == ["D"]
