"""Games waiting in `$QUIZ_HOME` for the shared leaderboard's server: one file, locked, atomic,
read defensively (a damaged file is set aside with one warning and never stops saving)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from quiz.files import lock_path, locked, write_text_atomic
from quiz.scores.errors import (
    OutboxDamagedError,
    OutboxLockError,
    OutboxRefusedGameError,
    OutboxUnreadableError,
    OutboxWriteError,
)
from quiz.scores.game_rows import GameRows
from quiz.scores.notices import notice

MAX_BYTES = 32 * 1024 * 1024  # some ten thousand games: more is no outbox of ours


class DamagedError(ValueError):
    """The outbox file is not one this program wrote."""


class Outbox:
    """Games kept for the server named `server` (host and database, never a password).

    Every change rewrites the whole file under an exclusive lock on a lock file beside it, so
    several quiz processes can keep and send games at once and none is lost. The lock is held
    only to read or change the file, never while a game travels to the server: a game sent by
    two processes at once is stored once (every game has a UUID).
    """

    def __init__(self, path: Path, server: str) -> None:
        self.path = path
        self.server = server

    @contextlib.contextmanager
    def _locked(self) -> Iterator[list[dict[str, Any]]]:
        """Every entry of the file, for the caller to change in place; written back at the end."""
        with contextlib.ExitStack() as lock:
            try:
                lock.enter_context(locked(self.path))
            except OSError as exc:  # a timeout too: another quiz kept it too long
                raise OutboxLockError(str(lock_path(self.path)), exc.strerror or str(exc)) from exc
            entries = self._read()
            before = list(entries)
            yield entries
            if entries != before:
                self._write(entries)

    def _read(self) -> list[dict[str, Any]]:
        """The file's entries; a damaged file is set aside, its good entries kept."""
        try:
            data = json.loads(self._bytes())
            if not isinstance(data, dict) or not isinstance(data.get("games"), list):
                raise DamagedError("not an outbox of games")
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            self._set_aside(self.path, exc)
            return []
        good = [entry for entry in data["games"] if _readable(entry)]
        if len(good) < len(data["games"]):
            bad = [entry for entry in data["games"] if not _readable(entry)]
            aside = self._aside_name()
            _write_json(aside, bad)
            notice(OutboxDamagedError(str(self.path), f"{len(bad)} unreadable entries", str(aside)))
            self._write(good)
        return good

    def _bytes(self) -> bytes:
        """The file's bytes, if it is a regular file of a sensible size (a FIFO, a device or a
        link to one is not read: it could block or never end)."""
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise DamagedError("not a regular file")
            if info.st_size > MAX_BYTES:
                raise DamagedError(f"larger than {MAX_BYTES // 2**20} MB")
            with os.fdopen(os.dup(fd), "rb") as handle:
                return handle.read(MAX_BYTES + 1)
        finally:
            os.close(fd)

    def _aside_name(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return self.path.with_name(f"{self.path.name}.damaged-{stamp}")

    def _set_aside(self, path: Path, why: Exception) -> None:
        aside = self._aside_name()
        reason = why.strerror if isinstance(why, OSError) and why.strerror else str(why)
        try:
            path.rename(aside)
        except OSError as exc:
            raise OutboxUnreadableError(str(path), f"{reason}; {exc.strerror or exc}") from exc
        notice(OutboxDamagedError(str(path), reason, str(aside)))

    def _write(self, entries: list[dict[str, Any]]) -> None:
        if not entries:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            return
        _write_json(self.path, entries)

    def keep(self, game: GameRows) -> None:
        """Add a game to send later."""
        try:
            with self._locked() as entries:
                entries.append({"server": self.server, "game": game.as_json()})
        except OSError as exc:
            raise OutboxWriteError(str(self.path), exc.strerror or str(exc)) from exc

    def waiting(self) -> bool:
        """Whether any game may be waiting (cheap: no lock, no parsing)."""
        return os.path.lexists(self.path)

    def pending(self) -> tuple[list[GameRows], dict[str, int]]:
        """The games waiting for this server, and how many wait for each other server."""
        with self._locked() as entries:
            ours = [GameRows.from_json(e["game"]) for e in entries if e["server"] == self.server]
            others: dict[str, int] = {}
            for entry in entries:
                if entry["server"] != self.server:
                    others[entry["server"]] = others.get(entry["server"], 0) + 1
        return ours, others

    def forget(self, game: GameRows) -> None:
        """Take a game the server now holds out of the outbox."""
        with self._locked() as entries:
            entries[:] = [
                entry
                for entry in entries
                if entry["server"] != self.server or entry["game"]["uuid"] != game.uuid
            ]

    def set_aside(self, game: GameRows, why: str) -> None:
        """Move a game the server refuses out of the outbox, into a file of its own."""
        aside = self._aside_name()
        _write_json(aside, [{"server": self.server, "game": game.as_json(), "refused": why}])
        self.forget(game)
        notice(OutboxRefusedGameError(str(self.path), why, str(aside)))


def _readable(entry: object) -> bool:
    """Whether an outbox entry has the shape this program writes."""
    if not isinstance(entry, dict) or not isinstance(entry.get("server"), str):
        return False
    try:
        GameRows.from_json(entry["game"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return True


def _write_json(path: Path, entries: list[dict[str, Any]]) -> None:
    write_text_atomic(path, json.dumps({"games": entries}, ensure_ascii=False, indent=1))
