"""`quiz play` and `quiz scores` without typer: options generated from the typer commands, and
the same game, output and exit code as through the typer app."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quiz.cli import fast_options
from quiz.cli.fast import parse
from quiz.cli.fast_spec import GENERATED, current_source
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
    (["--plain", "--count", "9999999999"], ""),  # far too large for typer's whole numbers
    (["--plain", "--player", "x" * 41], ""),  # the shared player-name rules
    (["--plain", "--player", "   ", "-n", "1"], "\n"),
    (["--plain", "--seed", "2", "--lives", "1"], "\n\n\n\n"),  # options the fast path leaves
    (["--plain", "--lifeline", "--seed", "3", "-n", "1"], "\n"),
    (["--plain", "-n", "3", "--lives", "2"], ""),
]  # fmt: skip


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
def test_the_fast_path_matches_the_typer_app(tmp_path: Path, args: list[str], stdin: str) -> None:
    runs = [
        ([installed_quiz()], tmp_path / "fast"),
        ([sys.executable, "-c", THROUGH_TYPER], tmp_path / "typer"),
    ]
    assert_same_both_ways(["play", *args], stdin, runs)


def assert_same_both_ways(args: list[str], stdin: str, runs: list[tuple[list[str], Path]]) -> None:
    with ThreadPoolExecutor(2) as pool:
        fast, typer = pool.map(lambda run: outcome(run[0], args, stdin, run[1]), runs)
    assert fast == typer


def test_the_fast_options_are_generated_from_todays_typer_commands() -> None:
    """Run `python -m quiz.cli.fast_spec` when this fails: an option changed in typer."""
    namespace: dict[str, object] = {}
    exec(compile(current_source(), str(GENERATED), "exec"), namespace)
    assert namespace["OPTIONS"] == fast_options.OPTIONS


def taken(args: list[str]) -> dict[str, object] | None:
    """What the fast path reads from `quiz play ARGS`: only the options given."""
    params = parse(args, fast_options.OPTIONS["play"])
    if params is None:
        return None
    defaults = parse([], fast_options.OPTIONS["play"])
    assert defaults is not None
    return {key: value for key, value in params.items() if value != defaults[key]}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--plain", "--seed", "1", "--no-save"], {"plain": True, "seed": 1, "no_save": True}),
        (["--count=3", "-n4", "--topic", "a", "--topic=b"], {"count": 4, "topic": ["a", "b"]}),
        (["--bank", "x.toml", "--player", "Pam"], {"bank": [Path("x.toml")], "player": "Pam"}),
        (["--time-limit", "300", "--type", "multi"], {"time_limit": 300, "qtype": ["multi"]}),
        (["--lives", "3", "--lifeline"], {"lives": 3, "lifeline": True}),
        (["--help"], None),
        (["--time-limit", "301"], None),
        (["--count", "1_0"], None),
        (["--player", "--plain"], None),
        (["--difficulty", "Easy"], None),  # typer's own message for a choice it refuses
        (["--topic", "bad\udcff"], None),
    ],
)
def test_what_the_fast_path_takes(args: list[str], expected: dict[str, object] | None) -> None:
    assert taken(args) == expected


@pytest.mark.parametrize(
    "args",
    [[], ["--json"], ["-n", "1"], ["--limit=2", "--json"], ["-n0"], ["--local", "--json"],
     ["--json", "--mode", "lives"], ["--topic", "pam"], ["--limit", "x"], ["--help"]],
    ids=lambda v: " ".join(v) or "no options",
)  # fmt: skip
def test_fast_scores_match_the_typer_app(tmp_path: Path, args: list[str]) -> None:
    """`quiz scores` on the same saved games prints the same both ways."""
    homes = [tmp_path / "fast", tmp_path / "typer"]
    for home in homes:  # two games each: the same seed and answers
        for seed in ("3", "4"):
            outcome([installed_quiz()], ["play", "--plain", "--seed", seed, "-n", "2",
                    "--player", "Pam"], "1\n\n", home)  # fmt: skip
    runs = [([installed_quiz()], homes[0]), ([sys.executable, "-c", THROUGH_TYPER], homes[1])]
    fast, typer = (outcome(command, ["scores", *args], "", home) for command, home in runs)

    # Saved at different moments: compare all but the dates and times.
    def steady(text: str) -> str:
        return re.sub(
            r"\d{4}-\d\d-\d\dT[\d:.]+Z|\d{4}-\d\d-\d\d|\d+:\d\d|\"duration_s\": [\d.]+", "#", text
        )

    assert (fast[0], steady(fast[1]), fast[2]) == (typer[0], steady(typer[1]), typer[2])
