"""The shared store never hangs a finished game: a silent network, a frozen server and a write
lock held by a suspended quiz each end the save within SAVE_BOUND_S, the game waits in the
outbox, and the next command that reaches the server sends it, once."""

from __future__ import annotations

import fcntl
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest

from tests.conftest import installed_quiz, temporary_postgres
from tests.hardening.hostile import quiz_env
from tests.hardening.playing import (
    GENEROUS_S,
    SAVE_BOUND_S,
    board,
    database_of,
    finish,
    kept,
    run_quiz,
    start_game,
)
from tests.hardening.proxy import Proxy

if TYPE_CHECKING:
    from pgserver.postgres_server import PostgresServer

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_a_silent_network_ends_the_save_in_bounds_and_the_game_is_sent_once_later(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    child = start_game(via_proxy, "Ann")
    proxy.go_silent()
    output, took = finish(child)
    assert took < SAVE_BOUND_S + GENEROUS_S
    assert child.exitstatus == 0, output
    assert "kept on this computer" in output
    assert len(kept(quiz_home)) == 1
    proxy.speak_again()
    assert board(via_proxy) == ["Ann"]
    assert kept(quiz_home) == []
    assert board(via_proxy) == ["Ann"]


def test_ctrl_c_while_the_save_hangs_keeps_the_game(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    child = start_game(via_proxy, "Ann")
    proxy.go_silent()
    child.sendline("")
    time.sleep(2)  # into the save, which waits on the silent network for seconds
    child.sendintr()
    child.expect(pexpect.EOF, timeout=GENEROUS_S)
    child.close()
    assert child.exitstatus == 130 or child.signalstatus == signal.SIGINT
    assert len(kept(quiz_home)) == 1
    proxy.speak_again()
    assert board(via_proxy) == ["Ann"]


def test_the_outbox_lock_is_free_while_a_kept_game_is_on_its_way(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    proxy.refuse()
    finish(start_game(via_proxy, "Ann"))  # the server is down: kept
    assert len(kept(quiz_home)) == 1
    proxy.speak_again()
    proxy.silence_on = b"INSERT"  # the next command's send of the kept game hangs
    sender = pexpect.spawn(installed_quiz(), ["scores"], env=via_proxy, encoding="utf-8")
    try:
        assert proxy.silent.wait(GENEROUS_S)
        for lock in quiz_home.glob("*outbox*lock*"):
            fd = os.open(lock, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while held
            finally:
                os.close(fd)
        sender.expect(pexpect.EOF, timeout=GENEROUS_S * 2)
    finally:
        sender.close(force=True)
    proxy.drop_all()  # the network is back: the server sees the sender's connection end
    proxy.speak_again()
    assert board(via_proxy) == ["Ann"]
    assert kept(quiz_home) == []


def test_an_unreachable_server_is_tried_once_for_a_whole_party(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    proxy.go_silent()  # connections are accepted and never answered
    players = [f"P{n}" for n in range(1, 9)]
    party = pexpect.spawn(
        installed_quiz(),
        ["party", "--plain", "--rounds", "1", *(a for p in players for a in ("--player", p))],
        env=via_proxy, encoding="utf-8", timeout=GENEROUS_S * 3,
    )  # fmt: skip
    for _ in players:
        party.expect_exact("> ")
        party.sendline("")
    party.expect(pexpect.EOF)
    party.close()
    assert party.exitstatus == 0, party.before
    assert sorted(entry["game"]["player"] for entry in kept(quiz_home)) == players
    assert proxy.accepted == 1


def test_a_dropped_connection_is_made_again_once(
    proxy: Proxy, via_proxy: dict[str, str], quiz_home: Path
) -> None:
    child = start_game(via_proxy, "Ann")
    proxy.drop_all()  # the server restarted while Ann was thinking
    output, _ = finish(child)
    assert child.exitstatus == 0, output
    assert "kept" not in output
    assert kept(quiz_home) == []
    assert board(via_proxy) == ["Ann"]


def test_games_kept_for_another_name_of_the_server_are_mentioned(
    proxy: Proxy, via_proxy: dict[str, str], postgres_url: str, quiz_home: Path
) -> None:
    proxy.refuse()
    finish(start_game(via_proxy, "Ann"))
    proxy.speak_again()
    by_name = proxy.url(database_of(postgres_url), host="localhost")
    found = run_quiz(quiz_env(quiz_home, QUIZ_DATABASE_URL=by_name), "scores")
    assert found.returncode == 0, found.stderr
    assert "127.0.0.1" in found.stderr and "1 game" in found.stderr, found.stderr


def test_a_write_lock_held_by_a_suspended_quiz_ends_the_save_in_bounds(
    postgres_url: str, quiz_home: Path
) -> None:
    import psycopg

    from quiz.scores.postgres import WRITE_LOCK

    env = quiz_env(quiz_home, QUIZ_DATABASE_URL=postgres_url)
    child = start_game(env, "Ann")
    with psycopg.connect(postgres_url) as holder:  # a transaction left open: idle in transaction
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        output, took = finish(child)
    assert took < SAVE_BOUND_S + GENEROUS_S
    assert child.exitstatus == 0, output
    assert len(kept(quiz_home)) == 1
    assert board(env) == ["Ann"]
    assert kept(quiz_home) == []


@pytest.fixture(scope="module")
def own_server() -> Iterator[PostgresServer]:
    """A server of this module's own, to freeze without stopping anyone else's tests."""
    with temporary_postgres("quiz-pg-frozen-") as server:
        yield server


def server_processes(server: PostgresServer) -> list[int]:
    """The postmaster and every process it started."""
    postmaster = int((Path(server.pgdata) / "postmaster.pid").read_text().split()[0])
    found = [postmaster]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                found.append(int(entry.name))
    return found


def test_a_frozen_server_ends_the_save_in_bounds(
    own_server: PostgresServer, quiz_home: Path
) -> None:
    import psycopg

    with psycopg.connect(own_server.get_uri(), autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS frozen")
        admin.execute("CREATE DATABASE frozen")
    env = quiz_env(quiz_home, QUIZ_DATABASE_URL=own_server.get_uri("frozen"))
    child = start_game(env, "Ann")
    frozen = server_processes(own_server)
    for pid in frozen:
        os.kill(pid, signal.SIGSTOP)
    try:
        output, took = finish(child)
    finally:
        for pid in frozen:
            os.kill(pid, signal.SIGCONT)
    assert took < SAVE_BOUND_S + GENEROUS_S
    assert child.exitstatus == 0, output
    assert len(kept(quiz_home)) == 1
    assert board(env) == ["Ann"]
    assert kept(quiz_home) == []
