"""A damaged outbox is set aside with one warning and never stops saving: wrong JSON shapes,
bytes that are no text, a folder, a FIFO, a link to /dev/zero, a lock that is a folder, and an
entry the server refuses."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import installed_quiz
from tests.hardening.hostile import quiz_env
from tests.hardening.playing import GENEROUS_S, board, finish, kept, start_game
from tests.hardening.proxy import Proxy

pytestmark = [pytest.mark.postgres]


def play(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_quiz(), "play", "--plain", "--count", "1", "--player", "Ann"],
        input="\n", env=env, capture_output=True, text=True, timeout=GENEROUS_S * 2,
    )  # fmt: skip


def fifo(path: Path) -> None:
    os.mkfifo(path)


DAMAGE: dict[str, Callable[[Path], object]] = {
    "a list": lambda p: p.write_text("[]"),
    "games not a list": lambda p: p.write_text('{"games": 5}'),
    "entries not objects": lambda p: p.write_text('{"games": [1, "x", null]}'),
    "entry of the wrong shape": lambda p: p.write_text('{"games": [{"server": 1, "game": {}}]}'),
    "game of the wrong shape": lambda p: p.write_text(
        '{"games": [{"server": "x", "game": {"uuid": 3, "answers": "no"}}]}'
    ),
    "not JSON": lambda p: p.write_text("{"),
    "not text": lambda p: p.write_bytes(b"\xff\xfe\x00"),
    "a folder": lambda p: p.mkdir(),
    "a FIFO": fifo,
    "a link to /dev/zero": lambda p: p.symlink_to("/dev/zero"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_outbox_is_set_aside_once(
    shared_leaderboard: str, quiz_home: Path, damage: str
) -> None:
    quiz_home.mkdir(parents=True, exist_ok=True)
    DAMAGE[damage](quiz_home / "outbox.json")
    env = quiz_env(quiz_home, QUIZ_DATABASE_URL=shared_leaderboard)
    first = play(env)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert len(first.stderr.splitlines()) == 1, first.stderr
    assert "outbox" in first.stderr
    second = play(env)
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    assert board(env) == ["Ann", "Ann"]


def test_a_lock_that_is_a_folder_is_named_and_saving_goes_on(
    shared_leaderboard: str, quiz_home: Path
) -> None:
    quiz_home.mkdir(parents=True)
    for name in ("outbox.lock", ".outbox.json.lock"):
        (quiz_home / name).mkdir()
    (quiz_home / "outbox.json").write_text('{"games": []}')
    env = quiz_env(quiz_home, QUIZ_DATABASE_URL=shared_leaderboard)
    result = play(env)
    assert result.returncode == 0, result.stderr
    assert "lock" in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    assert board(env) == ["Ann"]


def test_an_entry_the_server_refuses_is_set_aside_and_the_rest_is_sent(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    env = via_proxy
    proxy.refuse()  # the server is down: both games wait in the outbox
    finish(start_game(env, "Bea"))
    finish(start_game(env, "Cy"))
    proxy.speak_again()
    games = json.loads((quiz_home / "outbox.json").read_text())
    games["games"][0]["game"]["score"] = 2**70  # no BIGINT holds it
    (quiz_home / "outbox.json").write_text(json.dumps(games))
    result = play(env)
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert board(env) == ["Ann", "Cy"]
    assert kept(quiz_home) == []
    assert play(env).stderr == ""
