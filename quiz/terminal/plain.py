"""Plain mode: one question at a time on stdout, one line of stdin per answer."""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Iterable
from typing import TextIO

from quiz.engine.game import Game
from quiz.engine.turns import Turn
from quiz.models import AnswerRecord, AskedQuestion, GameResult
from quiz.output import safe
from quiz.terminal.wording import (
    asks_for_lifeline,
    hint,
    lifeline_hint,
    lifeline_note,
    lifeline_refusal,
    lives_tag,
    option_labels,
    verdict_text,
)
from quiz.textmatch import normalise, option_key, truth_word


class InvalidAnswerError(ValueError):
    """A line that answers nothing; the message says what would."""


class LineReader:
    """Reads lines on a background thread so a timed question can stop waiting."""

    def __init__(self, stream: TextIO) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: TextIO) -> None:
        """Bytes decoded here, whatever the locale: an undecodable byte is shown as �."""
        raw = getattr(stream, "buffer", None)
        try:
            if raw is None:
                for text in iter(stream.readline, ""):
                    self._lines.put(text)
            else:
                for line in iter(raw.readline, b""):
                    self._lines.put(line.decode("utf-8", errors="replace"))
        except (OSError, ValueError):
            pass  # a closed or broken stdin ends the input like end of file does
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
            return safe(line.rstrip("\r\n"))


def _label_range(labels: list[str], *, one: bool = False) -> str:
    """'numbers from 1 to 4', or 'a letter from a to d'."""
    kind = "number" if labels[0] == "1" else "letter"
    kind = f"a {kind}" if one else f"{kind}s"
    return f"{kind} from {labels[0]} to {labels[-1]}"


def _option_numbers(text: str, labels: list[str]) -> list[int]:
    """The 1-based positions of the options a line of labels names."""
    picked = [part.strip().casefold() for part in text.replace(" ", ",").split(",")]
    picked = [part for part in picked if part]
    if not picked or not all(part in labels for part in picked):
        raise InvalidAnswerError(f"Use {_label_range(labels)}, separated by commas.")
    return list(dict.fromkeys(labels.index(part) + 1 for part in picked))


def _option_by_text(text: str, options: tuple[str, ...]) -> str | None:
    """The option typed out: as written (case and spacing aside), or else the only option
    that matches once punctuation and accents are ignored too."""
    exact = [o for o in options if option_key(o) == option_key(text)]
    loose = [o for o in options if normalise(o) == normalise(text)]
    found = exact or loose
    return found[0] if len(found) == 1 else None


def _permutation(text: str, labels: list[str]) -> list[int]:
    """The positions of every option, each named once, in the order typed."""
    if len(text) == len(labels) and all(ch in labels for ch in text.casefold()):
        text = ",".join(text)  # "312" for 3,1,2
    numbers = _option_numbers(text, labels)
    typed = [part for part in text.replace(" ", ",").split(",") if part.strip()]
    if len(typed) != len(labels) or len(numbers) != len(labels):
        example = ",".join(reversed(labels))
        raise InvalidAnswerError(
            f"Put each of the {_label_range(labels)} in order, once, separated by commas"
            f" (like {example})."
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
        if truth := truth_word(text):
            return (truth,)
        raise InvalidAnswerError("Answer true or false (t/f, yes/no, y/n).")
    labels = option_labels(options)
    if kind == "multi":
        return tuple(options[n - 1] for n in _option_numbers(text, labels))
    if kind == "order":
        return tuple(options[n - 1] for n in _permutation(text, labels))
    if text.casefold() in labels:
        return (options[labels.index(text.casefold())],)
    typed = _option_by_text(text, options)
    if typed is not None:
        return (typed,)
    raise InvalidAnswerError(f"Answer with {_label_range(labels, one=True)} or the option's text.")


def question_lines(
    number: int, total: int, asked: AskedQuestion, tag: str = "", lifeline: bool = False
) -> list[str]:
    """The header line (`tag` ends it: ` for NAME` in a party), the prompt, the options and
    the hint."""
    q = asked.question
    header = f"Question {number}/{total} [{q.topic}, {q.difficulty}]{tag}"
    return [header, q.prompt, *option_lines(asked, lifeline)]


def option_lines(asked: AskedQuestion, lifeline: bool = False) -> list[str]:
    """The numbered (or lettered) options and the one-line hint (naming the 50:50 when it can be used)."""
    labels = option_labels(asked.options) if asked.options else []
    lines = [f"{label}) {option}" for label, option in zip(labels, asked.options, strict=True)]
    return [*lines, hint(asked.question, labels) + (lifeline_hint(asked) if lifeline else "")]


def _lifeline(game: Game, out: TextIO) -> None:
    """Use the 50:50 on the current question and show what is left, or say why not."""
    refusal = lifeline_refusal(game)
    if refusal:
        out.write(f"{refusal} Try again.\n")
        return
    before = len(game.current.options)
    asked = game.use_lifeline()
    out.write(lifeline_note(before - len(asked.options)) + "\n")
    out.write("\n".join(option_lines(asked)) + "\n")


def ask_plain(
    game: Game, reader: LineReader, out: TextIO, number: int, total: int, tag: str = ""
) -> AnswerRecord:
    """Ask the current question of `game` until a line answers it, then say how it went."""
    echo_newline = not sys.stdin.isatty()
    limit = game.time_limit()
    lines = question_lines(number, total, game.current, tag, game.can_use_lifeline())
    out.write(safe("\n".join(lines)) + "\n")
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
        if game.settings.lifeline and asks_for_lifeline(game.current, line):
            _lifeline(game, out)
            continue
        try:
            given = parse_answer(game.current, line)
        except InvalidAnswerError as exc:
            out.write(f"{exc} Try again.\n")
            continue
        record = game.answer(given, time.monotonic() - started)
        break
    out.write(safe(verdict_text(record, game.points_parts(record))) + "\n")
    if record.question.explanation:
        out.write(safe(record.question.explanation) + "\n")
    out.write("\n")
    out.flush()
    return record


class Lines:
    """What plain mode writes around each turn's question; for one game, only the header's
    tag (the lives left in survival). A party writes its rounds, standings and podium."""

    def tag(self, turn: Turn) -> str:
        """What ends the question's header line."""
        return lives_tag(turn.game)

    def before(self, turn: Turn) -> str:
        """What comes before the question."""
        return ""

    def after(self, turn: Turn) -> str:
        """What comes after the verdict (the turn's game has its answer)."""
        return ""


def play_plain(
    turns: Iterable[Turn],
    reader: LineReader,
    out: TextIO | None = None,
    around: Lines | None = None,
) -> None:
    """Ask every turn's question with what `around` writes about it; EOFError when input ends
    before the last answer."""
    out = out or sys.stdout
    around = around or Lines()
    for turn in turns:
        out.write(around.before(turn))
        ask_plain(turn.game, reader, out, turn.number, turn.total, around.tag(turn))
        out.write(around.after(turn))
    out.flush()


def final_lines(result: GameResult, placement: str | None) -> list[str]:
    """The line scripts look for, then where the game ranks (when saved)."""
    final = f"Final score: {result.score:,} ({result.correct}/{result.total} correct)"
    return [final, placement] if placement else [final]
