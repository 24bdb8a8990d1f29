"""Plain mode: one question at a time on stdout, one line of stdin per answer."""

from __future__ import annotations

import queue
import re
import sys
import threading
import time
from typing import TextIO

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameResult
from quiz.terminal.wording import HINTS, verdict_text
from quiz.textmatch import normalise

TRUE_WORDS = {"true", "t", "yes", "y"}
FALSE_WORDS = {"false", "f", "no", "n"}


class InvalidAnswerError(ValueError):
    """A line that answers nothing; the message says what would."""


class LineReader:
    """Reads lines on a background thread so a timed question can stop waiting."""

    def __init__(self, stream: TextIO) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: TextIO) -> None:
        for line in iter(stream.readline, ""):
            self._lines.put(line)
        self._lines.put("")

    def read(self, timeout: float | None) -> str | None:
        """The next line without its newline; None when `timeout` passes; EOFError at the end."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
            if wait <= 0:
                return None
            try:
                line = self._lines.get(timeout=wait)
            except queue.Empty:
                continue
            if line == "":
                self._lines.put("")
                raise EOFError
            return line.rstrip("\r\n")


def _option_numbers(text: str, count: int) -> list[int]:
    numbers = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    if not numbers or not all(
        re.fullmatch("[0-9]{1,3}", n) and 1 <= int(n) <= count for n in numbers
    ):
        raise InvalidAnswerError(f"Use numbers from 1 to {count}, separated by commas.")
    return list(dict.fromkeys(int(n) for n in numbers))


def _permutation(text: str, count: int) -> list[int]:
    """Every number from 1 to `count` exactly once, in the order typed."""
    if text.isascii() and text.isdigit() and len(text) == count:  # "312" for 3,1,2
        text = ",".join(text)
    numbers = _option_numbers(text, count)
    typed = [part for part in text.replace(" ", ",").split(",") if part.strip()]
    if len(typed) != count or len(numbers) != count:
        example = ",".join(str(n) for n in range(count, 0, -1))
        raise InvalidAnswerError(
            f"Put all {count} numbers in order, each once, separated by commas (like {example})."
        )
    return numbers


def parse_answer(asked: AskedQuestion, line: str) -> tuple[str, ...]:
    """The response a plain-mode line gives; empty for a skip."""
    text = line.strip()
    if not text:
        return ()
    kind, options = asked.question.type, asked.options
    if kind == "text":
        return (text,)
    if kind == "truefalse":
        word = text.casefold()
        if word in TRUE_WORDS | FALSE_WORDS:
            return ("true" if word in TRUE_WORDS else "false",)
        raise InvalidAnswerError("Answer true or false (t/f, yes/no, y/n).")
    if kind == "multi":
        return tuple(options[n - 1] for n in _option_numbers(text, len(options)))
    if kind == "order":
        return tuple(options[n - 1] for n in _permutation(text, len(options)))
    if text.isdigit() and 1 <= int(text) <= len(options):
        return (options[int(text) - 1],)
    by_text = {normalise(o): o for o in options}
    if normalise(text) in by_text:
        return (by_text[normalise(text)],)
    raise InvalidAnswerError(f"Answer with a number from 1 to {len(options)} or the option's text.")


def question_lines(number: int, total: int, asked: AskedQuestion) -> list[str]:
    q = asked.question
    lines = [f"Question {number}/{total} [{q.topic}, {q.difficulty}]", q.prompt]
    lines += [f"{n}) {option}" for n, option in enumerate(asked.options, start=1)]
    lines.append(HINTS[q.type])
    return lines


def play_plain(game: Game, reader: LineReader, out: TextIO | None = None) -> None:
    """Ask every question of `game`; EOFError when input ends before the last answer."""
    out = out or sys.stdout
    echo_newline = not sys.stdin.isatty()
    limit = game.settings.time_limit
    while not game.finished:
        asked = game.current
        number = len(game.records) + 1
        out.write("\n".join(question_lines(number, len(game.asked), asked)) + "\n")
        started = time.monotonic()
        while True:
            out.write("> ")
            out.flush()
            remaining = None if limit is None else limit - (time.monotonic() - started)
            try:
                line = reader.read(remaining)
            except EOFError:
                out.write("\n")
                raise
            if echo_newline or line is None:
                out.write("\n")
            if line is None:
                record = game.answer((), time.monotonic() - started, timed_out=True)
                break
            try:
                given = parse_answer(asked, line)
            except InvalidAnswerError as exc:
                out.write(f"{exc} Try again.\n")
                continue
            record = game.answer(given, time.monotonic() - started)
            break
        out.write(verdict_text(record) + "\n")
        if record.question.explanation:
            out.write(record.question.explanation + "\n")
        out.write("\n")
    out.flush()


def final_lines(result: GameResult, placement: str | None) -> list[str]:
    """Where the game ranks (when saved), then the line scripts look for."""
    lines = [placement] if placement else []
    return [*lines, f"Final score: {result.score} ({result.correct}/{result.total} correct)"]
