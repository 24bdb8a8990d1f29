"""The installed `quiz` in subprocesses: a host and players that answer as a script would."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import installed_quiz

OPTION = re.compile(r"^([1-6a-f])\) ")
JOIN = re.compile(r"^Join with: quiz join 127\.0\.0\.1:(\d+) (\w+)$")


class Quiz:
    """One `quiz` process whose stdout lines are read as they come."""

    def __init__(self, *args: str, home: Path) -> None:
        env = os.environ | {"QUIZ_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1"}
        self.proc = subprocess.Popen(
            [installed_quiz(), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._new.put(line.rstrip("\n"))
        self._new.put(None)

    def wait_for(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        """The first line from now on that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while True:
            line = self._new.get(timeout=max(deadline - time.monotonic(), 0.01))
            if line is None:
                raise AssertionError(f"ended before {pattern!r}: {self.lines} {self.stderr()}")
            found = re.search(pattern, line)
            if found:
                return found

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 60) -> int:
        code = self.proc.wait(timeout)
        return code

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        return self.proc.stderr.read()


def host(home: Path, *args: str) -> tuple[Quiz, str, str]:
    """A plain host on 127.0.0.1; it, its port and its code."""
    quiz = Quiz("host", "--bind", "127.0.0.1", "--plain", *args, home=home)
    found = quiz.wait_for(JOIN.pattern)
    return quiz, found[1], found[2]


def answer_for(lines: list[str], style: int) -> str:
    """A response to the question whose lines end `lines`: `style` 0 picks first options and
    `true`, 1 picks second ones and `false`, 2 skips."""
    hint = lines[-1]
    start = max(n for n, line in enumerate(lines) if line.startswith("Question "))
    options = [m[1] for line in lines[start:] if (m := OPTION.match(line))]
    if style == 2:
        return ""
    if "true or false" in hint:
        return ("true", "false")[style]
    if "every number once" in hint or "every letter once" in hint:
        return ",".join(options if style == 0 else reversed(options))
    if options:
        return options[style]
    return ("Halpert", "Beesly")[style]


class Bot(Quiz):
    """A plain player that answers every question it is asked in its style."""

    def __init__(self, port: str, code: str, name: str, home: Path, style: int) -> None:
        super().__init__("join", f"127.0.0.1:{port}", code, "--player", name, "--plain", home=home)
        self.style = style
        self.on_question: Callable[[str], None] = lambda header: None

    def play(self) -> None:
        """Answer until the game ends (call in a thread)."""
        seen = 0
        while self.proc.poll() is None or seen < len(self.lines):
            time.sleep(0.02)
            while seen < len(self.lines):
                seen += 1
                if self.lines[seen - 1].startswith("Type ") and self.proc.poll() is None:
                    header = next(
                        line for line in reversed(self.lines[:seen]) if line.startswith("Question ")
                    )
                    self.on_question(header)
                    try:
                        self.send(answer_for(self.lines[:seen], self.style))
                    except (BrokenPipeError, ValueError):
                        return
