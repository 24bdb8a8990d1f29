"""`quiz play` and `quiz scores` without typer: the same output and exit code as through typer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quiz.cli.quick import SCORES, parse, parse_play
from quiz.scores.sqlite import SqliteStore
from tests.conftest import SMALL_BANK, installed_quiz

THROUGH_TYPER = "import sys; from quiz.cli.app import run; sys.argv[0] = 'quiz'; run()"
ANSWERS = "1\n\n1,3\ntrue\nhalpert\n2\n\n\n\n\n\n"

CASES: list[tuple[list[str], str]] = [
    (["--plain", "--seed", "7", "--count", "3"], ANSWERS),
    (["--plain", "--seed=7", "-n3", "--no-save"], ANSWERS),
    (["--plain", "--seed", "4", "-n", "4", "--topic", "pam", "--difficulty", "easy", "--difficulty", "hard"], ANSWERS),
    (["--plain", "--seed", "3", "--type", "truefalse", "--type=text", "--player", "  Pam  "], ANSWERS),
    (["--plain", "--seed", "3", "--time-limit", "20", "--count", "2", "--count", "1"], "\n"),
    (["--plain", "--seed", "1", "--bank", str(SMALL_BANK / "office.toml"), "--topic", "The Office"], ANSWERS),
    (["--plain", "--seed", "5", "-n", "3"], "1\n"),  # input ends early
    (["--plain", "--bank", "/no/such/bank.toml"], ""),
    (["--plain", "--topic", "nobody-at-all"], ""),
    (["--plain", "--difficulty", "Easy"], ""),
    (["--count", "0"], ""),
    (["-n=5", "--plain"], ""),
    (["--seed", "-1", "--plain", "-n", "1"], "\n"),
    (["--plain", "--count"], ""),
    (["--plain", "stray"], ""),
    (["--plain=yes"], ""),
    (["--help"], ""),
    (["--time-limit", "4", "--plain"], ""),
]  # fmt: skip


SCORES_CASES: list[list[str]] = [
    [],
    ["-n", "3"],
    ["-n2", "--json"],
    ["--limit=2", "--json", "--json"],
    ["--player", "Pam"],
    ["--player=jim", "--topic", "pam beesly"],
    ["--player", "Nobody"],
    ["--topic", "Jim Halpert", "--limit", "1"],
    ["--since", "2026-01-01"],
    ["--reset"],
    ["-n", "0"],
    ["--limit"],
    ["--json=yes"],
    ["--help"],
]


def outcome(command: list[str], args: list[str], stdin: str, home: Path) -> tuple[int, str, str]:
    env = {**os.environ, "QUIZ_HOME": str(home), "COLUMNS": "100", "NO_COLOR": "1"}
    result = subprocess.run(
        [*command, *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "stdin"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_the_quick_path_matches_the_typer_app(tmp_path: Path, args: list[str], stdin: str) -> None:
    runs = [
        ([installed_quiz()], tmp_path / "quick"),
        ([sys.executable, "-c", THROUGH_TYPER], tmp_path / "typer"),
    ]
    assert_same_both_ways(["play", *args], stdin, runs)


def assert_same_both_ways(args: list[str], stdin: str, runs: list[tuple[list[str], Path]]) -> None:
    with ThreadPoolExecutor(2) as pool:
        quick, typer = pool.map(lambda run: outcome(run[0], args, stdin, run[1]), runs)
    assert quick == typer


@pytest.fixture(scope="module")
def saved_games(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scores.test_stats_summaries import random_history

    path = tmp_path_factory.mktemp("games") / "scores.db"
    store = SqliteStore(path)
    for result in random_history(5, 12):
        store.save_game(result)
    return path


@pytest.mark.parametrize("with_games", [True, False], ids=["games", "empty"])
@pytest.mark.parametrize("args", SCORES_CASES, ids=lambda v: " ".join(v) or "(none)")
def test_quick_scores_match_the_typer_app(
    tmp_path: Path, saved_games: Path, args: list[str], with_games: bool
) -> None:
    runs = [
        ([installed_quiz()], tmp_path / "quick"),
        ([sys.executable, "-c", THROUGH_TYPER], tmp_path / "typer"),
    ]
    for _, home in runs:
        home.mkdir()
        if with_games:
            shutil.copy(saved_games, home / "scores.db")
    assert_same_both_ways(["scores", *args], "", runs)


@pytest.mark.parametrize(
    ("args", "taken"),
    [
        (["--plain", "--seed", "1", "--no-save"], {"plain": True, "seed": 1, "no_save": True}),
        (["--count=3", "-n4", "--topic", "a", "--topic=b"], {"count": 4, "topics": ("a", "b")}),
        (["--bank", "x.toml", "--player", "Pam"], {"banks": (Path("x.toml"),), "player": "Pam"}),
        (["--time-limit", "300", "--type", "multi"], {"time_limit": 300, "types": ("multi",)}),
        (["--help"], None),
        (["--time-limit", "301"], None),
        (["--count", "1_0"], None),
        (["--player", "--plain"], None),
        (["--lives", "3"], None),  # an option this parser does not know goes to typer
        (["--topic", "bad\udcff"], None),
    ],
)
def test_what_the_quick_path_takes(args: list[str], taken: dict[str, object] | None) -> None:
    assert parse_play(args) == taken


def test_what_the_quick_scores_take() -> None:
    assert parse(["-n", "3", "--json", "--player", "Pam"], SCORES) == {
        "limit": 3,
        "as_json": True,
        "player": "Pam",
    }
    assert parse(["--since", "2026-01-01"], SCORES) is None
    assert parse(["--reset", "--yes"], SCORES) is None
