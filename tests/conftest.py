"""Shared fixtures: an isolated QUIZ_HOME for every test, stable terminal settings, helpers."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quiz import paths
from quiz.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_BANK = FIXTURES / "small_bank"


@pytest.fixture(autouse=True)
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty QUIZ_HOME and a plain, fixed-width terminal."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield home


@pytest.fixture
def small_bank(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the four-question fixture bank in place of the built-in one."""
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: SMALL_BANK)
    return SMALL_BANK


def run_cli(*args: str, input: str | None = None) -> Result:
    """Invoke `quiz` in-process with stdout and stderr kept apart."""
    return CliRunner().invoke(app, list(args), input=input, prog_name="quiz")


def installed_quiz() -> str:
    """The `quiz` console script of the environment running the tests."""
    script = Path(sys.executable).parent / "quiz"
    found = str(script) if script.exists() else shutil.which("quiz")
    assert found, "the quiz console script is not installed"
    return found


def write_bank(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path
