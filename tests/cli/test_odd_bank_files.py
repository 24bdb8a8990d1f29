"""Odd files in the bank folder: every command warns once per file and plays the rest, fast."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from quiz.bank.loader import MAX_BANK_BYTES
from tests.conftest import installed_quiz, write_bank

GOOD = """
[[questions]]
id = "good-one"
topic = "Office"
difficulty = "easy"
type = "truefalse"
prompt = "Paper is sold in Scranton."
answers = ["true"]
"""


def odd_files(bank: Path) -> dict[str, str]:
    """Each odd file made in `bank`, with the words its warning must hold."""
    bank.mkdir(parents=True)
    write_bank(bank, "nested.toml", "x = " + "[" * 600 + "]" * 600 + "\n")
    write_bank(bank, "inline.toml", "x = " + "{a = " * 600 + "1" + "}" * 600 + "\n")
    write_bank(bank, "dotted.toml", "a" + ".a" * 50_000 + " = 1\n")
    write_bank(bank, "headers.toml", "".join(f"[x{i}" + ".a" * 31 + "]\n" for i in range(20_000)))
    write_bank(bank, "quoted.toml", '"\\""' + ' . "\\""' * 20_000 + " = 1\n")
    write_bank(bank, "aot.toml", "[[questions" + ".a" * 20_000 + "]]\n")
    write_bank(bank, "inline-dots.toml", "x = [{b = 1}, { " + "a." * 20_000 + "a = 1}]\n")
    write_bank(bank, "big.toml", GOOD.replace("good-one", "big") + "#" * MAX_BANK_BYTES + "\n")
    (bank / "loop.toml").symlink_to("loop.toml")
    (bank / "dangling.toml").symlink_to("nowhere.toml")
    (bank / "zero.toml").symlink_to("/dev/zero")
    (bank / "folder.toml").mkdir()
    os.mkfifo(bank / "pipe.toml")
    return {
        "nested.toml": "nested too deeply",
        "inline.toml": "nested too deeply",
        "dotted.toml": "dotted keys",
        "headers.toml": "tables other than [[questions]]",
        "quoted.toml": "dotted keys",
        "aot.toml": "dotted keys",
        "inline-dots.toml": "dotted keys",
        "big.toml": "larger than",
        "loop.toml": "cannot be read",
        "dangling.toml": "cannot be read",
        "zero.toml": "not a regular file",
        "folder.toml": "not a regular file",
        "pipe.toml": "not a regular file",
    }


def quiz(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [installed_quiz(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize(
    "command",
    [
        ("play", "--plain", "--count", "1", "--topic", "Office", "--no-save"),
        ("bank", "list", "--json"),
        ("bank", "show", "good-one"),
        ("bank", "validate"),
    ],
)
def test_every_odd_file_is_one_warning_and_the_rest_plays(
    quiz_home: Path, command: tuple[str, ...]
) -> None:
    expected = odd_files(quiz_home / "bank")
    write_bank(quiz_home / "bank", "good.toml", GOOD)
    result = quiz(*command, stdin="t\n")
    assert result.returncode == (1 if command[1] == "validate" else 0), result.stderr
    output = result.stderr + result.stdout
    for name, words in expected.items():
        lines = [line for line in output.splitlines() if name in line and words in line]
        assert lines, (name, words, output[-3000:])
    if command[0] == "play":
        assert "Correct" in result.stdout
        assert sum("skipped bank file" in line for line in result.stderr.splitlines()) == 13


def test_odd_paths_given_on_the_command_line(quiz_home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    listed = quiz("bank", "list", "--json", "--bank", str(fifo))
    assert listed.returncode == 0 and "not a regular file" in listed.stderr
    added = quiz(
        "add", "--bank", str(fifo), "--type", "truefalse", "--topic", "T", "--difficulty",
        "easy", "--prompt", "Is this a pipe?", "--answer", "true",
    )  # fmt: skip
    assert added.returncode == 1 and "not a regular file" in added.stderr
    json_fifo = tmp_path / "pipe.json"
    os.mkfifo(json_fifo)
    imported = quiz("bank", "import", str(json_fifo))
    assert imported.returncode == 2 and "not a regular file" in imported.stderr
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    imported = quiz("bank", "import", str(deep))
    assert imported.returncode == 2 and "nested too deeply" in imported.stderr
