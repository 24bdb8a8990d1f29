"""The examples of the README and the help topics: found, run in a fresh sandbox, rewritten.

A `console` block holds examples that run: each `$ command` (with its `\\` continuations)
is run with the installed `quiz` by bash, in document order, in one sandbox a document,
and must print the lines under it. An output ending in a line `...` is compared up to
there. What changes from run to run (dates, times, durations, ids) is compared by shape.
`sh` blocks are illustrative: what needs a terminal, another machine or an office server.

The sandbox mimics a reader's clone: the working folder holds `tests/fixtures/examples/`,
`~` is an empty home of the user `pam`, the terminal is 80 columns wide and plain.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import FIXTURES, installed_quiz

ROOT = Path(__file__).parents[2]
MORE = "..."
VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"), "<timestamp>"),
    (re.compile(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?"), "<date>"),
    (re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b *"), "<weekday> "),
    (re.compile(r'"duration_s": [0-9.]+'), '"duration_s": <seconds>'),
    (re.compile(r"\b\d+:\d\d\b"), "<m:ss>"),
    (re.compile(r"bak-[0-9-]+"), "bak-<time>"),
    (re.compile(r"\b(Party|party|Room|room) [0-9a-f]{8}\b"), r"\1 <id>"),
    (re.compile(r"\b127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
]


@dataclass(frozen=True)
class Example:
    """One `$ command` of a document: where it is, what runs, and the lines shown under it."""

    line: int
    command: str
    output: list[str]


def documents() -> list[Path]:
    """The README and every help topic."""
    return [ROOT / "README.md", *sorted((ROOT / "quiz" / "help").glob("*.md"))]


def examples(text: str) -> list[Example]:
    """Each `$ command` of every console block of `text`, with its output."""
    found: list[Example] = []
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            in_block = line == "```console"
            continue
        if not in_block:
            continue
        last = found[-1] if found else None
        if line.startswith("$ "):
            found.append(Example(number, line[2:], []))
        elif last is not None and last.command.endswith("\\") and not last.output:
            found[-1] = Example(last.line, f"{last.command}\n{line}", [])
        elif last is not None:
            last.output.append(line)
    return found


def shape(lines: list[str]) -> list[str]:
    """Lines with what changes from run to run replaced by a token."""
    out = []
    for line in lines:
        for pattern, token in VOLATILE:
            line = pattern.sub(token, line)
        out.append(line.rstrip())
    return out


@dataclass(frozen=True)
class Sandbox:
    """A reader's clone (`work`, holding the example files) and an empty home."""

    work: Path
    home: Path
    env: dict[str, str]
    groups: list[int] = field(default_factory=list)

    def run(self, command: str) -> list[str]:
        """What the command prints, stdout then stderr, with the home shown as `~`. Each
        command runs in a process group of its own, ended with the sandbox (a host left in
        the background by an example, say)."""
        with subprocess.Popen(
            ["bash", "-c", command],
            cwd=self.work,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        ) as process:
            self.groups.append(process.pid)
            stdout, stderr = process.communicate(timeout=120)
        return (stdout + stderr).replace(str(self.home), "~").splitlines()

    def end(self) -> None:
        """Stop whatever the examples left running."""
        for group in self.groups:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGTERM)


@contextmanager
def sandbox() -> Iterator[Sandbox]:
    """A fresh sandbox, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="quiz-examples-") as folder:
        work, home = Path(folder) / "halpert-quiz", Path(folder) / "pam"
        shutil.copytree(FIXTURES / "examples", work / "tests" / "fixtures" / "examples")
        home.mkdir()
        hidden = {"QUIZ_HOME", "XDG_DATA_HOME", "QUIZ_DATABASE_URL", "QUIZ_NOW"}
        env = {k: v for k, v in os.environ.items() if k not in hidden}
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
        box = Sandbox(work, home, env)
        try:
            yield box
        finally:
            box.end()


def shown(example: Example, printed: list[str]) -> tuple[list[str], list[str]]:
    """The expected and printed lines to compare, cut where the document shows `...`."""
    expected = example.output
    if expected and expected[-1] == MORE:
        return shape(expected[:-1]), shape(printed[: len(expected) - 1])
    return shape(expected), shape(printed)


def mismatches(document: Path) -> Iterator[str]:
    """Every example of the document whose output differs from what it shows, run in order."""
    with sandbox() as box:
        for example in examples(document.read_text(encoding="utf-8")):
            expected, printed = shown(example, box.run(example.command))
            if expected != printed:
                yield (
                    f"{document.name} line {example.line}: $ {example.command}\n"
                    + "\n".join(["shown:", *expected, "printed:", *printed])
                )


def rewrite(document: Path) -> bool:
    """Run the document's examples and write what they print under them; True if it changed."""
    text = document.read_text(encoding="utf-8")
    lines = text.splitlines()
    with sandbox() as box:
        runs = [(example, box.run(example.command)) for example in examples(text)]
    for example, printed in reversed(runs):
        expected, now = shown(example, printed)
        if expected == now:  # the same but for dates and ids: left as it is
            continue
        start = example.line + example.command.count("\n")  # the first output line's index
        cut = example.output and example.output[-1] == MORE
        new = [*printed[: len(example.output) - 1], MORE] if cut else printed
        lines[start : start + len(example.output)] = [line.rstrip() for line in new]
    updated = "\n".join(lines) + "\n"
    document.write_text(updated, encoding="utf-8")
    return updated != text
