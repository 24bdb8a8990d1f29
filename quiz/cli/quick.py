"""`quiz play` and `quiz scores` run without typer when their options are plain and valid.

typer and click take ~40 ms to import and build. Only forms whose meaning is certain are
taken here: known options with a value that is obviously valid. Anything else (help, an
unknown or new option, a value typer would question or reject, a stray argument) returns
None, and the typer app runs as usual, so every message, exit code and `--help` stays the
app's own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.cli.failures import report_failures
from quiz.models import DIFFICULTIES, QUESTION_TYPES

Number = tuple[str, int, int | None]  # the field, its lowest and highest allowed value


@dataclass(frozen=True)
class Spec:
    """The options of one command that the quick path reads, by the field each one sets."""

    flags: dict[str, str]
    numbers: dict[str, Number]
    words: dict[str, str]
    lists: dict[str, tuple[str, tuple[str, ...] | None]] = field(default_factory=dict)


PLAY = Spec(
    flags={"--plain": "plain", "--no-save": "no_save"},
    numbers={
        "--count": ("count", 1, None),
        "-n": ("count", 1, None),
        "--seed": ("seed", 0, None),
        "--time-limit": ("time_limit", 5, 300),
    },
    words={"--player": "player"},
    lists={
        "--topic": ("topics", None),
        "--difficulty": ("difficulties", DIFFICULTIES),
        "--type": ("types", QUESTION_TYPES),
        "--bank": ("banks", None),
    },
)
SCORES = Spec(
    flags={"--json": "as_json", "--local": "local"},
    numbers={"--limit": ("limit", 1, None), "-n": ("limit", 1, None)},
    words={},
)


class _Options:
    """What the arguments asked for, by field; `valid` turns False for good."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.fields: dict[str, object] = {}
        self.lists: dict[str, list[object]] = {}
        self.valid = True

    def take(self, name: str, value: str) -> None:
        spec = self.spec
        if name in spec.numbers:
            key, low, high = spec.numbers[name]
            # More than 9 digits is "far too large" for typer's whole-number type.
            plain = value.isascii() and value.isdigit() and len(value) <= 9
            number = int(value) if plain else -1
            if number < low or (high is not None and number > high):
                self.valid = False
            self.fields[key] = number
        elif name in spec.words:
            self.fields[spec.words[name]] = value
        elif name in spec.lists:
            key, allowed = spec.lists[name]
            self.valid &= allowed is None or value in allowed
            self.lists.setdefault(key, []).append(Path(value) if key == "banks" else value)
        else:
            self.valid = False


def parse(args: list[str], spec: Spec) -> dict[str, Any] | None:
    """The fields that `args` set for a command with `spec`, or None when typer should
    read the arguments."""
    options = _Options(spec)
    rest = iter(args)
    for arg in rest:
        if arg in spec.flags:
            options.fields[spec.flags[arg]] = True
            continue
        name, equals, value = arg.partition("=")
        if equals and not name.startswith("--"):
            return None  # click reads -n=5 as the value "=5"
        if not equals and name[:2] in spec.numbers and name[2:].isdigit():
            name, value = name[:2], name[2:]
        elif not equals:
            value = next(rest, "")
        if not value or value.startswith("-") or not value.isprintable():
            return None
        options.take(name, value)
        if not options.valid:
            return None
    return {**options.fields, **{key: tuple(items) for key, items in options.lists.items()}}


def parse_play(args: list[str]) -> dict[str, Any] | None:
    """The PlayRequest fields (and `no_save`) that `quiz play ARGS` asks for, or None."""
    return parse(args, PLAY)


def _play(options: dict[str, Any]) -> int:
    from dataclasses import replace

    from quiz.cli.play_session import PlayRequest, run_play
    from quiz.engine.players import check_names
    from quiz.output import safe

    save = not options.pop("no_save", False)
    request = replace(PlayRequest(), **options)

    def play() -> None:
        # The --player name held to the shared rules, as options.name_given does (that
        # module loads typer).
        player = None if request.player is None else check_names([safe(request.player)])[0]
        run_play(replace(request, player=player), save=save)

    return report_failures(play, "quiz play")


def _scores(options: dict[str, Any]) -> int:
    from quiz.cli.scores_board import show_scores

    return report_failures(lambda: show_scores(**options), "quiz scores")


QUICK = {"play": (PLAY, _play), "scores": (SCORES, _scores)}


def run_directly(argv: list[str]) -> int | None:
    """Run `quiz ARGV` without typer; the exit code, or None to leave it to typer."""
    if argv[:1] not in ([name] for name in QUICK) or os.environ.get("_QUIZ_COMPLETE"):
        return None  # other commands, and a shell asking for completions, are typer's
    spec, run = QUICK[argv[0]]
    options = parse(argv[1:], spec)
    return None if options is None else run(options)
