"""The shared leaderboard on a real PostgreSQL server: the same boards as SQLite, many players
at once, migrations racing, an outage that loses no game, and one-line errors."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import psycopg
import pytest

from quiz.models import GameSettings
from quiz.scores.game_rows import GameRows
from quiz.scores.postgres import PostgresStore
from quiz.scores.schema import SCHEMA_VERSION
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import SqliteStore
from tests.conftest import installed_quiz, run_cli, temporary_postgres
from tests.scores.test_review_cards import played
from tests.scores.test_sqlite_store import T0, easy_game, mixed_game

if TYPE_CHECKING:
    from pgserver.postgres_server import PostgresServer

PASSWORD = "s3cret-Pa55"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def server_rows(url: str, sql: str) -> list[tuple[object, ...]]:
    """Rows straight from the server, bypassing the store."""
    with psycopg.connect(url) as db:
        return list(db.execute(sql).fetchall())


def play_history(store: SqlStore) -> None:
    """Normal, survival and party games, a practice session and daily attempts."""
    store.save_game(mixed_game())
    for n, (name, pattern) in enumerate([("Jim", "RRWS"), ("pam", "RRRR"), ("Élodie", "WRRT")]):
        store.save_game(easy_game(name, pattern, T0 + 60 * n))
    store.save_game(
        easy_game("Jim", "RRRW", T0 + 500, settings=GameSettings(seed=2, count=9, lives=1))
    )
    party = GameSettings(seed=3, count=2, party_id="feedbeef")
    store.save_game(easy_game("Ann", "RR", T0 + 900, settings=party))
    store.save_game(easy_game("Bob", "RW", T0 + 900, settings=party))
    store.save_practice(played("Jim", "RWR"))
    store.save_daily(NOW.date(), played("Jim", "RWRWR"))
    store.save_daily(NOW.date(), played("Zelda", "WRWRR"))
    store.save_daily(NOW.date(), played("Jim", "RRRRR"))  # a second try: unranked


READ_COMMANDS = [
    ["scores", "--json"],
    ["scores", "--json", "--player", "Jim"],
    ["scores", "--json", "--topic", "pam beesly"],
    ["scores", "--json", "--mode", "lives"],
    ["scores", "--json", "--party", "last"],
    ["scores", "--json", "--daily", NOW.date().isoformat()],
    ["stats", "--json"],
    ["stats", "--json", "--player", "Jim"],
    ["share"],
    ["scores"],
    ["stats"],
]


def test_the_same_history_reads_the_same_on_both_stores(
    quiz_home: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_NOW", NOW.isoformat())
    play_history(SqliteStore(quiz_home / "scores.db"))
    play_history(PostgresStore(postgres_url, quiz_home / "outbox.json"))

    def outputs() -> list[str]:
        results = [run_cli(*command) for command in READ_COMMANDS]
        assert [r.exit_code for r in results] == [0] * len(READ_COMMANDS), [
            r.stderr for r in results
        ]
        return [r.stdout for r in results]

    on_file = outputs()
    monkeypatch.setenv("QUIZ_DATABASE_URL", postgres_url)
    on_server = outputs()
    assert on_server == on_file
    assert len(json.loads(on_file[0])) == 4
    assert json.loads(on_file[5])[0]["player"] == "Jim"
    assert json.loads(on_file[6])["games"] == 7


def test_scores_local_reads_this_computers_file_whatever_the_url(
    quiz_home: Path, shared_leaderboard: str
) -> None:
    SqliteStore(quiz_home / "scores.db").save_game(easy_game("Offline Olga", "R", T0))
    PostgresStore(shared_leaderboard, quiz_home / "outbox.json").save_game(
        easy_game("Server Sam", "RR", T0)
    )
    shared = run_cli("scores", "--json")
    local = run_cli("scores", "--json", "--local")
    assert [g["player"] for g in json.loads(shared.stdout)] == ["Server Sam"]
    assert [g["player"] for g in json.loads(local.stdout)] == ["Offline Olga"]


def test_a_game_sent_twice_is_stored_once(quiz_home: Path, postgres_url: str) -> None:
    store = PostgresStore(postgres_url, quiz_home / "outbox.json")
    game = GameRows.of(mixed_game(), NOW)
    first = store.store_game(game)
    assert store.store_game(game) == first
    assert PostgresStore(postgres_url, quiz_home / "outbox.json").store_game(game) == first
    assert server_rows(postgres_url, "SELECT COUNT(*) FROM games") == [(1,)]
    assert server_rows(postgres_url, "SELECT COUNT(*) FROM answers") == [(7,)]
    assert store.stats().games == 1


# Many players at once


def save_one(url: str, worker: int, barrier: Barrier, errors: str) -> None:
    try:
        store = PostgresStore(url, Path(errors).with_suffix(".outbox"))
        result = easy_game(
            f"worker-{worker}", "RRWRS", T0 + worker, settings=GameSettings(seed=worker, count=5)
        )
        barrier.wait(timeout=60)
        store.save_game(result)
    except BaseException:
        Path(errors).write_text(traceback.format_exc(), encoding="utf-8")
        raise


def run_at_once(target: object, count: int, url: str, folder: Path) -> None:
    """`count` processes calling target(url, n, barrier, error file) at the same moment."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(count)
    procs = [
        ctx.Process(target=target, args=(url, n, barrier, str(folder / f"w{n}.err")))  # type: ignore[arg-type]
        for n in range(count)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [p.read_text(encoding="utf-8") for p in sorted(folder.glob("w*.err"))] == []
    assert [proc.exitcode for proc in procs] == [0] * count


def test_32_games_finishing_at_once_on_separate_processes_are_all_kept(
    tmp_path: Path, postgres_url: str
) -> None:
    PostgresStore(postgres_url, tmp_path / "outbox.json").top_games()  # the schema is there
    run_at_once(save_one, 32, postgres_url, tmp_path)
    assert sorted(server_rows(postgres_url, "SELECT player, seed FROM games")) == sorted(
        (f"worker-{n}", n) for n in range(32)
    )
    assert server_rows(postgres_url, "SELECT COUNT(*), COUNT(DISTINCT uuid) FROM games") == [
        (32, 32)
    ]
    assert server_rows(postgres_url, "SELECT COUNT(*) FROM answers") == [(32 * 5,)]
    assert not list(tmp_path.glob("*.outbox"))


def open_store(url: str, worker: int, barrier: Barrier, errors: str) -> None:
    try:
        store = PostgresStore(url, Path(errors).with_suffix(".outbox"))
        barrier.wait(timeout=60)
        store.save_game(easy_game(f"starter-{worker}", "R", T0))
    except BaseException:
        Path(errors).write_text(traceback.format_exc(), encoding="utf-8")
        raise


def test_migrations_racing_from_several_processes_run_once(
    tmp_path: Path, postgres_url: str
) -> None:
    run_at_once(open_store, 4, postgres_url, tmp_path)
    assert server_rows(postgres_url, "SELECT version FROM quiz_schema") == [(SCHEMA_VERSION,)]
    assert server_rows(postgres_url, "SELECT COUNT(*) FROM games") == [(4,)]


# The server out of reach


def quiz(*args: str, url: str, home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QUIZ_HOME": str(home), "QUIZ_DATABASE_URL": url, "NO_COLOR": "1"}
    return subprocess.run(
        [installed_quiz(), *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def with_password(url: str) -> str:
    return url.replace("postgres:@", f"postgres:{PASSWORD}@", 1)


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server of this test's own, to stop and start again."""
    with temporary_postgres("quiz-pg-outage-") as server:
        yield server


def stop(server: PostgresServer) -> None:
    from pgserver import _commands

    pg_ctl = vars(_commands)["pg_ctl"]  # made at import time, one function per program
    pg_ctl(["-w", "stop"], pgdata=server.pgdata, user=server.system_user)


def start(server: PostgresServer) -> None:
    with server._lock:
        server.ensure_postgres_running()


@pytest.mark.pty
def test_a_game_finished_during_an_outage_arrives_once_when_the_server_is_back(
    quiz_home: Path, own_server: PostgresServer
) -> None:
    url = with_password(own_server.get_uri())
    env = os.environ | {"QUIZ_HOME": str(quiz_home), "QUIZ_DATABASE_URL": url, "NO_COLOR": "1"}
    child = pexpect.spawn(
        installed_quiz(),
        ["play", "--plain", "--count", "2", "--seed", "7", "--player", "Oscar"],
        env=env,
        timeout=30,
        encoding="utf-8",
    )
    child.expect_exact("Question 1/2")
    stop(own_server)  # mid-game: the server goes away
    child.sendline("1")
    child.expect_exact("Question 2/2")
    child.sendline("1")
    child.expect(pexpect.EOF)
    screen = " ".join(str(child.before).split())
    child.close()
    assert child.exitstatus == 0, screen
    assert "The game is kept on this computer" in screen
    assert "database postgres on" in screen
    assert PASSWORD not in screen
    assert "Final score" in screen
    outbox = json.loads((quiz_home / "outbox.json").read_text(encoding="utf-8"))
    assert [entry["game"]["player"] for entry in outbox["games"]] == ["Oscar"]
    assert PASSWORD not in (quiz_home / "outbox.json").read_text(encoding="utf-8")

    down = quiz("scores", "--json", url=url, home=quiz_home)
    assert down.returncode == 1
    assert down.stderr.count("\n") == 1 and "Traceback" not in down.stderr
    assert (quiz_home / "outbox.json").exists()

    start(own_server)
    for _ in range(2):  # the first command sends it; the next finds nothing left to send
        back = quiz("scores", "--json", url=url, home=quiz_home)
        assert back.returncode == 0, back.stderr
        assert [g["player"] for g in json.loads(back.stdout)] == ["Oscar"]
        assert not (quiz_home / "outbox.json").exists()
    assert server_rows(own_server.get_uri(), "SELECT COUNT(*) FROM games") == [(1,)]
    assert server_rows(own_server.get_uri(), "SELECT COUNT(*) FROM answers") == [(2,)]


def test_an_outbox_left_by_a_send_cut_short_sends_nothing_twice(
    quiz_home: Path, postgres_url: str
) -> None:
    """A quiz killed after the server stored a game but before the outbox was rewritten."""
    store = PostgresStore(postgres_url, quiz_home / "outbox.json")
    sent, waiting = GameRows.of(mixed_game(), NOW), GameRows.of(easy_game("Kevin", "RW", T0), NOW)
    store.store_game(sent)
    store.outbox.keep(sent)
    store.outbox.keep(waiting)
    again = PostgresStore(postgres_url, quiz_home / "outbox.json")
    assert sorted(g.player for g in again.top_games()) == ["Kevin", "Pam O'Beesly-Halpért"]
    assert not (quiz_home / "outbox.json").exists()


def test_a_game_kept_for_one_server_is_not_sent_to_another(
    quiz_home: Path, postgres_url: str
) -> None:
    elsewhere = PostgresStore(
        f"postgresql://quiz:{PASSWORD}@127.0.0.1:9/office", quiz_home / "outbox.json"
    )
    elsewhere.outbox.keep(GameRows.of(easy_game("Kevin", "RW", T0), NOW))
    assert PostgresStore(postgres_url, quiz_home / "outbox.json").top_games() == []
    assert (quiz_home / "outbox.json").exists()


# One line for each way of failing


def test_playing_with_the_server_out_of_reach_keeps_the_game(quiz_home: Path) -> None:
    url = f"postgresql://quiz:{PASSWORD}@127.0.0.1:9/office"
    result = quiz(
        "play", "--plain", "--count", "1", "--seed", "7", url=url, home=quiz_home, stdin="1\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and PASSWORD not in result.stderr
    assert "cannot reach the score server, database office on 127.0.0.1:9" in result.stderr
    assert "The game is kept on this computer" in result.stderr
    assert "Final score" in result.stdout
    assert len(json.loads((quiz_home / "outbox.json").read_text(encoding="utf-8"))["games"]) == 1


def failures(server: str) -> dict[str, tuple[str, str]]:
    """URL, and what its one error line says, for each way a server can be out of use."""
    return {
        "refused": (f"postgresql://quiz:{PASSWORD}@127.0.0.1:9/office", "cannot reach the score server, database office on 127.0.0.1:9"),
        "no such role": (server.replace("postgres:@", f"nobody:{PASSWORD}@", 1), 'role "nobody" does not exist'),
        "no such database": (server.replace("/postgres?", "/nowhere?", 1), 'database "nowhere" does not exist'),
        "not a url": (f"postgres://quiz:{PASSWORD}@host/db?sslmode", "is not a valid PostgreSQL URL"),
        "bad port": (f"postgresql://quiz:{PASSWORD}@localhost:port/db", "is not a valid PostgreSQL URL"),
    }  # fmt: skip


@pytest.mark.parametrize(
    "kind", ["refused", "no such role", "no such database", "not a url", "bad port"]
)
@pytest.mark.parametrize("command", [["scores"], ["stats", "--json"], ["share"]])
def test_a_server_out_of_use_is_one_line_exit_1_and_never_the_password(
    quiz_home: Path, postgres_server: PostgresServer, kind: str, command: list[str]
) -> None:
    url, says = failures(postgres_server.get_uri())[kind]
    result = quiz(*command, url=url, home=quiz_home)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert says in result.stderr
    assert PASSWORD not in result.stderr


def test_a_server_with_a_newer_schema_is_refused_untouched(
    quiz_home: Path, postgres_url: str
) -> None:
    PostgresStore(postgres_url, quiz_home / "outbox.json").save_game(easy_game("Pam", "R", T0))
    with psycopg.connect(postgres_url) as db:
        db.execute("UPDATE quiz_schema SET version = %s", (SCHEMA_VERSION + 1,))
    result = quiz("scores", url=postgres_url, home=quiz_home)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: the score server, database {postgres_url.split('/')[3].split('?')[0]} on"
        f" {postgres_url.split('host=')[1]}, holds schema {SCHEMA_VERSION + 1}, written by a newer"
        " halpert-quiz; upgrade halpert-quiz to use it\n"
    )
    assert server_rows(postgres_url, "SELECT COUNT(*) FROM games") == [(1,)]


def test_without_the_postgres_extra_the_url_gets_one_clear_line(quiz_home: Path) -> None:
    code = "import sys; sys.modules['psycopg'] = None; from quiz.__main__ import main; main()"
    env = os.environ | {"QUIZ_HOME": str(quiz_home), "QUIZ_DATABASE_URL": "postgresql://x@h/db"}
    result = subprocess.run(
        [sys.executable, "-c", code, "scores"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Error: QUIZ_DATABASE_URL is set, but PostgreSQL support is not installed:"
        " pip install 'halpert-quiz[postgres]' (or unset the variable to play on this computer"
        " alone)\n"
    )


def test_sqlite_never_imports_psycopg(quiz_home: Path) -> None:
    env = os.environ | {"QUIZ_HOME": str(quiz_home)}
    env.pop("QUIZ_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quiz", "scores"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "quiz.scores.sqlite" in result.stderr
    assert "psycopg" not in result.stderr


def test_reset_copies_the_shared_board_to_a_local_file_then_clears_it(
    quiz_home: Path, shared_leaderboard: str
) -> None:
    store = PostgresStore(shared_leaderboard, quiz_home / "outbox.json")
    play_history(store)
    before, stats = [g.as_json() for g in store.top_games()], store.stats()
    result = run_cli("scores", "--reset", "--yes")
    assert result.exit_code == 0, result.stderr
    backup = Path(result.stdout.rsplit(" ", 1)[-1].strip())
    assert backup.parent == quiz_home
    assert [g.as_json() for g in SqliteStore(backup).top_games()] == before
    assert SqliteStore(backup).stats() == stats
    assert SqliteStore(backup).daily_board(NOW.date()) != []
    assert store.top_games() == [] and store.daily_board(NOW.date()) == []
    assert store.stats().games == 0
