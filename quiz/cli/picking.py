"""What selects a game's questions (topics, difficulties, types, banks, seed), for every
command that plays."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.filters import Filters
    from quiz.models import Question


def new_seed() -> int:
    """A fresh seed for a game nobody asked to repeat."""
    return random.SystemRandom().randrange(1, 100_000)


@dataclass(frozen=True)
class Pick:
    """The options that choose the questions, as the command line gave them."""

    topics: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    banks: tuple[Path, ...] = ()
    seed: int | None = None

    @classmethod
    def given(
        cls,
        topic: Sequence[str] | None,
        difficulty: Sequence[str] | None,
        qtype: Sequence[str] | None,
        bank: Sequence[Path] | None,
        seed: int | None,
    ) -> Pick:
        """The pick from the options as typer or the fast path read them."""
        from quiz.cli.given import values

        return cls(tuple(topic or ()), values(difficulty), values(qtype), tuple(bank or ()), seed)

    def first_seed(self) -> int:
        """The seed asked for (0 included), or a fresh one."""
        return new_seed() if self.seed is None else self.seed

    def load(self) -> tuple[tuple[Question, ...], Filters]:
        """The effective bank (skipped files warned about) and the filters over it."""
        from quiz.cli.bank_report import load_for_command
        from quiz.engine.filters import make_filters

        questions = load_for_command(self.banks).questions
        return questions, make_filters(questions, self.topics, self.difficulties, self.types)
