"""What runs before the first output: the installed `quiz` launcher and the fast play path."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import installed_quiz


def imported(*args: str, stdin: str = "") -> set[str]:
    """The modules the installed command imports for `args` (from -X importtime)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", installed_quiz(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
        check=False,
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def test_the_version_imports_only_the_package() -> None:
    # Besides pip's console-script wrapper, which imports `re` itself.
    modules = imported("--version")
    assert {"quiz", "quiz.__main__"} <= modules
    assert not modules & {"typer", "rich", "platformdirs", "click", "sqlite3"}


def test_plain_play_starts_without_typer_rich_or_toml() -> None:
    imported("play", "--plain", "--no-save", "-n", "1", stdin="\n")  # fills the bank cache
    modules = imported("play", "--plain", "--no-save", "-n", "1", stdin="\n")
    assert "quiz.terminal.plain" in modules
    assert not modules & {"typer", "rich", "tomllib", "questionary", "sqlite3"}
