"""Why the engine cannot do what was asked, as data: `cli` words each one for the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.errors import UsageError

if TYPE_CHECKING:
    from quiz.engine.filters import Filters


class NotEnoughQuestionsError(UsageError):
    """Fewer questions match `filters` than a game needs: `wanted`, of which `found` match."""

    def __init__(self, filters: Filters, wanted: int, found: int) -> None:
        super().__init__(filters, wanted, found)
        self.filters, self.wanted, self.found = filters, wanted, found


class TooSmallError(UsageError):
    """A number asked for (`quantity`: count, rounds) is below the `least` it can be."""

    def __init__(self, quantity: str, given: int, least: int = 1) -> None:
        super().__init__(quantity, given, least)
        self.quantity, self.given, self.least = quantity, given, least


class UnknownTopicError(UsageError):
    """`name` names no topic (`ambiguous`: it starts words of several), among `candidates`;
    `where` says which topics were searched."""

    def __init__(
        self, name: str, candidates: tuple[str, ...], *, ambiguous: bool, where: str
    ) -> None:
        super().__init__(name, candidates, ambiguous, where)
        self.name, self.candidates, self.ambiguous, self.where = name, candidates, ambiguous, where
