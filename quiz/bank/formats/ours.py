"""Our own JSON export (`quiz bank export --format json`) read back."""

from __future__ import annotations

from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.bank.validation import FIELDS

NAME = "json"


def looks_like(source: Source) -> bool:
    data = source.json
    return isinstance(data, list) and all(
        isinstance(entry, dict) and "prompt" in entry for entry in data
    )


def read(source: Source) -> list[Item]:
    data = source.json_or_fail("a 'quiz bank export' file")
    if not isinstance(data, list):
        raise FormatError(
            f"{source.path}: a 'quiz bank export' file holds a JSON list of questions"
        )
    return [
        as_item(n, {k: v for k, v in entry.items() if k in FIELDS})
        if isinstance(entry, dict)
        else as_item(n, f"not a JSON object but {type(entry).__name__}")
        for n, entry in enumerate(data, start=1)
    ]
