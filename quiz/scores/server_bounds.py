"""Bounds on every round trip to the score server: timeouts the server enforces, keepalives,
a watchdog that cuts a connection nobody answers, and servers remembered as offline."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from typing import Any

CONNECT_TIMEOUT_S = 5
# The server gives up on a statement, or on waiting for a lock, before our watchdog fires.
STATEMENT_TIMEOUT_S = 6
LOCK_TIMEOUT_S = 4
# A quiz suspended inside a transaction (Ctrl-Z, a laptop lid) lets go of the write lock.
IDLE_IN_TRANSACTION_S = 20
# No answer within this cuts the connection: a frozen server, a silent network.
ROUND_TRIP_S = 8
# Connect, then one round trip, retried once on a connection found dropped: a save ends in
# at most CONNECT_TIMEOUT_S + ROUND_TRIP_S (13 s), the bound 'quiz help office' names as 15 s.
SAVE_BOUND_S = 15

_offline: dict[str, str] = {}  # server URL -> what it said when given up, for this process


def connect_options() -> dict[str, Any]:
    """psycopg connection parameters that keep every wait bounded."""
    server_side = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_S * 1000}"
        f" -c lock_timeout={LOCK_TIMEOUT_S * 1000}"
        f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_S * 1000}"
    )
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "options": server_side,
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": ROUND_TRIP_S * 1000,
    }


def remember_offline(url: str, why: str) -> None:
    _offline[url] = why


def known_offline(url: str) -> str | None:
    """Why the server was given up earlier in this process, or None."""
    return _offline.get(url)


@contextlib.contextmanager
def watchdog(fileno: int, seconds: float = ROUND_TRIP_S) -> Iterator[None]:
    """Within the block, a round trip on the connection whose socket is `fileno` that outlives
    `seconds` has its socket cut, so the waiting call fails at once instead of waiting for an
    answer that never comes."""
    timer = threading.Timer(seconds, _cut, (fileno,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _cut(fileno: int) -> None:
    with contextlib.suppress(OSError):
        twin = socket.socket(fileno=os.dup(fileno))
        try:
            twin.shutdown(socket.SHUT_RDWR)  # the connection's own socket: its reader wakes
        finally:
            twin.close()


def dropped(fileno: int) -> bool:
    """Whether an idle connection's socket was closed by the other end (a restart, a proxy):
    an idle connection has nothing to read unless its server said goodbye."""
    import select

    try:
        readable, _, _ = select.select([fileno], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)
