"""Entries of the bank cache that no quiz wrote (crafted, a FIFO, a device, a link to
/dev/zero, a folder) are ignored and rebuilt: no traceback, no hang, memory bounded."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cache
from tests.conftest import run_cli, write_bank
from tests.hardening.hostile import no_traceback, run_installed

USER_BANK = """[[questions]]
id = "cache-one"
topic = "Cache Checks"
difficulty = "easy"
type = "truefalse"
prompt = "Does the cache keep a copy of this bank?"
answers = ["true"]
"""


LISTING = ("bank", "list", "--json")
# Entries that would stall a reader for good (a FIFO without a writer, a read without end):
# read by the installed command, a process the test can stop, not in the test run itself.
END_TO_END = {"a FIFO", "a link to /dev/zero"}


def bank_list(home: Path, entry: str) -> tuple[int, str, str]:
    """`quiz bank list --json`: exit code, stdout and stderr."""
    if entry in END_TO_END:
        done = run_installed(home, *LISTING)
        return done.returncode, done.stdout, done.stderr
    result = run_cli(*LISTING)
    assert no_traceback(result)
    return result.exit_code, result.stdout, result.stderr


def crafted(rows: Any, keys: Any = ()) -> Callable[[Path], None]:
    """An entry that passes the checksum, for the right file and code, holding `rows`."""

    def write(entry: Path) -> None:
        blob = entry.read_bytes()
        start = len(cache.MAGIC) + cache.CHECKSUM_SIZE
        *checked, _, _ = marshal.loads(blob[start:])  # what ties it to the file and the code
        payload = marshal.dumps((*checked, rows, keys))
        entry.write_bytes(cache.MAGIC + cache._checksum(payload) + payload)

    return write


def replaced(make: Callable[[Path], object]) -> Callable[[Path], None]:
    def write(entry: Path) -> None:
        entry.unlink()
        make(entry)

    return write


ENTRIES: dict[str, Callable[[Path], None]] = {
    "a FIFO": replaced(os.mkfifo),
    "a link to /dev/zero": replaced(lambda e: e.symlink_to("/dev/zero")),
    "a link to /dev/null": replaced(lambda e: e.symlink_to("/dev/null")),
    "a folder": replaced(Path.mkdir),
    "a link to itself": replaced(lambda e: e.symlink_to(e)),
    "random bytes": replaced(lambda e: e.write_bytes(os.urandom(4096))),
    "rows of numbers": crafted(((1, 2, 3),)),
    "a row too short": crafted((("x", "y"),)),
    "a text where texts go": crafted((("x",) * len(cache.TEXT_FIELDS),), keys=("x",)),
    "rows not a tuple": crafted({"a": 1}),
    "keys of numbers": crafted((), keys=(1, 2)),
    "more keys than questions": crafted((), keys=("a", "b")),
}


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_an_entry_no_quiz_wrote_is_ignored_and_rebuilt(quiz_home: Path, entry: str) -> None:
    write_bank(quiz_home / "bank", "user.toml", USER_BANK)
    clean = run_cli(*LISTING)
    assert clean.exit_code == 0, clean.stderr
    entries = [e for e in (quiz_home / "cache" / "bank").iterdir() if e.is_file()]
    assert entries
    for path in entries:
        ENTRIES[entry](path)
    code, stdout, stderr = bank_list(quiz_home, entry)
    assert code == 0, stderr
    assert stderr == ""
    assert stdout == clean.stdout
