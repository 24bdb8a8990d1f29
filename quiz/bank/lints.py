"""Quality warnings for valid questions: hints that give the answer away without knowing it."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.models import GUESSED_TYPES, Question
from quiz.textmatch import spaced_words, telling_words

LONG_RATIO = 1.6
LONG_EXTRA_CHARS = 12


def _longest_right_option(question: Question) -> Iterator[tuple[str, str]]:
    if question.type not in ("choice", "multi"):
        return
    wrong = [c for c in question.choices if c not in question.answers]
    longest = max((len(w) for w in wrong), default=0)
    for right in question.answers:
        if len(right) > LONG_RATIO * longest and len(right) > longest + LONG_EXTRA_CHARS:
            yield (
                "choices",
                f"the right option '{right}' ({len(right)} characters) is much longer than"
                f" the longest wrong one ({longest}): its length gives it away",
            )


def _answer_in_prompt(question: Question) -> Iterator[tuple[str, str]]:
    if question.type not in GUESSED_TYPES:
        return
    prompt = spaced_words(question.prompt)
    for answer in question.answers:
        phrase = telling_words(answer)
        if phrase and phrase in prompt:
            yield "prompt", f"the prompt contains the answer '{answer}'"


def lint(question: Question) -> list[tuple[str, str]]:
    """Each warning as (field, message); a warning is no error, but `--strict` fails on it."""
    return [*_longest_right_option(question), *_answer_in_prompt(question)]
