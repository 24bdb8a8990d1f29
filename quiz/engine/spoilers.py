"""Give-aways: a question whose prompt, options or explanation names another's right answer."""

from __future__ import annotations

from functools import cache

from quiz.models import GUESSED_TYPES, Question
from quiz.textmatch import spaced_words, telling_words


@cache
def shown_words(question: Question) -> str:
    """Everything a player reads of a question, as `spaced_words` one text a line: prompt,
    options, explanation, and the answer a `text` question reveals once answered."""
    texts = [question.prompt, *question.choices, question.explanation]
    if question.type == "text" and question.answers:
        texts.append(question.answers[0])
    return "\n".join(spaced_words(text) for text in texts)


@cache
def telling_answers(question: Question) -> tuple[str, ...]:
    """Each right answer whose words would give it away if another question showed them."""
    if question.type not in GUESSED_TYPES:
        return ()
    return tuple(phrase for answer in question.answers if (phrase := telling_words(answer)))


def gives_away(shown: Question, other: Question) -> bool:
    """Whether reading `shown` tells the answer of `other`."""
    return any(phrase in shown_words(shown) for phrase in telling_answers(other))


class SpoilerGuard:
    """The questions of a game so far, and whether one more can join without a give-away
    either way. It checks only against the game, so a big bank costs nothing up front."""

    def __init__(self) -> None:
        self._answers: list[str] = []
        self._shown = ""

    def admits(self, question: Question) -> bool:
        shown = shown_words(question)
        if any(phrase in shown for phrase in self._answers):
            return False
        return not any(phrase in self._shown for phrase in telling_answers(question))

    def take(self, question: Question) -> None:
        self._answers += telling_answers(question)
        self._shown += "\n" + shown_words(question)


def shown_unsolved(question: Question, options: list[str]) -> tuple[str, ...]:
    """The options in the order a game shows them; an `order` question that a shuffle left
    in its right order would give its own answer away, so it is turned by one place."""
    if question.type == "order" and tuple(options) == question.answers:
        options = [*options[1:], options[0]]
    return tuple(options)
