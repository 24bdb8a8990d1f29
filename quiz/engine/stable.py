"""Orders that come out the same on every machine, platform, Python version and locale."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from quiz.engine.spoilers import shown_unsolved
from quiz.models import AskedQuestion, Question

T = TypeVar("T")


def stable_key(*parts: object) -> bytes:
    """A digest of the parts' text: a sort key that no hash seed or platform changes."""
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).digest()


def stable_shuffle(items: Iterable[T], seed: str, name: Callable[[T], str]) -> list[T]:
    """The items in an order fixed by `seed` and each item's `name` alone."""
    return sorted(items, key=lambda item: stable_key(seed, name(item)))


def ask_stably(question: Question, seed: str) -> AskedQuestion:
    """The question with its options in an order fixed by `seed`."""
    options = stable_shuffle(question.choices, f"{seed}\x1f{question.id}", str)
    return AskedQuestion(question, shown_unsolved(question, options))
