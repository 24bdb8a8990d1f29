"""A lock file beside a bank file, held across reading, changing and replacing it, then removed."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from quiz.paths import make_private_dir

WAIT_S = 10.0
_held: set[Path] = set()  # locks this process holds, so that taking one again is fine


class LockTimeoutError(OSError):
    """Another process kept the bank file locked for too long."""


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of bank file `path`; other processes wait (up to WAIT_S) for it."""
    key = path.absolute()
    if key in _held:
        yield
        return
    make_private_dir(path.parent)
    fd = _acquire(lock_path(path), time.monotonic() + WAIT_S)
    _held.add(key)
    try:
        yield
    finally:
        _held.discard(key)
        with contextlib.suppress(OSError):
            lock_path(path).unlink()  # removed while still held: nothing is left behind
        os.close(fd)


def _acquire(lock: Path, deadline: float) -> int:
    """An open, locked descriptor of the lock file that is still in place."""
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _wait(fd, lock, deadline)
            if os.fstat(fd).st_ino == lock.stat().st_ino:
                return fd
        except FileNotFoundError:
            pass  # its holder removed it as we waited: lock the next one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _wait(fd: int, lock: Path, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise LockTimeoutError(f"another quiz kept {lock} for {WAIT_S:.0f} s") from None
            time.sleep(0.02)
