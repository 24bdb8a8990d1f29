"""The pty launcher of the end-to-end tests: the installed `quiz` on a fresh pseudo-terminal."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from tests.cli.pty_terminal import Spawn, Terminal
from tests.conftest import installed_quiz


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
