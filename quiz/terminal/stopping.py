"""SIGTERM and SIGHUP during play: unwind like Ctrl-C, restore the terminal, exit 128 + signal."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
# Show the cursor, end bracketed paste, wrap lines again: what a prompt cut short leaves undone.
RESTORE = "\x1b[?25h\x1b[?2004l\x1b[?7h"


class _Stopped(SystemExit):
    """Raised by the signal handler; SystemExit, so that no `except Exception` swallows it."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped(128 + signum)


def _terminal_settings() -> list[Any] | None:
    if not sys.stdin.isatty():
        return None
    import termios

    return termios.tcgetattr(sys.stdin)


def _restore(settings: list[Any] | None) -> None:
    if settings is None:
        return
    import termios

    with contextlib.suppress(OSError, termios.error):
        termios.tcsetattr(sys.stdin, termios.TCSADRAIN, settings)
    if sys.stdout.isatty():
        sys.stdout.write(RESTORE)
        sys.stdout.flush()


@contextlib.contextmanager
def stoppable(say: Callable[[str], None]) -> Iterator[None]:
    """Within: SIGTERM and SIGHUP end the session (exit 128 + signal) with the terminal as found."""
    settings = _terminal_settings()
    previous = {signum: signal.signal(signum, _stop) for signum in STOPPING_SIGNALS}
    try:
        yield
    except _Stopped as stopped:
        _restore(settings)
        name = signal.Signals(int(str(stopped.code)) - 128).name
        say(f"Quiz stopped ({name}); the game in progress was not saved.")
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
