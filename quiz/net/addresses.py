"""Addresses: where a player finds the room (`HOST:PORT`), and this machine's own."""

from __future__ import annotations

import re
import socket

from quiz.errors import UsageError

DEFAULT_PORT = 8765
ALL = ("", "0.0.0.0", "::")  # binding to one of these listens on every address
_ADDRESS = re.compile(
    r"\[(?P<v6>[0-9A-Fa-f:.]+)\](?::(?P<p6>\d{1,5}))?|(?P<host>[^\s:/\[\]]+)(?::(?P<port>\d{1,5}))?"
)


def parse_address(text: str) -> tuple[str, int]:
    """Host and port of `HOST:PORT` (`[::1]:PORT` for IPv6; the port defaults to 8765)."""
    found = _ADDRESS.fullmatch(text.strip())
    if not found:
        raise UsageError(
            f"'{text}' is not an address: give HOST:PORT, like 192.168.1.20:{DEFAULT_PORT}"
        )
    host = found["v6"] or found["host"]
    port = int(found["p6"] or found["port"] or DEFAULT_PORT)
    if not 1 <= port <= 65535:
        raise UsageError(f"'{text}': a port is 1 to 65535")
    return host, port


def join_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def own_addresses(bind: str) -> list[str]:
    """Where players can reach a room bound to `bind`: the addresses the system gives for
    this machine's name, then 127.0.0.1 (only `bind` itself when bound to one address)."""
    if bind not in ALL:
        return [bind]
    try:
        found = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        found = []
    local = "127.0.0.1"
    return [a for a in dict.fromkeys(found) if not a.startswith("127.")] + [local]
