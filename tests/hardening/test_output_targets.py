"""`--output` and `--svg` write only where a person meant: through a symbolic link (the link
stays), never over a device, a FIFO or a folder (refused with one line)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.hardening.hostile import no_traceback, run_installed


def writes(home: Path, kind: str, target: Path, *, installed: bool = False) -> tuple[int, str]:
    """Write `kind` to `target` (in-process, or by the installed command): exit code, stderr."""
    if kind == "svg":
        played = run_cli("play", "--plain", "--count", "1", "--player", "Ann", input="\n")
        assert played.exit_code == 0, played.stderr
        args = ["share", "--player", "Ann", "--svg", str(target)]
    else:
        args = ["bank", "export", "--output", str(target)]
    if installed:
        done = run_installed(home, *args)
        return done.returncode, done.stderr
    result = run_cli(*args, input="\n")
    assert no_traceback(result)
    return result.exit_code, result.stderr


KINDS = ["export", "svg"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_link_is_written_through(quiz_home: Path, tmp_path: Path, kind: str) -> None:
    real = tmp_path / "real-file"
    real.write_text("old")
    link = tmp_path / "link"
    link.symlink_to(real)
    code, stderr = writes(quiz_home, kind, link)
    assert code == 0, stderr
    assert link.is_symlink()
    assert real.read_text() != "old"


@pytest.mark.parametrize("kind", KINDS)
def test_a_dangling_link_makes_its_target(quiz_home: Path, tmp_path: Path, kind: str) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "made-here")
    assert writes(quiz_home, kind, link)[0] == 0
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
    # A FIFO by the installed command: opened to write, it would wait for a reader for good,
    # and a process the test can stop, not the test run.
    code, stderr = writes(quiz_home, kind, path, installed=target == "fifo")
    assert code == 1
    assert len(stderr.splitlines()) == 1, stderr
    assert "not a regular file" in stderr
    after = path.stat()
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)
