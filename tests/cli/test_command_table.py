"""The lazy command table: `quiz --help` from summaries alone, each command built on demand."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quiz.cli.app import app
from quiz.cli.commands import COMMANDS
from tests.conftest import run_cli

SHOW_IMPORTED = (
    "import json, sys; from quiz.cli.app import run; sys.argv = ['quiz', *sys.argv[1:]];\n"
    "try:\n    run()\nexcept SystemExit:\n    pass\n"
    "print(json.dumps([m for m in sys.modules if m.startswith('quiz.cli.')]), file=sys.stderr)"
)


def imported_commands(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", SHOW_IMPORTED, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return {entry.module for entry in COMMANDS.values()} & set(loaded)


def test_help_lists_every_command_without_importing_any() -> None:
    assert imported_commands("--help") == set()


def test_running_a_command_imports_that_command_alone() -> None:
    assert imported_commands("stats", "--json") == {"quiz.cli.scores"}
    assert imported_commands("bank", "list", "--json") == {"quiz.cli.bank"}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_line_of_its_commands_help(name: str) -> None:
    help_text = run_cli(name, "--help").stdout
    assert " ".join(COMMANDS[name].summary.split()) in " ".join(help_text.split())
    listing = " ".join(run_cli("--help").stdout.split())
    assert f"{name} {COMMANDS[name].summary}" in listing


def test_the_table_is_the_apps_only_list_of_commands() -> None:
    assert app.registered_commands == []
    assert app.registered_groups == []
