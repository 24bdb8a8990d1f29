"""Writes that fail: a save rolled back whole, SQLite's errors sorted by their code, and the
outbox's own failures (no lock file, an unreadable outbox, a write cut short)."""

from __future__ import annotations

import json
import resource
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.errors import StoreError
from quiz.files import lock_path
from quiz.scores.errors import (
    CorruptStoreError,
    OutboxDamagedError,
    OutboxLockError,
    ReadOnlyStoreError,
    StoreLockedError,
    StoreUnusableError,
    sqlite_problem,
)
from quiz.scores.game_rows import GameRows
from quiz.scores.notices import drain
from quiz.scores.outbox import Outbox
from quiz.scores.sql import SqlStore
from tests.conftest import both_stores, store_for
from tests.scores.test_sqlite_store import T0, board_game, easy_game

NOW_FOR_ROWS = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    return store_for(request, tmp_path / "scores.db")


@both_stores
def test_a_save_that_fails_midway_leaves_nothing_behind(store: SqlStore) -> None:
    store.save_game(board_game("Pam", "RR", T0))
    before = (store.top_games(), store.stats(), store.review_schedule("Pam"))
    good = GameRows.of(board_game("Pam", "RRRRR", T0 + 1), NOW_FOR_ROWS)
    broken = replace(good, answers=(*good.answers[:-1], replace(good.answers[-1], topic=None)))  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.store_game(broken)
    assert (store.top_games(), store.stats(), store.review_schedule("Pam")) == before
    assert store.store_game(good) > 0  # the same game, whole, goes in afterwards
    assert store.stats().games == 2


def _error(setup: str, statement: str, path: Path) -> sqlite3.Error:
    """The error SQLite itself raises for `statement` on a file that `setup` prepared."""
    if setup == "junk":
        path.write_bytes(b"not a database, " * 100)
    with sqlite3.connect(path, timeout=0, isolation_level=None) as first:
        first.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER NOT NULL)")
        if setup == "locked":
            first.execute("BEGIN IMMEDIATE")
        uri = f"{path.as_uri()}?mode={'ro' if setup == 'read-only' else 'rw'}"
        second = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
        try:
            second.execute(statement)
        except sqlite3.Error as exc:
            return exc
        finally:
            second.close()
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("setup", "statement", "kind"),
    [
        ("locked", "BEGIN IMMEDIATE", StoreLockedError),
        ("read-only", "INSERT INTO t VALUES (1)", ReadOnlyStoreError),
        ("plain", "INSERT INTO t VALUES (NULL)", StoreUnusableError),
    ],
)
def test_sqlite_errors_are_sorted_by_their_code(
    tmp_path: Path, setup: str, statement: str, kind: type[StoreError]
) -> None:
    problem = sqlite_problem("scores.db", _error(setup, statement, tmp_path / "s.db"))
    assert type(problem) is kind
    assert problem.where == "scores.db"


def test_a_file_that_is_no_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(b"not a database, " * 100)
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.Error) as caught:
        db.execute("SELECT * FROM sqlite_master")
    assert type(sqlite_problem(str(path), caught.value)) is CorruptStoreError


# The outbox


def kept(player: str) -> GameRows:
    return GameRows.of(easy_game(player, "RW", T0), NOW_FOR_ROWS)


def test_an_outbox_whose_lock_file_cannot_be_made_says_so(tmp_path: Path) -> None:
    lock_path(tmp_path / "outbox.json").mkdir()
    outbox = Outbox(tmp_path / "outbox.json", "db on host")
    with pytest.raises(OutboxLockError):
        outbox.keep(kept("Pam"))
    assert not (tmp_path / "outbox.json").exists()


def test_an_unreadable_outbox_is_moved_aside_whole_and_keeping_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    path.write_text("{half a file", encoding="utf-8")
    outbox = Outbox(path, "db on host")
    drain()  # what earlier tests in this process left
    outbox.keep(kept("Pam"))
    (aside,) = tmp_path.glob("outbox.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == "{half a file"
    assert [game.player for game in outbox.pending()[0]] == ["Pam"]
    (fact,) = drain()
    assert isinstance(fact, OutboxDamagedError) and fact.aside == str(aside)


def _small_files() -> None:
    """In the child: no file may grow past 2 KB, and growing one is an error, not a signal."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_an_outbox_write_cut_short_keeps_the_games_already_there(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    Outbox(path, "db on host").keep(kept("Pam"))
    before = path.read_bytes()
    assert len(before) < 2048
    rows = json.dumps(kept("Jim" * 500).as_json())  # too big to fit under the limit
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys\n"
            "from pathlib import Path\n"
            "from quiz.scores.errors import OutboxWriteError\n"
            "from quiz.scores.game_rows import GameRows\n"
            "from quiz.scores.outbox import Outbox\n"
            "try:\n"
            f"    Outbox(Path({str(path)!r}), 'db on host').keep("
            "GameRows.from_json(json.loads(sys.stdin.read())))\n"
            "except OutboxWriteError as exc:\n"
            "    print('OutboxWriteError', exc.where)\n",
        ],
        input=rows,
        capture_output=True,
        text=True,
        preexec_fn=_small_files,
        timeout=60,
        check=False,
    )
    assert child.stdout == f"OutboxWriteError {path}\n", child.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outbox.json"]
