"""The command reference topic, made from every command's `--help` as `quiz` prints it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer
from typer.testing import CliRunner

from quiz.cli.app import app

REFERENCE = Path(__file__).parents[2] / "quiz" / "help" / "reference.md"
HEAD = """# Command reference

Every command's `--help`, as `quiz` prints it on an 80-column terminal. This topic is made
by `python -m tests.docs` from the commands themselves, and a test fails when it is stale.
"""


def command_paths() -> Iterator[list[str]]:
    """`[]` for `quiz` itself, then every command and subcommand, in the order `--help` lists them."""
    root = typer.main.get_command(app)

    def walk(command: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        for name in getattr(command, "list_commands", lambda ctx: [])(None):
            yield from walk(command.commands[name], [*path, name])  # type: ignore[attr-defined]

    yield from walk(root, [])


def help_text(path: list[str]) -> str:
    done = CliRunner().invoke(app, [*path, "--help"], prog_name="quiz", env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    return done.stdout.rstrip()


def reference() -> str:
    """The whole topic."""
    sections = [HEAD]
    for path in command_paths():
        sections.append(f"## {' '.join(['quiz', *path])}\n\n```text\n{help_text(path)}\n```\n")
    return "\n".join(sections)
