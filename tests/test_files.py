"""Atomic replacement and lock files: readers never see half a file, a held lock times out."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from quiz.files import LockTimeoutError, lock_path, locked, write_bytes_atomic, write_text_atomic


def test_an_atomic_write_keeps_the_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "bank.toml"
    write_text_atomic(target, "first\n")
    target.chmod(0o640)
    write_bytes_atomic(target, b"second\n", sync=False)
    assert target.read_text(encoding="utf-8") == "second\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["bank.toml"]


def test_a_lock_is_reentrant_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "bank.toml"
    with locked(target), locked(target):
        assert lock_path(target).exists()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_held_by_another_holder_times_out(tmp_path: Path) -> None:
    target = tmp_path / "outbox.json"
    fd = os.open(lock_path(target), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another open file: as another process would hold it
        with pytest.raises(LockTimeoutError, match="another quiz kept"), locked(target, 0.1):
            pass
    finally:
        os.close(fd)
    with locked(target):  # free again
        pass
