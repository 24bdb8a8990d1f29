"""Player names: the same rules in every command (play, practice, daily, party)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from quiz.errors import UsageError
from quiz.textmatch import name_key

MAX_NAME = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bytes that were no text, and the characters Unicode keeps out of text (U+FFFE, U+FFFF,
# U+FDD0-U+FDEF): none belongs in a name, and XML cannot hold some of them.
_NOT_TEXT = re.compile(r"[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
# Alphabets with look-alike letters (Latin a, Cyrillic U+0430, Greek U+03B1): one word mixing
# them passes for another name.
_LOOK_ALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def name_problem(name: str, taken: Sequence[str] = ()) -> str | None:
    """Why `name` cannot be a player's name (beside the `taken` ones), or None when it can."""
    name = name.strip()
    if not name:
        return "a player needs a name"
    if _CONTROL.search(name):
        return "a player's name cannot hold control characters"
    if _NOT_TEXT.search(name):
        return "a player's name cannot hold characters that are no text (such as U+FFFF)"
    mixed = _mixed_word(name)
    if mixed:
        return f"a player's name cannot mix alphabets within a word ({mixed}): use one"
    if len(name) > MAX_NAME:
        return f"a player's name is at most {MAX_NAME} characters"
    same = [t for t in taken if name_key(t) == name_key(name)]
    if same:
        return f"{same[0]} is already playing (names are compared ignoring case)"
    return None


def _mixed_word(name: str) -> str | None:
    """The alphabets mixed within one word of `name` (`Latin and Cyrillic`), or None."""
    for word in name.split():
        scripts = {
            script
            for ch in word
            if ch.isalpha()
            and (script := unicodedata.name(ch, "").split(" ", 1)[0]) in _LOOK_ALIKE_SCRIPTS
        }
        if len(scripts) > 1:
            return " and ".join(s.title() for s in sorted(scripts, key=_LOOK_ALIKE_SCRIPTS.index))
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
