"""Files changed safely: atomic replacement (temp file, fsync, rename) and a lock file with a timeout."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from quiz.paths import make_private_dir

WAIT_S = 10.0
_held: set[Path] = set()  # locks this process holds, so that taking one again is fine


class LockTimeoutError(OSError):
    """Another process kept a file locked for too long."""


def write_bytes_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace `path` with `data` so readers see the old file or the new one, never half.

    `sync=False` skips the fsync, for files that detect their own damage (a cache entry).
    """
    make_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if path.exists():
            tmp.chmod(path.stat().st_mode & 0o777)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """`write_bytes_atomic` for text, stored as UTF-8 with the newlines as given."""
    write_bytes_atomic(path, text.encode("utf-8"))


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the lock of file `path`, beside it; other processes wait (up to `wait_s`) for it.

    Taking a lock this process already holds is fine. The lock file is removed on release.
    """
    key = path.absolute()
    if key in _held:
        yield
        return
    make_private_dir(path.parent)
    fd = _acquire(lock_path(path), time.monotonic() + wait_s, wait_s)
    _held.add(key)
    try:
        yield
    finally:
        _held.discard(key)
        with contextlib.suppress(OSError):
            lock_path(path).unlink()  # removed while still held: nothing is left behind
        os.close(fd)


def _acquire(lock: Path, deadline: float, wait_s: float) -> int:
    """An open, locked descriptor of the lock file that is still in place."""
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _wait(fd, lock, deadline, wait_s)
            if os.fstat(fd).st_ino == lock.stat().st_ino:
                return fd
        except FileNotFoundError:
            pass  # its holder removed it as we waited: lock the next one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _wait(fd: int, lock: Path, deadline: float, wait_s: float) -> None:
    import fcntl

    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise LockTimeoutError(f"another quiz kept {lock} for {wait_s:.0f} s") from None
            time.sleep(0.02)
