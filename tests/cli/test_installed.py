"""The installed `quiz` console script, run as a user would, from outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from quiz import __version__
from tests.conftest import installed_quiz


def run_installed(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_quiz(), *args],
        cwd=cwd,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_version(tmp_path: Path) -> None:
    result = run_installed("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"halpert-quiz {__version__}\n",
        "",
    )


def test_version_does_not_load_the_cli_framework(tmp_path: Path) -> None:
    code = "import sys; sys.argv = ['quiz', '--version']; from quiz.__main__ import main; main(); "
    code += "print('typer' in sys.modules, 'rich' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "False False"


def test_bank_list_json_has_the_builtin_bank(tmp_path: Path) -> None:
    result = run_installed("bank", "list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert len(questions) >= 90
    assert {q["origin"] for q in questions} == {"builtin"}


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.stdout == f"halpert-quiz {__version__}\n"


def test_usage_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    result = run_installed("bank", "list", "--difficulty", "impossible", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: --difficulty: 'impossible' is not one of")
    assert result.stderr.endswith(" (see 'quiz bank list --help')\n")
