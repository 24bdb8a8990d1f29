"""`quiz scores` and `quiz stats` as a user sees them, and the ranking line after a game."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from quiz import output, paths
from quiz.bank.loader import load_bank
from quiz.engine.filters import Filters
from quiz.engine.game import Game
from quiz.engine.selection import pick
from quiz.models import GameResult, GameSettings
from quiz.scores.sqlite import SqliteStore
from tests.conftest import installed_quiz, run_cli
from tests.scores.test_sqlite_store import JSON_KEYS


def finished_game(player: str, seed: int, right: int, started_at: float = 1.8e9) -> GameResult:
    """A real game of 5 built-in questions with the first `right` answered correctly."""
    asked = pick(load_bank().questions, Filters(), 5, seed).asked
    game = Game(asked, GameSettings(seed=seed, count=5))
    for n, a in enumerate(asked):
        game.answer(a.question.answers if n < right else (), 2.0)
    return game.result(player, started_at, 30.0)


def save(*results: GameResult) -> SqliteStore:
    store = SqliteStore(paths.scores_db())
    for result in results:
        store.save_game(result)
    return store


def test_empty_state_is_friendly() -> None:
    assert run_cli("scores").stdout == "No games yet: run quiz play\n"
    assert run_cli("scores", "--json").stdout == "[]\n"
    assert run_cli("stats").stdout == "No games yet: run quiz play\n"


def test_scores_json_has_exactly_the_spec_keys_and_ranks() -> None:
    save(finished_game("Jim", 1, 2), finished_game("Pam", 2, 5), finished_game("Dwight", 3, 0))
    rows = json.loads(run_cli("scores", "--json", "--count", "5").stdout)
    assert [set(r) for r in rows] == [set(JSON_KEYS)] * 3
    assert [(r["rank"], r["player"]) for r in rows] == [(1, "Pam"), (2, "Jim"), (3, "Dwight")]
    assert rows[0]["correct"] == 5 and rows[0]["accuracy"] == 1.0


def test_filters_and_limit() -> None:
    save(*(finished_game(name, seed, 3) for seed, name in enumerate(["A", "B", "A", "C"])))
    assert len(json.loads(run_cli("scores", "--count", "5", "--json", "--limit", "2").stdout)) == 2
    only_a = json.loads(run_cli("scores", "--count", "5", "--json", "--player", "A").stdout)
    assert {r["player"] for r in only_a} == {"A"} and len(only_a) == 2
    result = run_cli("scores", "--player", "Nobody")
    assert result.stdout == "No games match these filters.\n"
    assert run_cli("scores", "--since", "2020-13-01").exit_code == 2


def test_table_marks_the_newest_game() -> None:
    save(finished_game("Old", 1, 5, started_at=1.7e9), finished_game("New", 2, 1, started_at=1.8e9))
    lines = run_cli("scores", "--count", "5").stdout.splitlines()
    newest = next(line for line in lines if "New" in line)
    assert "★2" in newest
    assert "★" not in next(line for line in lines if "Old" in line)
    assert "★ newest game" in lines[-1]


@pytest.mark.parametrize(
    "name", ["[/]", "[red]x", "Jim 🎉 Halpert", "[link=http://x]y[/link]", "N" * 200]
)
def test_player_names_render_literally_at_60_columns(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    save(finished_game(name, 1, 4))
    out = run_cli("scores", "--count", "5").stdout
    assert all(cell_len(line) <= 60 for line in out.splitlines()), out
    # Long names wrap inside their column: the start shows literally, and nothing is lost.
    assert name[:12] in out
    assert out.count(name[-1]) >= name.count(name[-1])
    stats_out = run_cli("stats", "--player", name).stdout
    assert all(cell_len(line) <= 60 for line in stats_out.splitlines()), stats_out


def test_stats_shows_bars_history_and_hardest_questions() -> None:
    results = [finished_game("Pam", 7, right) for right in (5, 2, 0, 3)]
    save(*results, finished_game("Jim", 8, 1))
    data = json.loads(run_cli("stats", "--player", "Pam", "--json").stdout)
    assert data["games"] == 4
    assert data["best"] == results[0].score
    assert data["history"] == [r.score for r in results]
    assert sum(t["attempts"] for t in data["by_topic"]) == 20
    assert sum(t["correct"] for t in data["by_difficulty"]) == 10
    hardest = data["hardest"][0]
    assert hardest["attempts"] == 4 and hardest["correct"] == 1  # the 5th question: right once
    text = run_cli("stats", "--player", "Pam").stdout
    assert "█" in text and "Accuracy by topic" in text and "Hardest questions" in text
    hardest_prompt = results[0].records[4].question.prompt
    assert hardest_prompt.split()[0] in text
    everyone = run_cli("stats").stdout
    assert "All players" in everyone and "Players" in everyone


def test_reset_needs_yes_off_a_terminal_and_keeps_a_backup(quiz_home: Path) -> None:
    save(finished_game("Jim", 1, 3))
    refused = run_cli("scores", "--reset")
    assert refused.exit_code == 2
    assert "--yes" in refused.stderr
    result = run_cli("scores", "--reset", "--yes")
    assert result.exit_code == 0
    backups = list(quiz_home.glob("scores.db.bak-*"))
    assert len(backups) == 1 and f"kept as {backups[0]}" in result.stdout
    assert run_cli("scores", "--json").stdout == "[]\n"


@pytest.mark.parametrize(("key", "cleared"), [("y", True), ("n", False)])
def test_reset_asks_on_a_terminal(monkeypatch: pytest.MonkeyPatch, key: str, cleared: bool) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    save(finished_game("Jim", 1, 3))
    monkeypatch.setattr(output, "interactive_terminal", lambda: True)
    with create_pipe_input() as keys, create_app_session(input=keys, output=DummyOutput()):
        keys.send_text(key)
        result = run_cli("scores", "--reset")
    assert result.exit_code == 0
    assert (json.loads(run_cli("scores", "--json", "--all").stdout) == []) is cleared
    if cleared:  # says what went: the high scores, and the practice cards and daily boards too
        assert "Games, practice cards and daily attempts cleared" in result.stdout


def test_a_played_plain_game_shows_up_in_scores(tmp_path: Path) -> None:
    asked = pick(load_bank().questions, Filters(types=("truefalse",)), 3, 12).asked
    lines = "".join(a.question.answers[0] + "\n" for a in asked)
    result = subprocess.run(
        [installed_quiz(), "play", "--seed", "12", "--count", "3", "--type", "truefalse"],
        input=lines,
        capture_output=True,
        text=True,
        env={**os.environ, "USER": "scripted"},
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    final = result.stdout.rstrip().splitlines()
    assert final[-2].startswith("Final score: ") and final[-2].endswith(" (3/3 correct)")
    score = int(final[-2].split()[2].replace(",", ""))
    assert final[-1] == f"New high score! #1 of 1 · your best: {score:,}"
    rows = json.loads(run_cli("scores", "--json", "--count", "3").stdout)
    assert [(r["score"], r["correct"], r["total"]) for r in rows] == [(score, 3, 3)]
    assert rows[0]["difficulties"] == [] and rows[0]["timed"] is False


def test_no_save_keeps_the_game_out(tmp_path: Path, quiz_home: Path) -> None:
    result = run_cli("play", "--plain", "--count", "1", "--no-save", input="\n")
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("Final score: 0 (0/1 correct)")
    assert not (quiz_home / "scores.db").exists()
