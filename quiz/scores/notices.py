"""What the store noticed on its way and went on (an outbox set aside, games kept for another
server): facts kept for the command line to word once, never a reason to stop."""

from __future__ import annotations

from quiz.scores.errors import StoreFailureError

_pending: list[StoreFailureError] = []


def notice(fact: StoreFailureError) -> None:
    _pending.append(fact)


def drain() -> list[StoreFailureError]:
    """The facts noticed since the last call, oldest first."""
    facts = list(_pending)
    _pending.clear()
    return facts
