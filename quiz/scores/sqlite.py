"""The SQLite score store: the file, WAL, BEGIN IMMEDIATE, the schema version in the file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from quiz.errors import StoreError
from quiz.paths import make_private_dir
from quiz.scores.db import SqliteConnection
from quiz.scores.errors import (
    BackupError,
    CorruptStoreError,
    DanglingLinkError,
    ForeignStoreError,
    HomeNotFolderError,
    NewerStoreError,
    StoreAccessError,
    StoreCreateError,
    StoreIsFolderError,
    sqlite_problem,
)
from quiz.scores.schema import SCHEMA_VERSION, migrate
from quiz.scores.sql import SqlStore

__all__ = ["SCHEMA_VERSION", "SqliteStore"]

BUSY_TIMEOUT_S = 5.0
STALE_AFTER_S = 600  # a temp file this old belongs to a quiz that was killed
OUR_TABLES = {"games", "game_topics", "answers"}
APPLICATION_ID = int.from_bytes(b"HalQ")  # in the file header: this file is a Halpert Quiz store


def _reason(exc: OSError) -> str:
    """What the system said, as a clause: `permission denied`."""
    return (exc.strerror or str(exc)).lower()


def _pragma(db: SqliteConnection, name: str) -> int:
    """The number a `PRAGMA name` reads (user_version, application_id)."""
    found = db.execute(f"PRAGMA {name}").fetchone()
    assert found is not None
    return int(found[name])


class SqliteStore(SqlStore):
    """Scores in one SQLite file: WAL, a busy timeout, and BEGIN IMMEDIATE for every write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)

    def _fail(self, exc: sqlite3.Error) -> StoreError:
        return sqlite_problem(str(self.path), exc)

    def _corrupt(self, detail: str) -> StoreError:
        return CorruptStoreError(str(self.path), detail)

    def _create(self) -> None:
        """Make a new, migrated database and move it into place whole.

        A half-made file never shows under the real name, so an empty `scores.db` can only
        mean damage; when two games create it at once, the first to arrive wins.
        """
        try:
            make_private_dir(self.path.parent)
            fd, name = tempfile.mkstemp(prefix=".scores-", suffix=".db", dir=self.path.parent)
            os.close(fd)
        except OSError as exc:
            raise StoreCreateError(str(self.path.parent), _reason(exc)) from exc
        fresh = Path(name)
        try:
            with contextlib.closing(sqlite3.connect(fresh, isolation_level=None)) as raw:
                raw.execute("PRAGMA journal_mode = WAL")
                self._migrate(SqliteConnection(raw))
            with contextlib.suppress(FileExistsError):
                os.link(fresh, self.path)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        except OSError as exc:
            raise StoreCreateError(str(self.path.parent), _reason(exc)) from exc
        finally:
            for leftover in (fresh, *(fresh.with_name(fresh.name + x) for x in ("-wal", "-shm"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    @contextlib.contextmanager
    def _db(self, *, create: bool, check: bool = False) -> Iterator[SqliteConnection | None]:
        """An open, migrated connection; None when there is no database yet.

        Writers `check` the whole file first, so nothing is ever written into a damaged one;
        readers skip that (1.3 s at a million games) and rely on SQLite's own errors for the
        pages they touch. Nothing is written before the file is known to be ours to write.
        """
        self._check_place()
        if create:
            self._clean_stale()
        if not self.path.exists():
            if not create:
                yield None
                return
            self._create()
        if self.path.stat().st_size == 0:
            raise self._corrupt("the file is empty")
        db = None
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=rw"
            db = SqliteConnection(
                sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            )
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._recognise(db)
            self._refuse_newer(db)
            if check:
                self._check(db)
                db.execute("PRAGMA journal_mode = WAL")  # a no-op for files made here
            db.execute("PRAGMA foreign_keys = ON")
            self._migrate(db)
            yield db
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        finally:
            if db is not None:
                db.raw.close()

    def _check_place(self) -> None:
        """What is at the path (or above it) can hold our database, or say why not."""
        if self.path.is_symlink() and not self.path.exists():
            raise DanglingLinkError(str(self.path), str(self.path.readlink()))
        if self.path.is_dir():
            raise StoreIsFolderError(str(self.path))
        above = next((p for p in self.path.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise HomeNotFolderError(str(above))
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise StoreAccessError(str(self.path))

    def _recognise(self, db: SqliteConnection) -> None:
        """Refuse, before a byte is written, any SQLite file that is not a store of ours."""
        mark = _pragma(db, "application_id")
        if mark == APPLICATION_ID:
            return
        found = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if mark == 0 and {row["name"] for row in found} >= OUR_TABLES:
            return  # ours, from before files were marked; the migration marks it
        raise ForeignStoreError(str(self.path))

    def _clean_stale(self) -> None:
        """Remove what killed quizzes left: half-made databases and half-written backups."""
        folder = self.path.parent
        if not folder.is_dir():
            return
        leftovers = [
            *folder.glob(".scores-*.db*"),
            *folder.glob(f".{self.path.name}.bak-*.partial"),
        ]
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > STALE_AFTER_S:
                    leftover.unlink()

    def _check(self, db: SqliteConnection) -> None:
        found = db.execute("PRAGMA quick_check(3)")
        problems = [" ".join(str(row["quick_check"]).split()) for row in found]
        if problems != ["ok"]:
            raise self._corrupt("; ".join(problems))

    def _refuse_newer(self, db: SqliteConnection) -> None:
        version = _pragma(db, "user_version")
        if version > SCHEMA_VERSION:
            raise NewerStoreError(str(self.path), str(version))

    def _migrate(self, db: SqliteConnection) -> None:
        if self._current(db):
            return
        db.execute("BEGIN IMMEDIATE")
        # Read again inside the lock: another process may have migrated meanwhile.
        migrate(db, _pragma(db, "user_version"))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")

    @staticmethod
    def _current(db: SqliteConnection) -> bool:
        return _pragma(db, "user_version") == SCHEMA_VERSION and (
            _pragma(db, "application_id") == APPLICATION_ID
        )

    def _reading(self) -> contextlib.AbstractContextManager[SqliteConnection | None]:
        return self._db(create=False)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[SqliteConnection]:
        """A checked connection inside BEGIN IMMEDIATE: committed at the end, else rolled back."""
        with self._db(create=True, check=True) as db:
            assert db is not None
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def reset(self) -> Path | None:
        """Back the database up beside itself, then empty it; the backup's path.

        An unreadable file is moved aside whole instead, so not a byte of it is lost.
        """
        if not self.path.exists():
            return None
        backup = self.path.with_name(
            f"{self.path.name}.bak-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
        )
        try:
            self._back_up_and_empty(backup)
        except OSError as exc:
            raise BackupError(str(self.path), _reason(exc)) from exc
        return backup

    def _back_up_and_empty(self, backup: Path) -> None:
        partial = backup.with_name(f".{backup.name}.partial")  # until the copy is whole
        self._clean_stale()
        try:
            with self._db(create=False, check=True) as db:
                assert db is not None
                os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                with contextlib.closing(sqlite3.connect(partial)) as copy:
                    db.raw.backup(copy)
                partial.replace(backup)
                db.execute("BEGIN IMMEDIATE")
                db.execute("DELETE FROM answers")
                db.execute("DELETE FROM game_topics")
                db.execute("DELETE FROM games")
                db.execute("DELETE FROM review_cards")
                db.execute("DELETE FROM daily_attempts")
                for summary in ("player_totals", "tallies", "player_tallies"):
                    db.execute(f"DELETE FROM {summary}")
                db.execute("COMMIT")
        except CorruptStoreError:
            self.path.rename(backup)
            for suffix in ("-wal", "-shm"):
                stale = self.path.with_name(self.path.name + suffix)
                if stale.exists():
                    stale.rename(backup.with_name(backup.name + suffix))
