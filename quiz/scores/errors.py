"""The store's own failures, as facts (which store, what SQLite said) for the command line to
word; SQLite's errors sorted by their code name, never by their text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.errors import GameKeptError, StoreError, StoreOfflineError

if TYPE_CHECKING:
    import sqlite3


class StoreFailureError(StoreError):
    """A store that cannot be used: `where` names it (a file, or a server without password),
    `detail` is what the database said."""

    def __init__(self, where: str, detail: str = "") -> None:
        super().__init__(where, detail)
        self.where = where
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}" if self.detail else self.where


class CorruptStoreError(StoreFailureError):
    """The file is damaged, or not a database at all."""


class ForeignStoreError(StoreFailureError):
    """A database, but another program's: left untouched."""


class NewerStoreError(StoreFailureError):
    """Written by a newer version of the program; `detail` is its schema version."""


class StoreLockedError(StoreFailureError):
    """Another process held the store for the whole busy timeout."""


class ReadOnlyStoreError(StoreFailureError):
    """The file or its folder cannot be written."""


class StoreFullError(StoreFailureError):
    """The disk is full."""


class StoreIOError(StoreFailureError):
    """The disk failed to read or write."""


class StoreUnusableError(StoreFailureError):
    """Any other failure of the database."""


class DamagedRowsError(StoreFailureError):
    """Rows of the store `where` hold what no version writes (changed by hand) and were left
    out of what was read; `detail` names the first one's column, `value` what it held."""

    def __init__(self, where: str, column: str, value: object) -> None:
        super().__init__(where, column)
        self.value = value


class MissingGameError(StoreFailureError):
    """The store `where` holds no game with the id `game_id`."""

    def __init__(self, where: str, game_id: int) -> None:
        super().__init__(where, str(game_id))
        self.game_id = game_id


class DanglingLinkError(StoreFailureError):
    """The store's path is a symbolic link to nothing; `detail` is where it points."""


class StoreIsFolderError(StoreFailureError):
    """A folder stands where the store's file should be."""


class HomeNotFolderError(StoreFailureError):
    """A file stands where a folder above the store should be (`where` names it)."""


class StoreAccessError(StoreFailureError):
    """The file may not be read and written by this user."""


class StoreCreateError(StoreFailureError):
    """A new store cannot be made in the folder `where`; `detail` says why."""


class BackupError(StoreFailureError):
    """The store cannot be copied aside, so nothing was cleared; `detail` says why."""


class PostgresMissingError(StoreFailureError):
    """A server is named (`where` is the variable), but psycopg is not installed."""


class BadServerUrlError(StoreFailureError):
    """The server's URL (in the variable `where`) cannot be read."""


class ServerOfflineError(StoreFailureError, StoreOfflineError):
    """The server cannot be reached now; `detail` is what the connection said."""


class ServerRefusedError(StoreFailureError):
    """The server answered with an error; `detail` is what it said (without secrets)."""


class GameKeptOnDiskError(StoreFailureError, GameKeptError):
    """A finished game waits in the outbox `where` because the server failed with `cause`."""

    def __init__(self, where: str, cause: StoreError) -> None:
        super().__init__(where, str(cause))
        self.cause = cause


class OutboxLockError(StoreFailureError):
    """The outbox's lock file cannot be made or taken."""


class OutboxUnreadableError(StoreFailureError):
    """The outbox file cannot be read or parsed; its games were not sent."""


class OutboxWriteError(StoreFailureError):
    """The outbox file cannot be written."""


class OutboxDamagedError(StoreFailureError):
    """The outbox `where` (or some of its entries) was not ours; it was moved to `aside`."""

    def __init__(self, where: str, detail: str, aside: str) -> None:
        super().__init__(where, detail)
        self.aside = aside


class OutboxRefusedGameError(OutboxDamagedError):
    """The server refused a game of the outbox `where`; the game was moved to `aside`."""


class GamesForOtherServerError(StoreFailureError):
    """`detail` games of the outbox `where` wait for another server, `other`."""

    def __init__(self, where: str, detail: str, other: str) -> None:
        super().__init__(where, detail)
        self.other = other


# SQLite's primary result codes, by the name `sqlite3.Error.sqlite_errorname` starts with.
_BY_CODE: dict[str, type[StoreFailureError]] = {
    "BUSY": StoreLockedError,
    "LOCKED": StoreLockedError,
    "READONLY": ReadOnlyStoreError,
    "PERM": ReadOnlyStoreError,
    "CANTOPEN": ReadOnlyStoreError,
    "AUTH": ReadOnlyStoreError,
    "FULL": StoreFullError,
    "IOERR": StoreIOError,
    "NOTADB": CorruptStoreError,
    "CORRUPT": CorruptStoreError,
    "FORMAT": CorruptStoreError,
}


def sqlite_problem(where: str, exc: sqlite3.Error) -> StoreFailureError:
    """The store's failure for a SQLite error (`SQLITE_IOERR_SHORT_READ` is an I/O error)."""
    name = getattr(exc, "sqlite_errorname", None) or "SQLITE_ERROR"
    primary = name.removeprefix("SQLITE_").split("_")[0]
    return _BY_CODE.get(primary, StoreUnusableError)(where, str(exc))
