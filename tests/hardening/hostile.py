"""Hostile things for the hardening tests: a bank topic that is shell code, a home that holds it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from typer.testing import Result

from tests.conftest import installed_quiz, write_bank


def trap_topic(folder: Path) -> str:
    """A topic whose words, offered as they are, run `touch` in a shell: each names a file in
    `folder` that exists only if some shell ran it."""
    return (
        f"Evil\\ );{{touch,{folder}/braces}};:>{folder}/redirect;( * $(touch${{IFS}}{folder}/dollar)"
        " Two\\ Safe-word"
    )


def hostile_home(home: Path, traps: Path) -> None:
    """A QUIZ_HOME whose bank holds one question under `trap_topic`."""
    topic = trap_topic(traps).replace("\\", "\\\\").replace('"', '\\"')
    write_bank(
        home / "bank",
        "user.toml",
        f'[[questions]]\nid = "hostile-topic"\ntopic = "{topic}"\ndifficulty = "easy"\n'
        'type = "truefalse"\nprompt = "Is this topic hostile to shells?"\nanswers = ["true"]\n',
    )


def sprung(traps: Path) -> list[str]:
    """The traps some shell ran."""
    return sorted(p.name for p in traps.iterdir()) if traps.exists() else []


def quiz_env(home: Path, **more: str) -> dict[str, str]:
    """A small environment that finds the installed `quiz`, with `home` as QUIZ_HOME."""
    env = {
        "QUIZ_HOME": str(home),
        "HOME": str(home),
        "PATH": f"{Path(installed_quiz()).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "NO_COLOR": "1",
    }
    if "XDG_RUNTIME_DIR" in os.environ:
        env["XDG_RUNTIME_DIR"] = os.environ["XDG_RUNTIME_DIR"]
    env.update(more)
    return env


def no_traceback(result: Result) -> bool:
    """An in-process run ended by the quiz itself: no exception escaped, none was printed."""
    return "Traceback" not in result.stderr and not isinstance(result.exception, Exception)


def run_installed(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `quiz ARGS` in `quiz_env(home)`, an empty line on its stdin."""
    return subprocess.run(
        [installed_quiz(), *args], input="\n", env=quiz_env(home),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
