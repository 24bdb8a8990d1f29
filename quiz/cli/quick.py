"""`quiz play` started without typer when its options are all plain and valid (~40 ms sooner).

Only forms whose meaning is certain are taken: known options with a value that is
obviously valid. Anything else (help, an unknown or new option, a value typer would
question or reject, a stray argument) returns None, and the typer app runs as usual, so
every message, exit code and `--help` stays the app's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quiz.cli.failures import report_failures
from quiz.models import DIFFICULTIES, QUESTION_TYPES

FLAGS = {"--plain": "plain", "--no-save": "no_save"}
COUNT = ("count", 1, None)
NUMBERS: dict[str, tuple[str, int, int | None]] = {"--count": COUNT, "-n": COUNT}
NUMBERS["--seed"] = ("seed", 0, None)
NUMBERS["--time-limit"] = ("time_limit", 5, 300)
WORDS = {"--player": "player"}
LISTS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--topic": ("topics", None),
    "--difficulty": ("difficulties", DIFFICULTIES),
    "--type": ("types", QUESTION_TYPES),
    "--bank": ("banks", None),
}


class _Options:
    """What the arguments asked for, by PlayRequest field; `valid` turns False for good."""

    def __init__(self) -> None:
        self.fields: dict[str, object] = {}
        self.lists: dict[str, list[object]] = {}
        self.valid = True

    def take(self, name: str, value: str) -> None:
        if name in NUMBERS:
            key, low, high = NUMBERS[name]
            number = int(value) if value.isascii() and value.isdigit() else -1
            if number < low or (high is not None and number > high):
                self.valid = False
            self.fields[key] = number
        elif name in WORDS:
            self.fields[WORDS[name]] = value
        elif name in LISTS:
            key, allowed = LISTS[name]
            self.valid &= allowed is None or value in allowed
            self.lists.setdefault(key, []).append(Path(value) if key == "banks" else value)
        else:
            self.valid = False


def parse_play(args: list[str]) -> dict[str, Any] | None:
    """The PlayRequest fields (and `no_save`) that `quiz play ARGS` asks for, or None
    when typer should read the arguments."""
    options = _Options()
    rest = iter(args)
    for arg in rest:
        if arg in FLAGS:
            options.fields[FLAGS[arg]] = True
            continue
        name, equals, value = arg.partition("=")
        if equals and not name.startswith("--"):
            return None  # click reads -n=5 as the value "=5"
        if not equals and name.startswith("-n") and name[2:].isdigit():
            name, value = "-n", name[2:]
        elif not equals:
            value = next(rest, "")
        if not value or value.startswith("-") or not value.isprintable():
            return None
        options.take(name, value)
        if not options.valid:
            return None
    return {**options.fields, **{key: tuple(items) for key, items in options.lists.items()}}


def play_directly(args: list[str]) -> int | None:
    """Play `quiz play ARGS` without typer; the exit code, or None to leave it to typer."""
    options = parse_play(args)
    if options is None:
        return None
    from dataclasses import replace

    from quiz.cli.play_session import PlayRequest, player_name, run_play

    save = not options.pop("no_save", False)
    request = replace(PlayRequest(), **options)
    request = replace(request, player=player_name(request.player))
    return report_failures(lambda: run_play(request, save=save))
