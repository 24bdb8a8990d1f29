"""Bytes that are no UTF-8 in QUIZ_HOME, a --bank path or the server's URL: one line, no traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import installed_quiz
from tests.hardening.hostile import quiz_env


def run(home: bytes, *args: bytes, **more: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {os.fsencode(k): os.fsencode(v) for k, v in quiz_env(Path("/")).items()}
    env[b"QUIZ_HOME"] = home
    env.update({k.encode(): v for k, v in more.items()})
    return subprocess.run(
        [os.fsencode(installed_quiz()), *args],
        env=env,
        input=b"\n",
        capture_output=True,
        timeout=120,
    )


def no_traceback(result: subprocess.CompletedProcess[bytes], lines: int = 1) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert len(result.stderr.splitlines()) <= lines, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [b"bank", b"list"],
        [b"play", b"--plain", b"--count", b"1", b"--player", b"Ann"],
        [b"add", b"--type", b"truefalse", b"--topic", b"Odd", b"--difficulty", b"easy",
         b"--prompt", b"Does this home have an odd name?", b"--answer", b"true"],
        [b"bank", b"export", b"--output", b"exported.json"],
    ],
)  # fmt: skip
def test_a_home_whose_name_is_no_text_works(
    tmp_path: Path, args: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / os.fsdecode(b"home-\xff")
    (home / "bank").mkdir(parents=True)
    # A file that fails to load: warned about by its name.
    (home / "bank" / os.fsdecode(b"odd-\xfe.toml")).write_bytes(b'[[questions]]\nid = "odd"\n')
    monkeypatch.chdir(tmp_path)
    result = run(os.fsencode(home), *args)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    no_traceback(result, lines=2)


def test_a_bank_path_that_is_no_text_is_one_line(tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"bank-\xff.toml")
    odd.write_bytes(b'[[questions]]\nid = "odd-one"\n')
    for path in (os.fsencode(odd), os.fsencode(odd) + b"-missing"):
        result = run(os.fsencode(tmp_path / "home"), b"bank", b"list", b"--bank", path)
        no_traceback(result)


def test_a_url_that_is_no_text_is_one_line(tmp_path: Path) -> None:
    result = run(
        os.fsencode(tmp_path / "home"),
        b"scores",
        QUIZ_DATABASE_URL=b"postgresql://u:p\xff@127.0.0.1:1/db",
    )
    assert result.returncode == 1
    no_traceback(result)
    assert b"QUIZ_DATABASE_URL" in result.stderr
    assert b"p\xff" not in result.stderr
