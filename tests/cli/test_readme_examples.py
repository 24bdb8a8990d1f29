"""Every `console` example in the README runs as shown: each `$` command is run with the
installed `quiz`, in README order, in one fresh sandbox, and prints exactly the output shown.
(`sh` blocks hold what only runs on a terminal, and the install commands CI runs.)

The sandbox is a home folder (`~`) holding the files the examples name (from
tests/fixtures/readme), with the user `pam` and an 80-column terminal. What changes from run
to run (dates, times, durations, party ids) is compared by shape; an output that ends in a line `...`
is compared up to there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, installed_quiz

README = Path(__file__).parents[2] / "README.md"
MORE = "..."
VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z"), "<timestamp>"),
    (re.compile(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?"), "<date>"),
    (re.compile(r'"duration_s": [0-9.]+'), '"duration_s": <seconds>'),
    (re.compile(r"\b\d+:\d\d\b"), "<m:ss>"),
    (re.compile(r"bak-[0-9-]+"), "bak-<time>"),
    (re.compile(r"\bParty [0-9a-f]{8}\b"), "Party <id>"),
]


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    output: list[str]


def readme_examples() -> list[Example]:
    """Each `$ command` (with its `\\` continuations) of every console block, and its output."""
    examples: list[Example] = []
    lines = README.read_text(encoding="utf-8").splitlines()
    in_block = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            in_block = line == "```console"
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            examples.append(Example(number, line[2:], []))
        elif examples and examples[-1].command.endswith("\\") and not examples[-1].output:
            last = examples[-1]
            examples[-1] = Example(last.line, f"{last.command}\n{line}", [])
        else:
            examples[-1].output.append(line)
    return examples


def shape(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        for pattern, token in VOLATILE:
            line = pattern.sub(token, line)
        out.append(line.rstrip())
    return out


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("readme") / "pam"
    shutil.copytree(FIXTURES / "readme", home)
    env = {k: v for k, v in os.environ.items() if k not in {"QUIZ_HOME", "XDG_DATA_HOME"}}
    env.update(
        HOME=str(home),
        USER="pam",
        LOGNAME="pam",
        COLUMNS="80",
        LINES="40",
        NO_COLOR="1",
        TERM="dumb",
        PATH=f"{Path(installed_quiz()).parent}{os.pathsep}{env['PATH']}",
    )
    return env


EXAMPLES = readme_examples()


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}" for e in EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(
    example: Example, sandbox: dict[str, str]
) -> None:
    home = sandbox["HOME"]
    result = subprocess.run(
        ["bash", "-c", example.command],
        cwd=home,
        env=sandbox,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    printed = (result.stdout + result.stderr).replace(home, "~").splitlines()
    expected = example.output
    if expected and expected[-1] == MORE:
        expected, printed = expected[:-1], printed[: len(expected) - 1]
    assert shape(printed) == shape(expected), f"README line {example.line}: {example.command}"
