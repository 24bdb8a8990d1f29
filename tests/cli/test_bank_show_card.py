"""`quiz bank show` keeps the whole heading of a question at any width."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli, write_bank

LONG = (
    "[[questions]]\n"
    'id = "which-regional-manager-takes-over-scranton-after-michael-leaves"\n'
    'topic = "Entertainment: Japanese Anime & Manga and Television"\n'
    'difficulty = "hard"\ntype = "truefalse"\n'
    'prompt = "Andy takes over Scranton."\nanswers = ["true"]\n'
)


@pytest.mark.parametrize("columns", ["40", "80", "200"])
def test_the_heading_wraps_instead_of_losing_difficulty_and_type(
    quiz_home: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    write_bank(quiz_home / "bank", "user.toml", LONG)
    monkeypatch.setenv("COLUMNS", columns)
    result = run_cli(
        "bank", "show", "which-regional-manager-takes-over-scranton-after-michael-leaves"
    )
    assert result.exit_code == 0, result.stderr
    text = " ".join(line.strip("│ ") for line in result.stdout.splitlines())
    words = " ".join(text.split())
    assert "Entertainment: Japanese Anime & Manga and Television · hard · truefalse" in words
    assert "which-regional-manager-takes-over-scranton-after-michael-leaves" in words.replace(
        " ", ""
    )
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
