"""Runs every benchmark: medians, and ratios to a baseline timed in the same run.

Each row alternates its command with its baseline (`python -c pass`, another command, or
the peer quiz) run for run, so both see the same load on a busy machine. Commands that
read a bank run once first, so the bank cache is warm, as from a user's second run.

Usage: python -m tests.benchmarks [--runs N] [--games N] [--questions N] [--imported N]
    [--server-games N] [--players N] [--only NAME...] [--peer PATH]   (PATH: mkdocs-quiz 1.7.1's
    `mkdocs-quiz`; default $MKDOCS_QUIZ)
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

from tests.benchmarks.data import (
    PEER_QUIZ,
    PROMPT_FLOOR,
    build_scores,
    copy_to_postgres,
    write_bank,
    write_opentdb,
)

BIN = Path(sys.executable).parent
QUIZ = str(BIN / "quiz")
Action = Callable[[], object]


@dataclass
class Row:
    name: str
    median_s: float
    baseline: str
    baseline_s: float
    target: float | None

    @property
    def ratio(self) -> float:
        return self.median_s / self.baseline_s

    def line(self) -> str:
        verdict = "" if self.target is None else "ok" if self.ratio <= self.target else "OVER"
        target = "" if self.target is None else f"<= {self.target:g}x"
        return (
            f"| {self.name} | {self.median_s * 1000:,.1f} ms | {self.ratio:.2f}x {self.baseline}"
            f" ({self.baseline_s * 1000:,.1f} ms) | {target} | {verdict} |"
        )


def _timed(action: Action) -> float:
    """Seconds the action took, or the seconds it reports (time to a marker, not to exit)."""
    start = time.perf_counter()
    reported = action()
    return reported if isinstance(reported, float) else time.perf_counter() - start


def median_time(action: Action, runs: int) -> float:
    return statistics.median(_timed(action) for _ in range(runs))


def interleaved(action: Action, baseline: Action, runs: int) -> tuple[float, float]:
    """Medians of `action` and `baseline`, run alternately."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(_timed(action))
        times[1].append(_timed(baseline))
    return statistics.median(times[0]), statistics.median(times[1])


def command(args: list[str], env: dict[str, str]) -> Action:
    def run() -> object:
        return subprocess.run(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )

    return run


def until_output(args: list[str], env: dict[str, str], marker: bytes) -> Action:
    """Start a command with piped stdin and stop once `marker` is on its stdout."""

    def run() -> object:
        proc = subprocess.Popen(
            args, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert proc.stdout is not None
        seen = b""
        while marker not in seen:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"{args} ended before printing {marker!r}")
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
        quiz = [QUIZ, "scores"]
        sqlite_s = median_time(command(quiz, local), runs)
        postgres_s = median_time(command(quiz, shared), runs)
    finally:
        server.cleanup()
    n = f"{games:,}"
    # Issue 16 asks for the figure, not a bound.
    return Row(f"quiz scores, PostgreSQL ({n} games)", postgres_s, f"SQLite, {n}", sqlite_s, None)


def first_plain_question(env: dict[str, str]) -> Action:
    return until_output([QUIZ, "play", "--plain", "--seed", "1", "--no-save"], env, b"Question 1/")


def on_a_terminal(args: list[str], env: dict[str, str]) -> Action:
    """Start a command on a pseudo-terminal; stop once questionary draws its pointer."""
    import pexpect

    def run() -> object:
        start = time.perf_counter()
        child = pexpect.spawn(args[0], args[1:], env=env, dimensions=(40, 100), timeout=60)
        child.expect("\u00bb".encode())
        shown = time.perf_counter() - start  # ending the program is not part of it
        child.terminate(force=True)
        return shown

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--games", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--imported", type=int, default=5_000)
    parser.add_argument("--server-games", type=int, default=100_000)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--peer", default=os.environ.get("MKDOCS_QUIZ", ""))
    parser.add_argument("--players", type=int, default=100)
    options = parser.parse_args()
    wanted = set(options.only)
    runs = options.runs

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "QUIZ_HOME": str(work / "home"), "NO_COLOR": "1", "COLUMNS": "100"}
        # Compiled modules are kept, as pip's install of a wheel leaves them.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows: list[Row] = []
        absolute: list[str] = []  # rows measured in absolute figures, not against a baseline

        def want(name: str) -> bool:
            return not wanted or any(w in name for w in wanted)

        python = command([sys.executable, "-c", "pass"], env)

        def versus_python(name: str, action: Action, target: float | None) -> None:
            if want(name):
                action()  # a first run fills the bank cache
                median, base = interleaved(action, python, runs)
                rows.append(Row(name, median, "python -c pass", base, target))

        def cli(name: str, args: list[str], target: float, home: Path | None = None) -> None:
            run_env = env if home is None else {**env, "QUIZ_HOME": str(home)}
            versus_python(name, command([QUIZ, *args], run_env), target)

        cli("quiz --version", ["--version"], 1.6)
        cli("quiz --help", ["--help"], 8)
        cli("quiz bank list --json", ["bank", "list", "--json"], 9)
        versus_python("time to first question (plain)", first_plain_question(env), 7)

        if want("scores") or want("stats"):
            home = work / "scores-home"
            home.mkdir()
            print(f"building a score database of {options.games:,} games...", file=sys.stderr)
            migration_s = build_scores(home / "scores.db", options.games)
            size_mb = (home / "scores.db").stat().st_size / 1e6
            print(f"  {size_mb:,.0f} MB; migrated in {migration_s:.1f} s", file=sys.stderr)
            games = f"{options.games:,} games"
            cli(f"quiz scores ({games})", ["scores"], 11, home)
            cli(f"quiz stats --player X ({games})", ["stats", "--player", "player-7"], 16, home)
            cli(f"quiz stats, all players ({games})", ["stats"], 20, home)

        for size, file_count, target in ((10_000, 1, 12), (5_000, 1, 15)):
            label = f"{size:,}-question user bank"
            if not want(label):
                continue
            home = work / f"user-{size}"
            write_bank(home / "bank", size, file_count)
            run_env = {**env, "QUIZ_HOME": str(home)}
            if size == 10_000:
                first = first_plain_question(run_env)
                first_s, base = _timed(first), median_time(python, 3)
                rows.append(
                    Row(
                        f"first question, {label}, first run", first_s, "python -c pass", base, None
                    )
                )
                versus_python(f"first question, {label}, second run", first, target)
            else:
                cli(
                    f"quiz bank list --json, {label}, second run",
                    ["bank", "list", "--json"],
                    target,
                    home,
                )

        name = "quiz bank list (table) vs --json, 20,000 questions"
        if want(name):
            bank = write_bank(work / "table-bank", 20_000, 4)[0].parent
            listing = [QUIZ, "bank", "list", "--bank", str(bank)]
            table, as_json = command(listing, env), command([*listing, "--json"], env)
            table(), as_json()
            median, base = interleaved(table, as_json, runs)
            rows.append(Row(name, median, "bank list --json", base, 3))

        name = "first interactive question vs mkdocs-quiz 1.7.1"
        if want(name) and options.peer:
            quiz_md = work / "peer" / "quiz.md"
            quiz_md.parent.mkdir()
            quiz_md.write_text(PEER_QUIZ, encoding="utf-8")
            tty_env = {**env, "TERM": "xterm-256color"}
            del tty_env["NO_COLOR"]
            ours = on_a_terminal(
                [QUIZ, "play", "--player", "bench", "--no-save", "--seed", "1"], tty_env
            )
            peer = on_a_terminal([options.peer, "run", str(quiz_md)], tty_env)
            ours(), peer()
            median, base = interleaved(ours, peer, runs)
            rows.append(Row(name, median, "mkdocs-quiz run", base, 0.55))
            floor_py = work / "peer" / "floor.py"
            floor_py.write_text(PROMPT_FLOOR, encoding="utf-8")
            floor = on_a_terminal([sys.executable, str(floor_py)], tty_env)
            floor()
            median, base = interleaved(floor, peer, runs)
            rows.append(
                Row("Rich + one questionary select alone", median, "mkdocs-quiz run", base, None)
            )
        elif want(name):
            print("no peer: pass --peer PATH/TO/mkdocs-quiz to compare", file=sys.stderr)

        if want("postgres"):
            rows.append(server_scores(work, env, options.server_games, runs))
        if want("import"):
            trivia = write_opentdb(work / "trivia.json", options.imported)
            homes = iter(range(10**6))
            n = f"{options.imported:,}"

            def import_fresh() -> object:
                home = {**env, "QUIZ_HOME": str(work / f"import-home-{next(homes)}")}
                return command([QUIZ, "bank", "import", str(trivia)], home)()

            versus_python(f"quiz bank import, {n} OTDB questions, empty home", import_fresh, 250)
            full = {**env, "QUIZ_HOME": str(work / "import-home-0")}
            versus_python(
                f"quiz bank import, {n} OTDB questions, all already there",
                command([QUIZ, "bank", "import", str(trivia)], full),
                100,
            )
        if want("load") or want("pick"):
            from quiz.bank.loader import load_files
            from quiz.engine.filters import Filters
            from quiz.engine.selection import pick

            files = write_bank(work / "big-bank", options.questions)
            n = f"{options.questions:,}"

            def parse_only() -> object:
                return [tomllib.loads(f.read_text(encoding="utf-8")) for f in files]

            def cold_load() -> object:
                os.environ["QUIZ_HOME"] = tempfile.mkdtemp(dir=work)  # an empty cache
                return load_files(files)

            parse_s = median_time(parse_only, 3)
            load_s = median_time(cold_load, 3)
            rows.append(
                Row(
                    f"load + validate {n} questions (no cache)", load_s, "tomllib parse", parse_s, 2
                )
            )
            cached_s = median_time(lambda: load_files(files), 3)
            rows.append(
                Row(f"load {n} questions from the cache", cached_s, "tomllib parse", parse_s, None)
            )
            questions = load_files(files).questions
            assert len(questions) == options.questions, "the generated bank did not load whole"
            seeds = iter(range(10**6))
            pick_s = median_time(lambda: pick(questions, Filters(), 10, next(seeds)), runs)
            rows.append(
                Row(
                    f"pick 10 of {n} questions",
                    pick_s,
                    "loading them from the cache",
                    cached_s,
                    0.1,
                )
            )

        if want("live"):
            from tests.benchmarks.live import measure

            absolute.append(measure(QUIZ, env, options.players))

    print(f"\n{runs} runs of each, interleaved with the baseline; {os.cpu_count()} cores")
    print("| what | median | ratio to the baseline (its median) | target | |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print(row.line())
    print("\n".join(absolute))


if __name__ == "__main__":
    main()
