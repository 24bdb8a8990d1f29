"""The PostgreSQL score store: the connection, a version table, migrations, transactions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from quiz.errors import StoreError, StoreOfflineError
from quiz.models import GameResult
from quiz.scores import clock
from quiz.scores.db import DamagedRowError, Dialect, marks
from quiz.scores.errors import (
    BadServerUrlError,
    GameKeptOnDiskError,
    GamesForOtherServerError,
    NewerStoreError,
    PostgresMissingError,
    ServerOfflineError,
    ServerRefusedError,
    StoreFailureError,
)
from quiz.scores.game_rows import GameRows
from quiz.scores.notices import notice
from quiz.scores.outbox import Outbox
from quiz.scores.schema import SCHEMA_VERSION, migrate
from quiz.scores.schema_postgres import VERSION_TABLE
from quiz.scores.server_bounds import (
    connect_options,
    dropped,
    known_offline,
    remember_offline,
    watchdog,
)
from quiz.scores.sql import SqlStore

if TYPE_CHECKING:
    import psycopg

URL_VARIABLE = "QUIZ_DATABASE_URL"
# Advisory lock keys: one for migrations, one that makes writers take turns as in SQLite.
MIGRATION_LOCK = int.from_bytes(b"HalQmigr")
WRITE_LOCK = int.from_bytes(b"HalQsave")


class PostgresConnection:
    """A psycopg connection running the shared SQL as written (numbered parameters, rows as
    dicts), in autocommit unless inside `raw.transaction()`."""

    dialect: Dialect = "postgres"

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self.damaged: list[DamagedRowError] = []

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        return self.raw.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        cursor.executemany(sql, parameters)
        return cursor


def _psycopg() -> ModuleType:
    try:
        import psycopg
    except ImportError:
        raise PostgresMissingError(URL_VARIABLE) from None
    return psycopg


class ServerUrl:
    """The URL of the server, and how messages name it: host and database, never the password."""

    def __init__(self, url: str) -> None:
        psycopg = _psycopg()
        self.url = url
        try:
            parts = psycopg.conninfo.conninfo_to_dict(url)
        except (psycopg.Error, UnicodeError):  # UnicodeError: bytes that are no text
            parts = {"port": "?"}
        if not all(port.isdigit() for port in str(parts.get("port") or "0").split(",")):
            raise BadServerUrlError(URL_VARIABLE)
        self.secrets = [str(parts[key]) for key in ("password",) if parts.get(key)]
        host = str(parts.get("host") or "localhost")
        port = f":{parts['port']}" if parts.get("port") else ""
        self.name = f"database {parts.get('dbname') or parts.get('user') or '?'} on {host}{port}"

    def scrub(self, text: str) -> str:
        """`text` on one line, with the URL and any password in it hidden."""
        from urllib.parse import quote

        text = " ".join(text.split()).replace(self.url, self.name)
        for secret in self.secrets:
            for form in {secret, quote(secret, safe=""), quote(secret)}:
                text = text.replace(form, "***")
        return text


class PostgresStore(SqlStore):
    """Scores on a PostgreSQL server shared by an office; finished games that cannot reach it
    wait in a local outbox and are sent, once, by the next command that reaches it."""

    def __init__(self, url: str, outbox: Path) -> None:
        self.server = ServerUrl(url)
        self.where = self.server.name
        self.outbox = Outbox(outbox, self.where)
        self._db: PostgresConnection | None = None

    def _fail(self, exc: Exception) -> StoreError:
        """The store's failure for a psycopg error: the server by name, never its password. A
        server out of reach is not tried again by this process (a party waits once, not 8 times)."""
        psycopg = _psycopg()
        detail = self.server.scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
        detail = detail.rsplit(" failed: ", 1)[-1].removeprefix("FATAL: ").strip()
        if isinstance(exc, psycopg.OperationalError):
            remember_offline(self.server.url, detail or "no answer")
            return ServerOfflineError(self.where, detail or "no answer")
        return ServerRefusedError(self.where, detail)

    def _connection(self) -> PostgresConnection:
        if self._db is not None:
            if not dropped(self._db.raw.fileno()):
                return self._db
            self._drop()  # the server restarted, or the network dropped us: connect again once
        offline = known_offline(self.server.url)
        if offline is not None:
            raise ServerOfflineError(self.where, offline)
        psycopg = _psycopg()
        from psycopg.rows import dict_row

        try:
            raw = psycopg.connect(
                self.server.url,
                autocommit=True,
                cursor_factory=psycopg.RawCursor,
                row_factory=dict_row,
                application_name="halpert-quiz",
                **connect_options(),
            )
        except psycopg.Error as exc:
            raise self._fail(exc) from None
        db = PostgresConnection(raw)
        try:
            with watchdog(raw.fileno()):
                self._migrate(db)
        except psycopg.Error as exc:
            raw.close()
            raise self._fail(exc) from None
        except BaseException:
            raw.close()
            raise
        self._db = db
        self._send_outbox()
        return db

    def _migrate(self, db: PostgresConnection) -> None:
        """Bring the schema to this version once, whoever else is starting at the same moment."""
        if self._version(db) == SCHEMA_VERSION:
            return
        with db.raw.transaction():
            db.execute("SELECT pg_advisory_xact_lock($1)", (MIGRATION_LOCK,))
            db.execute(VERSION_TABLE)
            version = self._version(db)  # again, under the lock
            if version is None:
                db.execute("INSERT INTO quiz_schema (version) VALUES (0)")
            migrate(db, version or 0)
            db.execute("UPDATE quiz_schema SET version = $1", (SCHEMA_VERSION,))

    def _version(self, db: PostgresConnection) -> int | None:
        """The schema version on the server; None before the first migration."""
        found = db.execute("SELECT to_regclass('quiz_schema') AS name").fetchone()
        if found is None or found["name"] is None:
            return None
        row = db.execute("SELECT version FROM quiz_schema").fetchone()
        version = None if row is None else int(row["version"])
        self._refuse_newer(version)
        return version

    def _refuse_newer(self, version: int | None) -> None:
        if version is not None and version > SCHEMA_VERSION:
            raise NewerStoreError(self.where, str(version))

    def _send_outbox(self) -> None:
        """Send the games kept while the server was out of reach; each is stored once. The
        outbox stays unlocked while a game travels; one the server refuses is set aside."""
        if not self.outbox.waiting():
            return
        try:
            games, others = self.outbox.pending()
        except StoreFailureError as exc:  # an outbox we cannot use never stops saving
            notice(exc)
            return
        for game in games:
            try:
                self.store_game(game)
            except StoreOfflineError:
                return  # they wait for the next command
            except StoreFailureError as exc:
                self.outbox.set_aside(game, exc.detail)
                continue
            self.outbox.forget(game)
        for server, count in others.items():
            many = "1 game" if count == 1 else f"{count} games"
            notice(GamesForOtherServerError(str(self.outbox.path), many, server))

    @contextlib.contextmanager
    def _transaction(self, *, write: bool) -> Iterator[PostgresConnection]:
        psycopg = _psycopg()
        db = self._connection()
        try:
            with watchdog(db.raw.fileno()), db.raw.transaction():
                if write:
                    db.execute("SELECT pg_advisory_xact_lock($1)", (WRITE_LOCK,))
                yield db
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError) or db.raw.closed:
                self._drop()
            raise self._fail(exc) from None

    def _drop(self) -> None:
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.raw.close()
        self._db = None

    def _reading(self) -> contextlib.AbstractContextManager[PostgresConnection]:
        return self._transaction(write=False)

    def _writing(self) -> contextlib.AbstractContextManager[PostgresConnection]:
        return self._transaction(write=True)

    def save_game(self, result: GameResult) -> int:
        """Store the game on the server; kept in the outbox when the server cannot take it."""
        game = GameRows.of(result, clock.now())
        try:
            return self.store_game(game)
        except StoreError as exc:
            self.outbox.keep(game)
            raise GameKeptOnDiskError(str(self.outbox.path), exc) from None
        except BaseException:  # Ctrl-C, or anything else once the game ended: keep it
            self.outbox.keep(game)
            raise

    def reset(self) -> Path | None:
        """Copy the whole shared leaderboard into a new local SQLite file, then empty it; the
        copy's path. One transaction on the server: a copy that fails clears nothing."""
        from datetime import datetime

        from quiz.scores.sqlite import SqliteStore

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        backup = SqliteStore(self.outbox.path.with_name(f"server-backup-{stamp}.db"))
        with self._writing() as db, backup._writing() as copy:
            found = copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = sorted((row["name"] for row in found), key=lambda name: name != "games")
            for table in tables:  # games first: the others refer to it
                rows = db.execute(f"SELECT * FROM {table}").fetchall()
                if rows:
                    columns = list(rows[0])
                    copy.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks(len(columns))})",
                        ([row[c] for c in columns] for row in rows),
                    )
            for table in reversed(tables):
                db.execute(f"DELETE FROM {table}")
        return backup.path
