"""Player names: the same rules in every command (play, practice, daily, party)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.errors import UsageError

MAX_NAME = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def name_problem(name: str, taken: Sequence[str] = ()) -> str | None:
    """Why `name` cannot be a player's name (beside the `taken` ones), or None when it can."""
    name = name.strip()
    if not name:
        return "a player needs a name"
    if _CONTROL.search(name):
        return "a player's name cannot hold control characters"
    if len(name) > MAX_NAME:
        return f"a player's name is at most {MAX_NAME} characters"
    same = [t for t in taken if t.casefold() == name.casefold()]
    if same:
        return f"{same[0]} is already playing (names are compared ignoring case)"
    return None


def check_names(names: Sequence[str]) -> list[str]:
    """The names, trimmed; a UsageError names the first problem (however many there are)."""
    players: list[str] = []
    for name in names:
        problem = name_problem(name, players)
        if problem:
            raise UsageError(problem)
        players.append(name.strip())
    return players
