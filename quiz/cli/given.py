"""What the command line gave, cleaned the same way on the typer and the fast path."""

from __future__ import annotations

from collections.abc import Iterable


def name_given(player: str | None) -> str | None:
    """The --player name without surrounding spaces or control characters, held to the rules
    every command shares; None when not given."""
    from quiz.engine.players import check_names
    from quiz.output import safe

    return None if player is None else check_names([safe(player)])[0]


def values(items: Iterable[str] | None) -> tuple[str, ...]:
    """Repeated choices (enum members from typer, text from the fast path) as plain words."""
    return tuple(str(item) for item in items or ())
