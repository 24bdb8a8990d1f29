"""What the store's queries need from a database connection, on SQLite and on PostgreSQL.

Every shared statement numbers its parameters as PostgreSQL does (`$1`, `$2`, ...): psycopg's
raw cursor runs them as written, and SQLite reads `$1` as a parameter named `1`, bound from a
mapping. No statement is rewritten for either database. Rows are read by column name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Literal, Protocol, TypeVar

Dialect = Literal["sqlite", "postgres"]
T = TypeVar("T")


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
    damaged: list[DamagedRowError]  # rows `sound` left out, for the store to notice once

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
        self.damaged: list[DamagedRowError] = []

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> sqlite3.Cursor:
        return self.raw.execute(sql, _named(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> sqlite3.Cursor:
        return self.raw.executemany(sql, (_named(p) for p in parameters))

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction


def result_columns(row: Row) -> dict[str, Any]:
    """The player and result columns a game and a daily attempt share, checked: keyword
    arguments for their row dataclasses."""
    counts = ("score", "correct", "total", "best_streak")
    return {
        "player": text(row, "player"),
        **{name: whole(row, name) for name in counts},
        "duration_s": number(row, "duration_s"),
        "played_at": text(row, "played_at"),  # not a time? views show it as `?`
    }


def marks(count: int, first: int = 1) -> str:
    """`$1, $2, ...`: the numbered parameters of a list of `count` values from `first` on."""
    return ", ".join(f"${n}" for n in range(first, first + count))


class DamagedRowError(Exception):
    """A stored value its column cannot hold (text in a number column, a fraction of a count,
    a mode no version writes): the file was changed by hand."""

    def __init__(self, column: str, value: object) -> None:
        super().__init__(column, value)
        self.column = column
        self.value = value


def sound(db: Connection, rows: Iterable[Row], make: Callable[[Row], T]) -> list[T]:
    """`make` of every row that holds what its columns promise; a damaged row is left out,
    and kept in `db.damaged` for the store to say so once."""
    kept = []
    for row in rows:
        try:
            kept.append(make(row))
        except DamagedRowError as exc:
            db.damaged.append(exc)
    return kept


def whole(row: Row, column: str) -> int:
    """A count or a score: an integer (PostgreSQL's sums are whole Decimals)."""
    value = row[column]
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DamagedRowError(column, value)
    return value


def maybe_whole(row: Row, column: str) -> int | None:
    return None if row[column] is None else whole(row, column)


def number(row: Row, column: str) -> float:
    """A measure (seconds): any real number."""
    value = row[column]
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise DamagedRowError(column, value)
    return float(value)


def text(row: Row, column: str) -> str:
    value = row[column]
    if not isinstance(value, str):
        raise DamagedRowError(column, value)
    return value


def maybe_text(row: Row, column: str) -> str | None:
    return None if row[column] is None else text(row, column)


def one_of(row: Row, column: str, allowed: Collection[str]) -> str:
    """A word from a fixed list (a mode, an outcome)."""
    value = row[column]
    if value not in allowed:
        raise DamagedRowError(column, value)
    return str(value)
