"""Plain words for answers and verdicts, shared by plain mode and the Rich views."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from quiz.models import AnswerRecord, Question

_NUMBER = re.compile(r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")

HINTS = {
    "choice": "Type the option's number or text; an empty line skips.",
    "multi": "Type the numbers of every right option, separated by commas; an empty line skips.",
    "truefalse": "Type true or false (t/f, yes/no, y/n); an empty line skips.",
    "text": "Type your answer; an empty line skips.",
}


def option_labels(options: Sequence[str]) -> list[str]:
    """`1`, `2`, ... for the options; `a`, `b`, ... when an option is itself a number, so that
    typing `4` always means the option "4" and never the fourth option."""
    if any(_NUMBER.fullmatch(option.strip()) for option in options):
        return list(string.ascii_lowercase[: len(options)])
    return [str(n) for n in range(1, len(options) + 1)]


def hint(question: Question, labels: Sequence[str]) -> str:
    """The one-line hint under a question, speaking of letters when the options have them."""
    text = HINTS[question.type]
    return text if not labels or labels[0] == "1" else text.replace("number", "letter")


def answer_text(question: Question) -> str:
    """The right answer as a player should read it."""
    if question.type == "truefalse":
        return question.answers[0].capitalize()
    if question.type == "text":
        return question.answers[0]
    return "; ".join(question.answers)


def given_text(record: AnswerRecord) -> str:
    """What the player answered, in words."""
    if record.timed_out:
        return "(time ran out)"
    if not record.given:
        return "(skipped)"
    if record.question.type == "truefalse":
        return record.given[0].capitalize()
    return "; ".join(record.given)


def verdict_text(record: AnswerRecord) -> str:
    """One line starting Correct, Wrong or Skipped, as plain mode prints it."""
    right = answer_text(record.question)
    if record.correct:
        forgiven = f" (typo forgiven: it is spelled {right})" if record.typo_forgiven else ""
        return f"Correct! +{record.points} points{forgiven}"
    if record.timed_out:
        return f"Wrong: time ran out. The answer is {right}."
    if record.skipped:
        return f"Skipped. The answer is {right}."
    return f"Wrong. The answer is {right}."
