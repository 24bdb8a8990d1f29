"""Games waiting in `$QUIZ_HOME` for the shared leaderboard's server: one file, locked, atomic."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.errors import StoreError
from quiz.files import locked, write_text_atomic
from quiz.scores.game_rows import GameRows


class Outbox:
    """Games kept for the server named `server` (host and database, never a password).

    Every change rewrites the whole file under an exclusive lock on a lock file beside it, so
    several quiz processes can keep and send games at once and none is lost or sent twice.
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
                raise StoreError(
                    f"cannot use the outbox {self.path} ({exc.strerror or exc})"
                ) from exc
            entries = self._read()
            before = list(entries)
            yield entries
            if entries != before:
                self._write(entries)

    def _read(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"the outbox {self.path} cannot be read ({exc}); games in it were not sent"
            ) from exc
        return list(data["games"])

    def _write(self, entries: list[dict[str, Any]]) -> None:
        if not entries:
            self.path.unlink()
            return
        write_text_atomic(self.path, json.dumps({"games": entries}, ensure_ascii=False, indent=1))

    def keep(self, game: GameRows) -> None:
        """Add a game to send later."""
        try:
            with self._locked() as entries:
                entries.append({"server": self.server, "game": game.as_json()})
        except OSError as exc:
            raise StoreError(
                f"cannot write the outbox {self.path} ({exc.strerror or exc})"
            ) from exc

    def waiting(self) -> bool:
        """Whether any game may be waiting (cheap: no lock, no parsing)."""
        return self.path.exists()

    @contextlib.contextmanager
    def sending(self) -> Iterator[list[GameRows]]:
        """The games waiting for this server, locked against other senders; those still in the
        list when the block ends stay in the outbox, the rest are gone for good."""
        with self._locked() as entries:
            ours = [entry for entry in entries if entry["server"] == self.server]
            games = [GameRows.from_json(entry["game"]) for entry in ours]
            try:
                yield games
            finally:
                left = {game.uuid for game in games}
                entries[:] = [
                    entry
                    for entry in entries
                    if entry["server"] != self.server or entry["game"]["uuid"] in left
                ]
