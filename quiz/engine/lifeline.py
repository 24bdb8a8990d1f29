"""The 50:50 lifeline: which questions allow it and which wrong options it takes away."""

from __future__ import annotations

import math
import random

from quiz.models import AskedQuestion

MIN_OPTIONS = 4


def allows_fifty_fifty(asked: AskedQuestion) -> bool:
    """A 50:50 needs a `choice` question with 4 or more options."""
    return asked.question.type == "choice" and len(asked.options) >= MIN_OPTIONS


def fifty_fifty(asked: AskedQuestion, seed: int) -> AskedQuestion:
    """The question with half of its wrong options (rounded up) gone, in the order shown.

    Which ones go depends only on the game's seed and the question, so a replay is the same.
    """
    if not allows_fifty_fifty(asked):
        raise ValueError(f"question {asked.question.id} does not allow a 50:50")
    wrong = [o for o in asked.options if o not in asked.question.answers]
    gone = set(
        random.Random(f"{seed}:{asked.question.id}").sample(wrong, math.ceil(len(wrong) / 2))
    )
    return AskedQuestion(asked.question, tuple(o for o in asked.options if o not in gone))
