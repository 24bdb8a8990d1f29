"""Lines of stdin for an asyncio game: a thread reads them, the game awaits them."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from typing import TextIO

from quiz.output import safe


class AsyncLines:
    """Each line typed (without its newline, made safe); None once input has ended.

    Awaiting a line can be cancelled without losing it: it stays for the next question."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self.ended = False
        stream = stream or sys.stdin
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: TextIO) -> None:
        raw = getattr(stream, "buffer", None)
        try:
            for line in iter(raw.readline if raw else stream.readline, b"" if raw else ""):
                text = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
                self._put(safe(text.rstrip("\r\n")))
        except (OSError, ValueError):
            pass  # a closed or broken stdin ends the input like end of file does
        self._put(None)

    def _put(self, line: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the game is over and its loop closed
            self._loop.call_soon_threadsafe(self._lines.put_nowait, line)

    async def get(self) -> str:
        """The next line; EOFError when input has ended."""
        if self.ended:
            raise EOFError
        line = await self._lines.get()
        if line is None:
            self.ended = True
            raise EOFError
        return line
