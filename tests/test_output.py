"""The safe-text function every view uses, and JSON that carries no raw control characters."""

from __future__ import annotations

import io
import json
import re
import subprocess
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from quiz import output
from quiz.output import print_json, safe
from tests.conftest import installed_quiz

# What a terminal would obey: anything in here reaching the screen is a defect.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

HOSTILE = {
    "clear screen (CSI)": ("a\x1b[2Jb", "ab"),
    "red colour (SGR)": ("\x1b[31mred\x1b[0m", "red"),
    "private CSI": ("x\x1b[?25ly", "xy"),
    "title (OSC ended by BEL)": ("\x1b]0;pwned\x07Jim", "Jim"),
    "link (OSC 8 ended by ST)": ("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"),
    "unterminated OSC": ("Jim\x1b]0;title to the end", "Jim"),
    "C1 CSI": ("a\x9b31mb", "ab"),
    "C1 OSC ended by C1 ST": ("a\x9d0;t\x9cb", "ab"),
    "DCS string": ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
    "bare ESC and charset switch": ("a\x1bcb\x1b(0c", "abc"),
    "BEL, BS, CR, DEL, NUL": ("a\x07b\x08c\rd\x7fe\x00f", "abcdef"),
    "other C1": ("a\x85b\x8dc", "abc"),
    "tab becomes a space": ("a\tb", "a b"),
    "lone surrogate (undecodable byte)": ("a\udcffb", "a\ufffdb"),
}


@pytest.mark.parametrize(("hostile", "shown"), HOSTILE.values(), ids=HOSTILE.keys())
def test_safe_removes_whole_control_sequences(hostile: str, shown: str) -> None:
    assert safe(hostile) == shown


def test_safe_keeps_ordinary_text_and_newlines() -> None:
    text = "Jim's café — ✓ 🎉 [red]not markup[/] 50%\nsecond line"
    assert safe(text) == text


def test_json_keeps_the_data_but_escapes_every_control_character() -> None:
    data = {"player": "\x1b[2J\x9bJim\x7f", "other": "ok ✓"}
    out = io.StringIO()
    with redirect_stdout(out):
        print_json(data)
    assert not UNSAFE.search(out.getvalue())
    assert json.loads(out.getvalue()) == data


def test_our_consoles_clean_what_a_view_forgot(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    from quiz.output import console

    table = Table("name")
    table.add_row(Text("Jim\x1b]0;title\x07\x9b31m"))
    console().print(Text("a\x1b[2Jb"), table)
    out = capsys.readouterr().out
    assert not UNSAFE.search(out)
    assert out.startswith("ab\n") and "Jim" in out


def test_piped_views_have_no_trailing_spaces(quiz_home: Path) -> None:
    env = {"QUIZ_HOME": str(quiz_home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    played = subprocess.run(
        [installed_quiz(), "play", "--plain", "--count", "2", "--player", "Jim"],
        input="\n\n", capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    for command in (
        ["bank", "list"],
        ["scores", "--all"],
        ["stats"],
        ["bank", "show", "pam-kiss-episode"],
    ):
        shown = subprocess.run(
            [installed_quiz(), *command], capture_output=True, text=True, env=env, check=True
        )
        lines = shown.stdout.splitlines()
        assert len(lines) > 3, command
        assert [line for line in lines if line != line.rstrip()] == [], command


def test_trimmed_lines_hold_spaces_until_the_line_goes_on() -> None:
    out = io.StringIO()
    trimmed = output._TrimmedLines(out)
    for chunk in ("a  ", "  b   ", "\n  c ", " \n\n", "d "):
        trimmed.write(chunk)
    assert out.getvalue() == "a    b\n  c\n\nd"
