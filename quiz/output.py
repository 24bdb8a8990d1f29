"""The one place that makes consoles and prints errors, warnings and JSON."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console(*, stderr: bool = False) -> Console:
    """A console for stdout or stderr; Rich itself honours NO_COLOR and non-TTY streams."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False)


def interactive_terminal() -> bool:
    """Both ends are a terminal: prompts can be shown and answered."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def error(message: str) -> None:
    """One plain line on stderr; user text in it is never read as markup."""
    print(f"Error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr)


def note(message: str) -> None:
    print(message, file=sys.stderr)


def records_json(records: object) -> str | None:
    """`json.dumps(records, ensure_ascii=False, indent=2)`, for a list of records that all
    have the same keys, each key holding strings in every record or lists of strings in
    every record; None for anything else.

    Built column by column with json's C string encoder: the standard encoder with
    `indent` is pure Python, ~5x slower on a few thousand exported questions.
    """
    from itertools import chain
    from json.encoder import encode_basestring  # the C encoder, where json has it

    def string_list(items: list[str]) -> str:
        if not items:
            return "[]"
        return "[\n      " + ",\n      ".join(map(encode_basestring, items)) + "\n    ]"

    if not isinstance(records, list) or not records or type(records[0]) is not dict:
        return None
    keys = list(records[0])
    if not keys or {type(k) for k in keys} != {str}:
        return None
    if {type(r) for r in records} != {dict} or any(list(r) != keys for r in records):
        return None
    columns = []
    for key in keys:
        values = [r[key] for r in records]
        kinds = set(map(type, values))
        if kinds == {str}:
            columns.append(map(encode_basestring, values))
        elif kinds == {list} and set(map(type, chain.from_iterable(values))) <= {str}:
            columns.append(map(string_list, values))
        else:
            return None
    fields = (f"    {encode_basestring(key).replace('%', '%%')}: %s" for key in keys)
    record = "  {\n" + ",\n".join(fields) + "\n  }"
    return "[\n" + ",\n".join(map(record.__mod__, zip(*columns, strict=True))) + "\n]"


def json_text(data: object) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, written fast for lists of records."""
    text = records_json(data)
    if text is None:
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2)
    return text


def print_json(data: object) -> None:
    """JSON on stdout, the only thing there."""
    sys.stdout.write(json_text(data) + "\n")
