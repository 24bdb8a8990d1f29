"""Shared fixtures: an isolated QUIZ_HOME for every test, stable terminal settings, helpers."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner, Result

from quiz import paths
from quiz.cli.app import app
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import SqliteStore

if TYPE_CHECKING:
    from pgserver.postgres_server import PostgresServer

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
            yield server
        finally:
            server.cleanup()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One server for the whole run; each test takes a database of its own (`postgres_url`)."""
    with temporary_postgres() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the test server, for this test alone."""
    import uuid

    import psycopg

    name = f"quiz_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server.get_uri(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return str(postgres_server.get_uri(name))


@pytest.fixture
def shared_leaderboard(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """QUIZ_DATABASE_URL set to a new database: every command plays on the server."""
    monkeypatch.setenv("QUIZ_DATABASE_URL", postgres_url)
    return postgres_url


PTY_FIXTURES = {"run_quiz", "pty_at"}


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


def run_cli(*args: str, input: str | None = None) -> Result:
    """Invoke `quiz` in-process with stdout and stderr kept apart."""
    return CliRunner().invoke(app, list(args), input=input, prog_name="quiz")


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
