"""Counts read as counts: `1 question`, `2 questions`, never `1 questions` or `file(s)`."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import paths
from quiz.scores.sqlite import SqliteStore
from tests.conftest import SMALL_BANK, run_cli, write_bank
from tests.scores.test_sqlite_store import T0, easy_game


def test_a_one_question_board_is_titled_in_the_singular() -> None:
    store = SqliteStore(paths.scores_db())
    store.save_game(easy_game("Pam", "R", T0))
    store.save_game(easy_game("Jim", "RW", T0 + 60))
    one = run_cli("scores", "--count", "1")
    assert one.exit_code == 0, one.stderr
    assert one.stdout.splitlines()[0] == "Normal games: 1 question, untimed"
    assert run_cli("scores", "--count", "2").stdout.splitlines()[0] == (
        "Normal games: 2 questions, untimed"
    )
    every = run_cli("scores", "--all").stdout
    assert "1 questions" not in every and "Normal games: 1 question, untimed" in every


def test_validate_counts_one_question_one_file_and_one_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "no-builtin").mkdir()
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: tmp_path / "no-builtin")
    body = (SMALL_BANK / "office.toml").read_text(encoding="utf-8")
    first = body.split("[[questions]]")[1].replace('asks = ["pam-first-kiss"]', "")
    one = write_bank(tmp_path, "one.toml", f"[[questions]]{first}")
    checked = run_cli("bank", "validate", str(one))
    assert checked.stdout == "OK: 1 question in 1 file, no problems.\n", checked.stderr
    write_bank(tmp_path, "one.toml", f"[[questions]]{first}".replace('"easy"', '"brutal"'))
    assert run_cli("bank", "validate", str(one)).stdout.splitlines()[::2] == [
        f"{one}: 1 problem",
        "1 problem in 1 of 1 file.",
    ]
