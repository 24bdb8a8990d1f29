"""Odd things at `scores.db` and `QUIZ_HOME`, through the command line: one clear line each."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from quiz.scores.sqlite import APPLICATION_ID
from tests.conftest import installed_quiz, run_cli
from tests.scores.test_sqlite_store import make_v1

# As root, file modes bind only without the capabilities that override them.
UNPRIVILEGED = (
    ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if os.geteuid() == 0 and shutil.which("setpriv")
    else []
)
needs_modes = pytest.mark.skipif(
    os.geteuid() == 0 and not UNPRIVILEGED, reason="root ignores file modes and setpriv is missing"
)


class Ran(NamedTuple):
    code: int
    stdout: str
    stderr: str


def quiz(*args: str, stdin: str = "") -> Ran:
    """`quiz ARGS` in-process; no exception got out of it."""
    result = run_cli(*args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def unprivileged(*args: str, stdin: str = "") -> Ran:
    """`quiz ARGS` in a process that file modes bind: as root, one without the capabilities
    that override them, which only a new process can drop."""
    result = subprocess.run(
        [*UNPRIVILEGED, installed_quiz(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return Ran(result.returncode, result.stdout, result.stderr)


PLAY = ("play", "--plain", "--count", "1", "--player", "Pam")


def play() -> Ran:
    return quiz(*PLAY, stdin="\n")


def one_error(result: Ran, *words: str) -> str:
    assert result.code == 1, result
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ")
    for word in words:
        assert word.lower() in line.lower(), line
    return line


def played_without_saving(result: Ran, *words: str) -> None:
    assert result.code == 0, result.stderr
    assert "Final score" in result.stdout
    (warning,) = [line for line in result.stderr.splitlines() if "will not be saved" in line]
    for word in words:
        assert word.lower() in warning.lower(), warning


def foreign(path: Path, schema: str) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(schema)
    return path.read_bytes()


FOREIGN = {
    "notes app": "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');",
    "own games table": "CREATE TABLE games (id INTEGER PRIMARY KEY, name TEXT); PRAGMA user_version = 3;",
    "other application id": "PRAGMA application_id = 42; CREATE TABLE t (x);",
    "empty database": "CREATE TABLE t (x); DROP TABLE t;",
}


@pytest.mark.parametrize("schema", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_database_is_refused_without_a_byte_changed(
    quiz_home: Path, schema: str
) -> None:
    db = quiz_home / "scores.db"
    before = foreign(db, schema)
    for command in (("scores",), ("stats",), ("scores", "--json"), ("scores", "--reset", "--yes")):
        one_error(quiz(*command), str(db), "not a Halpert Quiz score database")
        assert db.read_bytes() == before
    played_without_saving(play(), str(db), "not a Halpert Quiz score database")
    assert db.read_bytes() == before
    # Nothing beside it but the bank cache that playing fills (no journal, no backup).
    assert sorted(p.name for p in quiz_home.iterdir()) == ["cache", "scores.db"]


def test_our_database_is_marked_and_an_older_one_is_recognised(quiz_home: Path) -> None:
    play()
    db = quiz_home / "scores.db"
    with contextlib.closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    db.unlink()
    make_v1(db)
    assert "Pam" in quiz("scores", "--all").stdout
    with contextlib.closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_a_dangling_symlink_as_scores_db(quiz_home: Path) -> None:
    quiz_home.mkdir()
    db = quiz_home / "scores.db"
    db.symlink_to(quiz_home / "gone" / "scores.db")
    for command in ("scores", "stats"):
        one_error(quiz(command), str(db), "link", "does not exist")
    played_without_saving(play(), str(db), "link")
    assert db.is_symlink() and not db.exists()


def test_quiz_home_that_is_a_regular_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "afile"
    home.write_text("mine", encoding="utf-8")
    monkeypatch.setenv("QUIZ_HOME", str(home))
    for command in ("scores", "stats"):
        one_error(quiz(command), str(home), "not a folder")
    played_without_saving(play(), str(home), "not a folder")
    assert home.read_text(encoding="utf-8") == "mine"


# End to end (this test and the next): the modes bind only a process without the capabilities
# that override them, and a process cannot take them back.
@needs_modes
def test_a_score_file_nobody_may_read(quiz_home: Path) -> None:
    play()
    db = quiz_home / "scores.db"
    db.chmod(0)
    for command in ("scores", "stats"):
        one_error(unprivileged(command), str(db), "permission")
    played_without_saving(unprivileged(*PLAY, stdin="\n"), str(db), "permission")


@needs_modes
def test_a_read_only_home(quiz_home: Path) -> None:
    quiz_home.mkdir()
    quiz_home.chmod(0o500)
    assert unprivileged("scores").code == 0
    played_without_saving(unprivileged(*PLAY, stdin="\n"), str(quiz_home), "permission")
    quiz_home.chmod(0o700)
    play()
    quiz_home.chmod(0o500)
    reset = unprivileged("scores", "--reset", "--yes")
    one_error(reset, str(quiz_home / "scores.db"), "permission")
    assert "Pam" in quiz("scores", "--all").stdout
    added = unprivileged(
        "add", "--type", "truefalse", "--topic", "T", "--difficulty", "easy",
        "--prompt", "Can a read-only home take a question?", "--answer", "false",
    )  # fmt: skip
    one_error(added, str(quiz_home / "bank"), "permission")


@contextlib.contextmanager
def full_disk() -> Iterator[None]:
    """Meanwhile files may not grow past 4 KB, and growing one is an error, not a signal."""
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, limits[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)


def test_a_full_disk(quiz_home: Path) -> None:
    with full_disk():
        played_without_saving(play(), str(quiz_home / "scores.db"), "disk may be full")
    assert not list(quiz_home.glob(".scores-*"))
    assert play().code == 0  # then a game into the existing file, on a full disk
    with full_disk():
        played_without_saving(play(), str(quiz_home / "scores.db"), "disk may be full")
    assert len(quiz("scores", "--json", "--all").stdout.split('"rank"')) == 2


def test_stale_temp_files_and_partial_backups_are_cleaned(quiz_home: Path) -> None:
    play()
    stale = [
        ".scores-abc123.db",
        ".scores-abc123.db-wal",
        ".scores.db.bak-20260101-000000-0.partial",
    ]
    fresh = ".scores-def456.db"
    for name in [*stale, fresh]:
        (quiz_home / name).write_bytes(b"half")
    old = time.time() - 3600
    for name in stale:
        os.utime(quiz_home / name, (old, old))
    play()
    left = {p.name for p in quiz_home.iterdir()}
    assert not left & set(stale)
    assert fresh in left  # perhaps a game being saved this very moment


def private(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_is_private_whatever_the_umask(quiz_home: Path) -> None:
    umask = os.umask(0)
    try:
        play()
        added = quiz(
            "add", "--type", "truefalse", "--topic", "T", "--difficulty", "easy",
            "--prompt", "Is this file private?", "--answer", "true",
        )  # fmt: skip
        assert added.code == 0, added.stderr
        assert quiz("scores", "--reset", "--yes").code == 0
        play()
    finally:
        os.umask(umask)
    assert private(quiz_home) == 0o700
    assert private(quiz_home / "bank") == 0o700
    files = [p for p in quiz_home.rglob("*") if p.is_file()]
    assert {p.name.split("-")[0] for p in files} >= {"scores.db", "user.toml"}
    assert any(p.name.startswith("scores.db.bak-") for p in files)
    assert {p.name: private(p) for p in files} == {p.name: 0o600 for p in files}
