"""`--output` and `--svg` write only where a person meant: through a symbolic link (the link
stays), never over a device, a FIFO or a folder (refused with one line)."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import installed_quiz
from tests.hardening.hostile import quiz_env


def quiz(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_quiz(), *args], input="\n", env=quiz_env(home),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def writes(home: Path, kind: str, target: Path) -> subprocess.CompletedProcess[str]:
    if kind == "svg":
        assert quiz(home, "play", "--plain", "--count", "1", "--player", "Ann").returncode == 0
        return quiz(home, "share", "--player", "Ann", "--svg", str(target))
    return quiz(home, "bank", "export", "--output", str(target))


KINDS = ["export", "svg"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_link_is_written_through(quiz_home: Path, tmp_path: Path, kind: str) -> None:
    real = tmp_path / "real-file"
    real.write_text("old")
    link = tmp_path / "link"
    link.symlink_to(real)
    result = writes(quiz_home, kind, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text() != "old"


@pytest.mark.parametrize("kind", KINDS)
def test_a_dangling_link_makes_its_target(quiz_home: Path, tmp_path: Path, kind: str) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "made-here")
    assert writes(quiz_home, kind, link).returncode == 0
    assert link.is_symlink() and (tmp_path / "made-here").stat().st_size > 0


def device(path: Path) -> Path:
    """A character device like /dev/full, made here so that no test can harm the real one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device needs root (CI runs as root)")
    return path


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("target", ["device", "fifo", "link to a device"])
def test_devices_and_fifos_are_refused(
    quiz_home: Path, tmp_path: Path, kind: str, target: str
) -> None:
    path = tmp_path / "target"
    if target == "fifo":
        os.mkfifo(path)
    elif target == "device":
        device(path)
    else:
        path.symlink_to(device(tmp_path / "full"))
    before = path.stat()
    result = writes(quiz_home, kind, path)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "not a regular file" in result.stderr
    after = path.stat()
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)
