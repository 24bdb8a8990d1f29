"""Shared fixtures: an isolated QUIZ_HOME for every test, stable terminal settings, helpers."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest
from typer.testing import CliRunner, Result

from quiz import output, paths
from quiz.cli.app import app
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import SqliteStore
from tests.pty_terminal import Spawn, Terminal

if TYPE_CHECKING:
    import psycopg
    from pgserver.postgres_server import PostgresServer
    from prompt_toolkit.input import PipeInput

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_BANK = FIXTURES / "small_bank"


@pytest.fixture(autouse=True)
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty QUIZ_HOME and a plain, fixed-width terminal."""
    home = tmp_path / "quiz-home"
    monkeypatch.setenv("QUIZ_HOME", str(home))
    monkeypatch.delenv("QUIZ_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield home


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Keystrokes for the prompts through prompt_toolkit's pipe input; the game believes it
    runs on a terminal."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    monkeypatch.setattr(output, "interactive_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


@pytest.fixture
def small_bank(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the four-question fixture bank in place of the built-in one."""
    monkeypatch.setattr(paths, "builtin_bank_dir", lambda: SMALL_BANK)
    return SMALL_BANK


@contextlib.contextmanager
def temporary_postgres(prefix: str = "quiz-pg-") -> Iterator[PostgresServer]:
    """A real PostgreSQL server (pgserver's build) in a new temporary folder, stopped at the end."""
    from pgserver.postgres_server import get_server

    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        server = get_server(folder, cleanup_mode="stop")
        try:
            with psycopg_admin(server) as admin:  # a throwaway server need not survive a crash
                for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                    admin.execute(f"ALTER SYSTEM SET {setting} = off")
                admin.execute("SELECT pg_reload_conf()")
            yield server
        finally:
            stop_now(server)
            server.cleanup()


def psycopg_admin(server: PostgresServer) -> psycopg.Connection[tuple[object, ...]]:
    import psycopg

    return psycopg.connect(server.get_uri(), autocommit=True)


def pg_ctl(server: PostgresServer, *args: str) -> None:
    """Run pgserver's bundled `pg_ctl` on the server's data folder, as the server's user."""
    import pgserver

    vars(pgserver)["pg_ctl"](["-w", *args], pgdata=server.pgdata, user=server.system_user)


def stop_now(server: PostgresServer) -> None:
    """Stop at once, without the shutdown checkpoint a fast stop writes (seconds on a busy
    machine); pgserver's cleanup then finds nothing left to stop."""
    with contextlib.suppress(subprocess.CalledProcessError):  # already stopped by the test
        pg_ctl(server, "-m", "immediate", "stop")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One server for the whole run; each test takes a database of its own (`postgres_url`)."""
    with temporary_postgres() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the test server, for this test alone."""
    import uuid

    name = f"quiz_{uuid.uuid4().hex[:12]}"
    with psycopg_admin(postgres_server) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return str(postgres_server.get_uri(name))


@pytest.fixture
def shared_leaderboard(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """QUIZ_DATABASE_URL set to a new database: every command plays on the server."""
    monkeypatch.setenv("QUIZ_DATABASE_URL", postgres_url)
    return postgres_url


@pytest.fixture
def run_quiz(quiz_home: Path) -> Iterator[Spawn]:
    """Start the installed `quiz` with the given arguments on a fresh pty (24x100 unless told)."""
    started: list[Terminal] = []

    def spawn(*args: str, size: tuple[int, int] = (24, 100), color: bool = False) -> Terminal:
        env = os.environ.copy()
        env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", QUIZ_HOME=str(quiz_home))
        env.pop("NO_COLOR", None)
        if not color:
            env["NO_COLOR"] = "1"
        env.pop("COLUMNS", None)
        log = io.StringIO()
        child = pexpect.spawn(
            installed_quiz(),
            list(args),
            env=env,
            cwd=str(quiz_home.parent),
            dimensions=size,
            timeout=20,
            encoding="utf-8",
        )
        child.logfile_read = log
        started.append(Terminal(child, log, columns=size[1], lines=size[0]))
        return started[-1]

    yield spawn
    for terminal in started:
        if terminal.child.isalive():
            terminal.child.close(force=True)


PTY_FIXTURES = {"run_quiz", "pty_at"}

# A run started in the background by a script inherits SIGINT ignored, and every quiz it
# starts would too: the tests that press Ctrl-C need it to reach quiz as on a terminal.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: three workers for two cores. Many tests wait on a process, a server or a
    time limit more than they compute, and the third keeps the cores busy meanwhile (on this
    2-core machine: 94 s, against 119 s with two workers and 97-116 s with four)."""
    cores = os.cpu_count() or 1
    return cores + (cores + 1) // 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs PostgreSQL or a pty from the fixtures it asks for: no mark to forget."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "postgres_server" in names or params.get("store") == "postgres":
            item.add_marker(pytest.mark.postgres)
        if names & PTY_FIXTURES:
            item.add_marker(pytest.mark.pty)


# On a test whose `store` fixture builds its store with `store_for`: run it on both stores.
both_stores = pytest.mark.parametrize("store", ["sqlite", "postgres"], indirect=True)


def store_for(request: pytest.FixtureRequest, path: Path) -> SqlStore:
    """The store a test asked for: SQLite at `path` unless `both_stores` asks for PostgreSQL,
    then a new database on the test server (its outbox beside `path`)."""
    if getattr(request, "param", "sqlite") == "postgres":
        from quiz.scores.postgres import PostgresStore

        return PostgresStore(request.getfixturevalue("postgres_url"), path.with_name("outbox.json"))
    return SqliteStore(path)


@pytest.fixture(autouse=True)
def no_notice_left_over() -> Iterator[None]:
    """In-process commands skip `quiz.__main__`'s last step, printing the store's notices:
    drop any left, so that none reaches a later test's stderr."""
    yield
    if "quiz.scores.notices" in sys.modules:
        from quiz.scores import notices

        notices.drain()


def run_cli(*args: str, input: str | None = None, env: Mapping[str, str] | None = None) -> Result:
    """Invoke `quiz` in-process with stdout and stderr kept apart (and `env` set meanwhile)."""
    return CliRunner().invoke(app, list(args), input=input, env=env, prog_name="quiz")


def installed_quiz() -> str:
    """The `quiz` console script of the environment running the tests."""
    script = Path(sys.executable).parent / "quiz"
    found = str(script) if script.exists() else shutil.which("quiz")
    assert found, "the quiz console script is not installed"
    return found


def write_bank(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path
