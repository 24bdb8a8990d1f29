"""What the store's queries need from a database connection, on SQLite and on PostgreSQL.

Every shared statement numbers its parameters as PostgreSQL does (`$1`, `$2`, ...): psycopg's
raw cursor runs them as written, and SQLite reads `$1` as a parameter named `1`, bound from a
mapping. No statement is rewritten for either database. Rows are read by column name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgres"]


class Row(Protocol):
    """A result row read by column name: `sqlite3.Row`, or the dict of psycopg's `dict_row`."""

    def __getitem__(self, column: str, /) -> Any: ...


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Row | None: ...

    def fetchall(self) -> Sequence[Row]: ...

    def __iter__(self) -> Iterator[Row]: ...


class Connection(Protocol):
    """A connection running statements with numbered parameters (`$1`), rows by name."""

    dialect: Dialect

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


def _named(parameters: Sequence[Any]) -> dict[str, Any]:
    return {str(n): value for n, value in enumerate(parameters, start=1)}


class SqliteConnection:
    """A `sqlite3` connection (autocommit, rows by name) taking numbered parameters."""

    dialect: Dialect = "sqlite"

    def __init__(self, raw: sqlite3.Connection) -> None:
        raw.row_factory = sqlite3.Row
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> sqlite3.Cursor:
        return self.raw.execute(sql, _named(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> sqlite3.Cursor:
        return self.raw.executemany(sql, (_named(p) for p in parameters))

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction


# The columns a finished game and a daily attempt share, as their row dataclasses name them.
RESULT_COLUMNS = ("score", "correct", "total", "best_streak", "duration_s", "played_at")


def columns(row: Row, *names: str) -> dict[str, Any]:
    """The named columns of a row, as keyword arguments for a row dataclass."""
    return {name: row[name] for name in names}


def marks(count: int, first: int = 1) -> str:
    """`$1, $2, ...`: the numbered parameters of a list of `count` values from `first` on."""
    return ", ".join(f"${n}" for n in range(first, first + count))
