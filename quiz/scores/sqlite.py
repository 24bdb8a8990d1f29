"""The SQLite score store: the file, WAL, BEGIN IMMEDIATE, the schema version in the file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from quiz.errors import StoreError
from quiz.scores.schema import MIGRATIONS, SCHEMA_VERSION
from quiz.scores.sql import SqlStore

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SqliteStore"]

BUSY_TIMEOUT_S = 5.0


class SqliteStore(SqlStore):
    """Scores in one SQLite file: WAL, a busy timeout, and BEGIN IMMEDIATE for every write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)

    def _fail(self, exc: sqlite3.Error) -> StoreError:
        detail = str(exc)
        if "locked" in detail or "busy" in detail:
            return StoreError(
                f"{self.path} stayed locked by another quiz for {BUSY_TIMEOUT_S:.0f} s;"
                " try again in a moment"
            )
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return self._corrupt(detail)
        return StoreError(
            f"cannot use {self.path} ({detail}); check that the folder is writable,"
            " or point QUIZ_HOME somewhere else"
        )

    def _corrupt(self, detail: str) -> StoreError:
        return StoreError(
            f"{self.path} is not a readable score database ({detail}). It was left as it is;"
            " 'quiz scores --reset' moves it aside to a backup and starts a fresh one"
        )

    def _create(self) -> None:
        """Make a new, migrated database and move it into place whole.

        A half-made file never shows under the real name, so an empty `scores.db` can only
        mean damage; when two games create it at once, the first to arrive wins.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".scores-", suffix=".db", dir=self.path.parent)
            os.close(fd)
        except OSError as exc:
            raise StoreError(
                f"cannot create {self.path.parent} ({exc.strerror or exc});"
                " point QUIZ_HOME at a writable folder"
            ) from exc
        fresh = Path(name)
        try:
            with contextlib.closing(sqlite3.connect(fresh, isolation_level=None)) as db:
                db.execute("PRAGMA journal_mode = WAL")
                self._migrate(db)
            with contextlib.suppress(FileExistsError):
                os.link(fresh, self.path)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot create {self.path} ({exc})") from exc
        finally:
            for leftover in (fresh, *(fresh.with_name(fresh.name + x) for x in ("-wal", "-shm"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    @contextlib.contextmanager
    def _db(self, *, create: bool, check: bool = False) -> Iterator[sqlite3.Connection | None]:
        """An open, migrated connection; None when there is no database yet.

        Writers `check` the whole file first, so nothing is ever written into a damaged one;
        readers skip that (1.3 s at a million games) and rely on SQLite's own errors for the
        pages they touch. Nothing is written before the file is known to be ours to write.
        """
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder, not a score database; move it away or set QUIZ_HOME"
            )
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
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
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
                db.close()

    def _check(self, db: sqlite3.Connection) -> None:
        problems = [" ".join(str(row[0]).split()) for row in db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise self._corrupt("; ".join(problems))

    def _refuse_newer(self, db: sqlite3.Connection) -> None:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer halpert-quiz (schema {version});"
                " upgrade halpert-quiz to read it"
            )

    def _migrate(self, db: sqlite3.Connection) -> None:
        if int(db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        # Read again inside the lock: another process may have migrated meanwhile.
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")

    def _reading(self) -> contextlib.AbstractContextManager[sqlite3.Connection | None]:
        return self._db(create=False)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
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
            with self._db(create=False, check=True) as db:
                assert db is not None
                with contextlib.closing(sqlite3.connect(backup)) as copy:
                    db.backup(copy)
                db.execute("BEGIN IMMEDIATE")
                db.execute("DELETE FROM answers")
                db.execute("DELETE FROM game_topics")
                db.execute("DELETE FROM games")
                db.execute("DELETE FROM review_cards")
                db.execute("DELETE FROM daily_attempts")
                db.execute("COMMIT")
        except StoreError as exc:
            if "not a readable score database" not in str(exc):
                raise
            self.path.rename(backup)
            for suffix in ("-wal", "-shm"):
                stale = self.path.with_name(self.path.name + suffix)
                if stale.exists():
                    stale.rename(backup.with_name(backup.name + suffix))
        return backup
