"""The command lines that play a finished game or party again, built from its settings."""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from quiz.models import GameSettings


def setting_words(settings: GameSettings) -> list[str]:
    """The options that repeat a game's filters, time limit and lifeline."""
    words = []
    for flag, chosen in (
        ("--topic", settings.topics),
        ("--difficulty", settings.difficulties),
        ("--type", settings.types),
    ):
        for value in chosen:
            words += [flag, value]
    if settings.time_limit:
        words += ["--time-limit", str(settings.time_limit)]
    if settings.lifeline:
        words.append("--lifeline")
    return words


def replay_command(settings: GameSettings) -> str:
    """The command that plays this exact game again, for a friend to try."""
    words = ["quiz", "play", "--seed", str(settings.seed)]
    if settings.lives is None:
        words += ["--count", str(settings.count)]
    else:
        words += ["--lives", str(settings.lives)]
    return shlex.join(words + setting_words(settings))


def board_command(settings: GameSettings) -> str | None:
    """The command that shows a party's (or a live room's) games together, for a game that
    was one turn of many; None for a game played alone."""
    if settings.room_id is not None:
        return shlex.join(["quiz", "scores", "--room", settings.room_id])
    if settings.party_id is not None:
        return shlex.join(["quiz", "scores", "--party", settings.party_id])
    return None


def party_replay_command(players: Sequence[str], rounds: int, settings: GameSettings) -> str:
    """The command that plays this exact party again (`rounds` as asked for)."""
    words = ["quiz", "party"]
    for name in players:
        words += ["--player", name]
    words += ["--rounds", str(rounds), "--seed", str(settings.seed)]
    return shlex.join(words + setting_words(settings))
