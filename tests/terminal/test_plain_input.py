"""Plain mode under hostile input: undecodable bytes, odd digits, huge numbers, odd locales."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from typer.testing import Result

from quiz.models import AskedQuestion, Question
from quiz.terminal.plain import InvalidAnswerError, parse_answer
from tests.conftest import installed_quiz, run_cli
from tests.keys import right_line
from tests.terminal.test_plain import seeded_game as plain_game

ENVIRONMENTS = {
    "C.UTF-8": {"LC_ALL": "C.UTF-8"},
    "C.UTF-8, PYTHONIOENCODING=utf-8": {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
    "surrogateescape": {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:surrogateescape"},
    "strict": {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"},
    "ascii": {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
}


def quiz(
    args: list[str | bytes], stdin: bytes, env: dict[str, str]
) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [installed_quiz(), *args],
        input=stdin,
        env=os.environ | env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    return result


def in_process(*args: str, stdin: str = "") -> Result:
    """`quiz ARGS` through run_cli; no exception got out of it."""
    result = run_cli(*args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def saved_players() -> list[str]:
    rows = json.loads(in_process("scores", "--json").stdout)
    return [row["player"] for row in rows]


def undecodable_answers(asked: tuple[AskedQuestion, ...]) -> bytes:
    """Undecodable junk before each answer: right for choice, an undecodable text, else a skip."""
    lines = b""
    for a in asked:
        kind = a.question.type
        lines += b"\xff\n" if kind == "text" else b"\xff\xfe\x80 junk\n\xc3\n"
        if kind != "text":
            lines += right_line(a).encode() + b"\n" if kind == "choice" else b"\n"
    return lines


# End to end: how the process decodes its argv and encodes its output depends on the locale
# and PYTHONIOENCODING it starts with.
@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS.keys())
def test_undecodable_bytes_re_ask_and_the_game_is_saved(env: dict[str, str]) -> None:
    asked = plain_game(seed=5, count=10)
    choices = sum(a.question.type == "choice" for a in asked)
    args: list[str | bytes] = ["play", "--plain", "--seed", "5", "--player", b"J\xffm"]
    result = quiz(args, undecodable_answers(asked), env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(b"Try again.") == 2 * sum(a.question.type != "text" for a in asked)
    assert b"Final score: " in result.stdout
    assert result.stdout.count(b"Correct!") == choices
    assert saved_players() == ["J\ufffdm"]


ODD_NUMBERS = ["²", "٣", "1" * 4301, "9" * 5000, "1,²", "1,٣", "0x1", "1e0", "-1", "+1"]


@pytest.mark.parametrize("line", ODD_NUMBERS)
@pytest.mark.parametrize("kind", ["choice", "multi"])
def test_odd_numbers_are_junk(kind: str, line: str) -> None:
    question = Question("q", "T", "easy", kind, "Pick", ("A",), ("A", "B", "C"))
    with pytest.raises(InvalidAnswerError):
        parse_answer(AskedQuestion(question, question.choices), line)


def test_odd_numbers_re_ask_through_the_command() -> None:
    asked = [a for a in plain_game(seed=8, count=40) if a.question.type in ("choice", "multi")]
    first = asked[0]
    index = plain_game(seed=8, count=40).index(first)
    answers = "\n" * index + "".join(n + "\n" for n in ODD_NUMBERS) + right_line(first) + "\n"
    answers += "\n" * 40
    result = in_process(
        "play", "--plain", "--seed", "8", "--count", "40", "--no-save", stdin=answers
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Try again.") == len(ODD_NUMBERS)
    assert result.stdout.count("Correct!") == 1


# The byte 0xff of an argument as Python gives it in a UTF-8 locale (surrogateescape).
UNDECODABLE_ARGUMENT = b"\xff".decode("utf-8", "surrogateescape")


@pytest.mark.parametrize(
    "args",
    [
        ["scores", "--player"],
        ["scores", "--json", "--topic"],
        ["stats", "--player"],
        ["bank", "show"],
        ["bank", "list", "--topic"],
        [
            "add",
            "--type",
            "text",
            "--topic",
            "T",
            "--difficulty",
            "easy",
            "--answer",
            "a",
            "--prompt",
        ],
    ],
)
def test_undecodable_arguments_are_one_line_errors_or_no_match(args: list[str]) -> None:
    in_process("play", "--plain", "--count", "1", stdin="\n")
    result = in_process(*args, UNDECODABLE_ARGUMENT)
    assert result.exit_code in (0, 2)
    assert len(result.stderr.splitlines()) <= 1
    assert UNDECODABLE_ARGUMENT not in result.output  # cleaned before it is shown


# End to end: only a process can start with its stdin closed.
def test_a_closed_stdin_is_end_of_input() -> None:
    result = subprocess.run(
        [installed_quiz(), "play", "--plain", "--count", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(0),
    )
    assert (result.returncode, result.stderr) == (
        1,
        "Error: input ended before the last answer; nothing was saved\n",
    )
