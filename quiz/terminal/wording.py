"""Plain words for answers and verdicts, shared by plain mode and the Rich views."""

from __future__ import annotations

from quiz.engine.scoring import Points
from quiz.models import AnswerRecord, Question

# How a true/false question's two options read, and the answer each one gives.
TRUEFALSE_OPTIONS = (("True", "true"), ("False", "false"))

HINTS = {
    "choice": "Type the option's number or text; an empty line skips.",
    "multi": "Type the numbers of every right option, separated by commas; an empty line skips.",
    "truefalse": "Type true or false (t/f, yes/no, y/n); an empty line skips.",
    "text": "Type your answer; an empty line skips.",
}


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


def parts_text(parts: Points) -> str:
    """`1,500 - 375 time + 200 streak`, or "" when the base is all there is."""
    terms = [f"{parts.base:,}"]
    if parts.speed:
        terms.append(f"- {-parts.speed:,} time")
    if parts.streak:
        terms.append(f"+ {parts.streak:,} streak")
    return " ".join(terms) if len(terms) > 1 else ""


def ticks_text(record: AnswerRecord) -> str:
    """For a wrong select-all answer: which ticks were wrong and which right options were missed."""
    if record.question.type != "multi" or record.correct or not record.given:
        return ""
    right = record.question.answers
    wrong = [g for g in record.given if g not in right]
    missed = [a for a in right if a not in record.given]
    parts = [f"wrongly ticked: {'; '.join(wrong)}"] if wrong else []
    parts += [f"missed: {'; '.join(missed)}"] if missed else []
    return f" ({', '.join(parts)})"


def verdict_text(record: AnswerRecord, parts: Points | None = None) -> str:
    """One line starting Correct, Wrong or Skipped, as plain mode prints it."""
    right = answer_text(record.question)
    if record.correct:
        how = parts_text(parts) if parts else ""
        line = f"Correct! +{record.points:,} points" + (f" ({how})" if how else "")
        if record.typo_forgiven:
            line += f"; typo forgiven: it is spelled {right}"
        return f"{line}. Streak: {record.streak}."
    if record.timed_out:
        return f"Wrong: time ran out. The answer is {right}."
    if record.skipped:
        return f"Skipped. The answer is {right}."
    return f"Wrong. The answer is {right}.{ticks_text(record)}"
