"""Runs every benchmark: medians, and ratios to a baseline timed in the same run.

Usage: python -m tests.benchmarks [--runs N] [--games N] [--questions N] [--imported N]
                                  [--server-games N] [--only NAME...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.data import build_scores, copy_to_postgres, write_bank, write_opentdb

BIN = Path(sys.executable).parent


@dataclass
class Row:
    name: str
    median_s: float
    baseline: str
    baseline_s: float
    target: float

    @property
    def ratio(self) -> float:
        return self.median_s / self.baseline_s

    def line(self) -> str:
        verdict = "ok" if self.ratio <= self.target else "OVER"
        return (
            f"| {self.name} | {self.median_s * 1000:,.1f} ms | {self.ratio:.2f}x {self.baseline}"
            f" | <= {self.target:g}x | {verdict} |"
        )


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command(args: list[str], env: dict[str, str]) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )

    return run


def first_question(env: dict[str, str]) -> Callable[[], object]:
    """Start a plain game and stop once `Question 1/` is on stdout."""

    def run() -> object:
        proc = subprocess.Popen(
            [str(BIN / "quiz"), "play", "--plain", "--seed", "1", "--no-save"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None
        seen = b""
        while b"Question 1/" not in seen:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise RuntimeError("the game ended before its first question")
            seen += chunk
        proc.kill()
        proc.wait()
        return seen

    return run


def server_scores(work: Path, env: dict[str, str], games: int, runs: int) -> Row:
    """`quiz scores` on a shared leaderboard (a pgserver PostgreSQL in `work`) against the same
    games in a SQLite file, timed in turn."""
    from pgserver.postgres_server import get_server

    db = work / "server-home" / "scores.db"
    db.parent.mkdir()
    print(f"building a score server of {games:,} games...", file=sys.stderr)
    build_scores(db, games)
    server = get_server(work / "postgres", cleanup_mode="stop")
    try:
        copy_to_postgres(db, server.get_uri())
        local = {**env, "QUIZ_HOME": str(db.parent)}
        shared = {**local, "QUIZ_DATABASE_URL": server.get_uri()}
        quiz = [str(BIN / "quiz"), "scores"]
        sqlite_s = median_time(command(quiz, local), runs)
        postgres_s = median_time(command(quiz, shared), runs)
    finally:
        server.cleanup()
    n = f"{games:,}"
    return Row(f"quiz scores, PostgreSQL ({n} games)", postgres_s, f"SQLite, {n}", sqlite_s, 2.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--games", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--imported", type=int, default=5_000)
    parser.add_argument("--server-games", type=int, default=100_000)
    parser.add_argument("--only", nargs="*", default=[])
    options = parser.parse_args()
    wanted = set(options.only)
    runs = options.runs

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "QUIZ_HOME": str(work / "home"), "NO_COLOR": "1", "COLUMNS": "100"}
        big_env = {**env, "QUIZ_HOME": str(work / "big-home")}
        rows: list[Row] = []

        def want(name: str) -> bool:
            return not wanted or any(w in name for w in wanted)

        python = [sys.executable, "-c", "pass"]
        baseline = median_time(command(python, env), runs)
        quiz = str(BIN / "quiz")
        startup = [
            ("quiz --version", [quiz, "--version"], 2.0),
            ("quiz --help", [quiz, "--help"], 14.0),
            ("quiz bank list --json", [quiz, "bank", "list", "--json"], 14.0),
        ]

        def versus_python(name: str, action: Callable[[], object], target: float) -> None:
            rows.append(Row(name, median_time(action, runs), "python -c pass", baseline, target))

        for name, args, target in startup:
            if want(name):
                versus_python(name, command(args, env), target)
        if want("first question"):
            versus_python("time to first question (plain)", first_question(env), 16.0)
        if want("scores") or want("stats"):
            db = work / "big-home" / "scores.db"
            db.parent.mkdir()
            print(f"building a score database of {options.games:,} games...", file=sys.stderr)
            build_scores(db, options.games)
            print(f"  {db.stat().st_size / 1e6:,.0f} MB", file=sys.stderr)
            for name, args, target in [
                (f"quiz scores ({options.games:,} games)", [quiz, "scores"], 16.0),
                (
                    f"quiz stats --player X ({options.games:,} games)",
                    [quiz, "stats", "--player", "player-7"],
                    16.0,
                ),
            ]:
                if want(name):
                    versus_python(name, command(args, big_env), target)
        if want("postgres"):
            rows.append(server_scores(work, env, options.server_games, runs))
        if want("import"):
            trivia = write_opentdb(work / "trivia.json", options.imported)
            homes = iter(range(10**6))
            n = f"{options.imported:,}"

            def import_fresh() -> object:
                home = {**env, "QUIZ_HOME": str(work / f"import-home-{next(homes)}")}
                return command([quiz, "bank", "import", str(trivia)], home)()

            versus_python(f"quiz bank import, {n} OTDB questions, empty home", import_fresh, 250.0)
            full = {**env, "QUIZ_HOME": str(work / "import-home-0")}
            versus_python(
                f"quiz bank import, {n} OTDB questions, all already there",
                command([quiz, "bank", "import", str(trivia)], full),
                100.0,
            )
        if want("bank") or want("pick"):
            from quiz.bank.loader import load_files
            from quiz.engine.filters import Filters
            from quiz.engine.selection import pick

            files = write_bank(work / "big-bank", options.questions)
            n = f"{options.questions:,}"

            def parse_only() -> object:
                return [tomllib.loads(f.read_text(encoding="utf-8")) for f in files]

            parse_s = median_time(parse_only, 3)
            load_s = median_time(lambda: load_files(files), 3)
            rows.append(
                Row(f"load + validate {n} questions", load_s, "tomllib parse", parse_s, 2.0)
            )
            questions = load_files(files).questions
            assert len(questions) == options.questions, "the generated bank did not load whole"
            seeds = iter(range(10**6))
            pick_s = median_time(lambda: pick(questions, Filters(), 10, next(seeds)), runs)
            rows.append(Row(f"pick 10 of {n} questions", pick_s, "loading that bank", load_s, 0.1))

    print(
        f"\nbaseline: python -c pass = {baseline * 1000:.1f} ms (median of {runs}); {os.cpu_count()} cores"
    )
    print("| what | median | ratio | target | |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print(row.line())


if __name__ == "__main__":
    main()
