"""Invisible characters in question text: what import drops and what the validator reports."""

from __future__ import annotations

import re
import unicodedata

from quiz.output import safe

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte-order mark, and the
# direction marks, embeddings and isolates: none of them shows, all of them break matching.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# No-break and other fixed-width spaces, and tabs: shown as spaces, so stored as spaces.
ODD_SPACES = re.compile("[\t\u00a0\u2007\u202f]")


def invisible_characters(text: str) -> list[str]:
    """The invisible characters in `text`, named, in order of first appearance."""
    found = dict.fromkeys(INVISIBLE.findall(text))
    return [f"U+{ord(ch):04X} {unicodedata.name(ch, 'FORMAT CHARACTER')}" for ch in found]


def clean_text(text: str) -> str:
    """`text` with odd spaces folded to spaces, and invisible and control characters dropped
    (a whole escape sequence, not only its ESC, as `safe` does for the screen)."""
    return safe(INVISIBLE.sub("", ODD_SPACES.sub(" ", text)))


def clean_entry(entry: dict[str, object]) -> tuple[dict[str, object], bool]:
    """The entry with every text cleaned, and whether anything was dropped or folded."""
    changed = False

    def clean(value: object) -> object:
        nonlocal changed
        if isinstance(value, str):
            cleaned = clean_text(value)
            changed = changed or cleaned != value
            return cleaned
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value

    return {key: clean(value) for key, value in entry.items()}, changed
