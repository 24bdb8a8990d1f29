"""Atomic file replacement: a temp file in the same folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from quiz.paths import make_private_dir


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
