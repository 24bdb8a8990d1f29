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
from quiz.scores.schema import MIGRATIONS, SCHEMA_VERSION
from quiz.scores.sql import SqlStore

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SqliteStore"]

BUSY_TIMEOUT_S = 5.0
STALE_AFTER_S = 600  # a temp file this old belongs to a quiz that was killed
OUR_TABLES = {"games", "game_topics", "answers"}
APPLICATION_ID = int.from_bytes(b"HalQ")  # in the file header: this file is a Halpert Quiz store


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
        if "readonly database" in detail or "unable to open" in detail:
            return StoreError(
                f"cannot use {self.path} ({detail}): permission denied on the file or its"
                " folder, and SQLite must write both; make them writable (chmod u+w),"
                " or set QUIZ_HOME to another folder"
            )
        if "disk I/O error" in detail or "disk is full" in detail:
            return StoreError(
                f"cannot write {self.path} ({detail}): the disk may be full or failing;"
                " free some space and try again"
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
            make_private_dir(self.path.parent)
            fd, name = tempfile.mkstemp(prefix=".scores-", suffix=".db", dir=self.path.parent)
            os.close(fd)
        except OSError as exc:
            raise StoreError(
                f"cannot create a score database in {self.path.parent}"
                f" ({(exc.strerror or str(exc)).lower()}); point QUIZ_HOME at a writable folder"
            ) from exc
        fresh = Path(name)
        try:
            with contextlib.closing(sqlite3.connect(fresh, isolation_level=None)) as db:
                db.execute("PRAGMA journal_mode = WAL")
                self._migrate(db)
            with contextlib.suppress(FileExistsError):
                os.link(fresh, self.path)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        except OSError as exc:
            raise StoreError(f"cannot create {self.path} ({exc.strerror or exc})") from exc
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
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
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
                db.close()

    def _check_place(self) -> None:
        """What is at the path (or above it) can hold our database, or say why not."""
        if self.path.is_symlink() and not self.path.exists():
            raise StoreError(
                f"{self.path} is a symbolic link to {self.path.readlink()}, which does not"
                " exist; remove the link or point it at a score database"
            )
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder, not a score database; move it away or set QUIZ_HOME"
            )
        above = next((p for p in self.path.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise StoreError(f"{above} is not a folder; QUIZ_HOME must name a folder, or be unset")
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise StoreError(
                f"cannot open {self.path}: permission denied; give yourself read and write"
                " access to it (chmod u+rw), or set QUIZ_HOME to another folder"
            )

    def _recognise(self, db: sqlite3.Connection) -> None:
        """Refuse, before a byte is written, any SQLite file that is not a store of ours."""
        mark = int(db.execute("PRAGMA application_id").fetchone()[0])
        if mark == APPLICATION_ID:
            return
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if mark == 0 and tables >= OUR_TABLES:
            return  # ours, from before files were marked; the migration marks it
        raise StoreError(
            f"{self.path} is not a Halpert Quiz score database (another program's SQLite"
            " file?); it was left untouched: move it away, or set QUIZ_HOME to another folder"
        )

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
        if self._current(db):
            return
        db.execute("BEGIN IMMEDIATE")
        # Read again inside the lock: another process may have migrated meanwhile.
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")

    @staticmethod
    def _current(db: sqlite3.Connection) -> bool:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        return version == SCHEMA_VERSION and (
            int(db.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID
        )

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
            self._back_up_and_empty(backup)
        except OSError as exc:
            raise StoreError(
                f"cannot back up {self.path} ({(exc.strerror or str(exc)).lower()});"
                " nothing was cleared"
            ) from exc
        return backup

    def _back_up_and_empty(self, backup: Path) -> None:
        partial = backup.with_name(f".{backup.name}.partial")  # until the copy is whole
        self._clean_stale()
        try:
            with self._db(create=False, check=True) as db:
                assert db is not None
                os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                with contextlib.closing(sqlite3.connect(partial)) as copy:
                    db.backup(copy)
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
        except StoreError as exc:
            if "not a readable score database" not in str(exc):
                raise
            self.path.rename(backup)
            for suffix in ("-wal", "-shm"):
                stale = self.path.with_name(self.path.name + suffix)
                if stale.exists():
                    stale.rename(backup.with_name(backup.name + suffix))
