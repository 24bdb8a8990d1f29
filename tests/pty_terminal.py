"""The installed `quiz` on a real terminal (a pty), driven key by key with pexpect; what it
draws is replayed into a terminal emulator (pyte), so tests see the screen a player sees."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pexpect
import pyte

from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.selection import pick
from quiz.models import AskedQuestion
from tests.keys import ENTER

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


def seeded_game(seed: int, count: int) -> tuple[AskedQuestion, ...]:
    """The choice questions, in order and with their option order, that `--seed` gives."""
    bank = load_bank(user=False).questions
    return pick(bank, Filters(types=("choice",)), count, seed).asked


def first_line(asked: AskedQuestion) -> str:
    """Enough of the prompt to recognise it before the terminal wraps it."""
    return " ".join(asked.question.prompt.split()[:4])


def play_args(seed: int, count: int, *extra: str) -> list[str]:
    return ["play", "--seed", str(seed), "--count", str(count), "--type", "choice", *extra]
