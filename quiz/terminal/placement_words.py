"""Where a saved game stands, in words: a record's banner and its place on the board."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.scores.rows import Placement


def headline(placement: Placement, score: int) -> str:
    """`New high score!`, `New personal best!`, or nothing to celebrate."""
    if score <= 0:
        return ""  # a zero is nobody's record, even the first one
    if placement.rank == 1:
        return "New high score!"
    if placement.previous_best is None or score > placement.previous_best:
        return "New personal best!"
    return ""


def where(placement: Placement) -> str:
    """`#3 of 41 · your best: 7,400`."""
    return f"#{placement.rank} of {placement.games} · your best: {placement.player_best:,}"


def describe(placement: Placement | None, score: int) -> str | None:
    """The headline and the place on one line; None for a game that was not saved."""
    if placement is None:
        return None
    return " ".join(part for part in (headline(placement, score), where(placement)) if part)
