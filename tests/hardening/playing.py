"""Playing one game against a shared server from the installed `quiz`, and what it left behind."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pexpect

from tests.conftest import installed_quiz

SAVE_BOUND_S = 15  # what the README promises for one save
GENEROUS_S = 45  # what a loaded test machine is given before the test calls it a hang


def database_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def start_game(env: dict[str, str], player: str, *more: str) -> Any:
    """`quiz play --plain` for one question, on a pty, waiting at its prompt."""
    child = pexpect.spawn(
        installed_quiz(), ["play", "--plain", "--count", "1", "--player", player, *more],
        env=env, encoding="utf-8", timeout=GENEROUS_S,
    )  # fmt: skip
    child.expect_exact("> ")
    return child


def finish(child: Any) -> tuple[str, float]:
    """Answer the question; what the game printed to the end, and how long the end took."""
    started = time.monotonic()
    child.sendline("")  # skipped: an answer every kind of question takes
    child.expect(pexpect.EOF, timeout=GENEROUS_S * 2)
    took = time.monotonic() - started
    child.close()
    return str(child.before), took


def kept(home: Path) -> list[dict[str, Any]]:
    """The games waiting in the outbox."""
    path = home / "outbox.json"
    return list(json.loads(path.read_text())["games"]) if path.exists() else []


def board(env: dict[str, str]) -> list[str]:
    """After a quiz command that reaches the server (and sends what waits in the outbox), the
    players of every game the server holds."""
    import psycopg

    found = run_quiz(env, "scores")
    assert found.returncode == 0, found.stderr
    url = env["QUIZ_DATABASE_URL"].replace("localhost", "127.0.0.1")
    with psycopg.connect(url) as db:
        return sorted(row[0] for row in db.execute("SELECT player FROM games"))


def run_quiz(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_quiz(), *args], env=env, capture_output=True, text=True, timeout=GENEROUS_S * 2
    )
