"""Plain words for answers and verdicts, shared by plain mode and the Rich views."""

from __future__ import annotations

from quiz.models import AnswerRecord, Question

HINTS = {
    "choice": "Type the option's number or text; an empty line skips.",
    "multi": "Type the numbers of every right option, separated by commas; an empty line skips.",
    "truefalse": "Type true or false (t/f, yes/no, y/n); an empty line skips.",
    "text": "Type your answer; an empty line skips.",
    "order": "Type the numbers in the right order, separated by commas (3,1,2); an empty line skips.",
}
ORDER_ARROW = " → "


def answer_text(question: Question) -> str:
    """The right answer as a player should read it."""
    if question.type == "truefalse":
        return question.answers[0].capitalize()
    if question.type == "text":
        return question.answers[0]
    return _joined(question.type, question.answers)


def _joined(qtype: str, items: tuple[str, ...]) -> str:
    """Several options: an `order` answer as a sequence, the rest as a list."""
    return (ORDER_ARROW if qtype == "order" else "; ").join(items)


def given_text(record: AnswerRecord) -> str:
    """What the player answered, in words."""
    if record.timed_out:
        return "(time ran out)"
    if not record.given:
        return "(skipped)"
    if record.question.type == "truefalse":
        return record.given[0].capitalize()
    return _joined(record.question.type, record.given)


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
