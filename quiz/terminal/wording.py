"""Plain words for answers and verdicts, shared by plain mode and the Rich views."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from quiz.engine.game import Game
from quiz.engine.lifeline import MIN_OPTIONS
from quiz.engine.scoring import Points
from quiz.engine.survival import Survival
from quiz.models import AnswerRecord, AskedQuestion, Question
from quiz.terminal.formatting import count_of
from quiz.textmatch import option_key

_NUMBER = re.compile(r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)")

# How a true/false question's two options read, and the answer each one gives.
TRUEFALSE_OPTIONS = (("True", "true"), ("False", "false"))
TRUEFALSE_KEYS = ("t", "f")  # the keys that answer a true/false question on a terminal

HINTS = {
    "choice": "Type the option's number or text; an empty line skips.",
    "multi": "Type the numbers of every right option, separated by commas; an empty line skips.",
    "truefalse": "Type true or false (t/f, yes/no, y/n); an empty line skips.",
    "text": "Type your answer; an empty line skips.",
    "order": "Type every number once, in the right order, separated by commas; an empty line skips.",
}
ORDER_ARROW = " → "
LIFELINE_WORDS = ("50", "50:50", "50/50")


def _lifeline_words(asked: AskedQuestion) -> list[str]:
    """What asks for the 50:50 on this question: never an option's own text ("50" stays the
    option "50"), nor anything on a `text` question, where 50 is an answer."""
    if asked.question.type == "text":
        return []
    taken = {option_key(o) for o in asked.options}
    return [word for word in LIFELINE_WORDS if option_key(word) not in taken]


def lifeline_hint(asked: AskedQuestion) -> str:
    return f" Type {_lifeline_words(asked)[0]} for your 50:50." if _lifeline_words(asked) else ""


def asks_for_lifeline(asked: AskedQuestion, line: str) -> bool:
    """A plain-mode line asking for the 50:50."""
    return line.strip() in _lifeline_words(asked)


def lifeline_refusal(game: Game) -> str | None:
    """Why the 50:50 cannot be used now, or None when it can."""
    if not game.settings.lifeline:
        return "There is no 50:50 in this game (play with --lifeline)."
    if not game.lifeline_left:
        return "You have used your 50:50 in this game."
    if not game.can_use_lifeline():
        return f"The 50:50 works only on a choice question with {MIN_OPTIONS} or more options."
    return None


def lifeline_note(removed: int) -> str:
    return f"50:50: {removed} wrong options are gone; a right answer now scores half."


def lives_text(lives: int) -> str:
    return f"{count_of(lives, 'life', 'lives')} left"


def lives_tag(game: Game) -> str:
    """What ends a survival game's plain header line: ` (2 lives left)`; nothing otherwise."""
    return f" ({lives_text(game.lives_left)})" if isinstance(game, Survival) else ""


def survival_end(game: Survival) -> str:
    """How a survival game ended."""
    answered = len(game.records)
    if game.out_of_lives:
        return f"Out of lives after {count_of(answered, 'question')}."
    return f"No questions left: you survived all {answered} with {lives_text(game.lives_left)}."


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
    return _joined(record.question.type, record.given) + (" (50:50)" if record.lifeline else "")


def parts_text(parts: Points) -> str:
    """`1,500 - 375 time + 200 streak`, or "" when the base is all there is."""
    terms = [f"{parts.base:,}"]
    if parts.speed:
        terms.append(f"- {-parts.speed:,} time")
    if parts.streak:
        terms.append(f"+ {parts.streak:,} streak")
    if parts.lifeline:
        terms.append(f"- {-parts.lifeline:,} for the 50:50")
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
        halved = "half, after the 50:50" if record.lifeline else ""
        how = parts_text(parts) if parts else halved
        line = f"Correct! +{count_of(record.points, 'point')}" + (f" ({how})" if how else "")
        if record.typo_forgiven:
            line += f"; typo forgiven: it is spelled {right}"
        return f"{line}. Streak: {record.streak}."
    if record.timed_out:
        return f"Wrong: time ran out. The answer is {right}."
    if record.skipped:
        return f"Skipped. The answer is {right}."
    return f"Wrong. The answer is {right}.{ticks_text(record)}"
