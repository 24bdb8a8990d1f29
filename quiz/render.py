"""Rich renderables for a single question, shared by `bank show` and play."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from quiz.models import Question

TYPE_LABELS = {
    "choice": "pick one",
    "truefalse": "true or false",
    "text": "type the answer",
    "multi": "select all that apply",
}


def question_body(question: Question, options: Sequence[str]) -> Group:
    """The prompt and its numbered options, user text shown literally."""
    lines = [Text(question.prompt, style="bold")]
    if question.type in ("choice", "multi"):
        lines += [Text(f"  {n}) {option}") for n, option in enumerate(options, start=1)]
    lines.append(Text(f"({TYPE_LABELS[question.type]})", style="dim"))
    return Group(*lines)
