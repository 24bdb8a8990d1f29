"""A big score file from before the outcomes-and-kinds migration migrates once and reads the
same: builds it with the code of a git revision (default `main`), reads it with that code,
then with this checkout, and compares.

Usage: python -m tests.benchmarks.migration_check [--games N] [--before REV]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parents[2]
READS = [
    ["scores", "--json"],
    ["scores", "--json", "--player", "player-7"],
    ["stats", "--json"],
    ["stats", "--json", "--player", "player-7"],
    ["share", "--player", "player-7"],
]
NEW_KEYS = ("mode", "count", "kind")


def run(code: Path, home: Path, args: list[str]) -> tuple[str, float]:
    env = os.environ | {"PYTHONPATH": str(code), "QUIZ_HOME": str(home), "NO_COLOR": "1"}
    env.pop("QUIZ_DATABASE_URL", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        env=env,
        cwd=code,  # `-m` puts the working folder first on the path
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout, time.perf_counter() - started


def comparable(args: list[str], text: str) -> object:
    """The output without the keys the new rows gained."""
    if args[0] == "scores":
        return [{k: v for k, v in row.items() if k not in NEW_KEYS} for row in json.loads(text)]
    return json.loads(text) if "--json" in args else text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=100_000)
    parser.add_argument("--before", default="main")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quiz-migration-") as folder:
        work = Path(folder)
        old = work / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(HERE), "archive", options.before], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        home = work / "home"
        home.mkdir()
        build = (
            "from pathlib import Path; from tests.benchmarks.data import build_scores;"
            f" build_scores(Path({str(home / 'scores.db')!r}), {options.games})"
        )
        env = os.environ | {"PYTHONPATH": str(old)}
        subprocess.run([sys.executable, "-c", build], env=env, cwd=old, check=True)
        before = [run(old, home, args)[0] for args in READS]
        _, first = run(HERE, home, ["scores"])
        _, second = run(HERE, home, ["scores"])
        after = [run(HERE, home, args)[0] for args in READS]
        with sqlite3.connect(home / "scores.db") as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        same = [
            comparable(a, x) == comparable(a, y)
            for a, x, y in zip(READS, before, after, strict=True)
        ]
        print(
            f"{options.games:,} games; first read (migrating to {version}) {first:.1f} s,"
            f" the next {second:.2f} s"
        )
        for args, ok in zip(READS, same, strict=True):
            print(f"  quiz {' '.join(args)}: {'same' if ok else 'DIFFERENT'}")
        if not all(same):
            sys.exit(1)


if __name__ == "__main__":
    main()
