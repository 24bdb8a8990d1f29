"""The one place that makes consoles and prints errors, warnings and JSON."""

from __future__ import annotations

import json
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


def print_json(data: object) -> None:
    """JSON on stdout, the only thing there."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
