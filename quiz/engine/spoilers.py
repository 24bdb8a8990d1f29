"""Give-aways: a question that tells another's answer, by the facts map or by its words."""

from __future__ import annotations

from collections.abc import Iterable
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
    """Whether reading `shown` tells the answer of `other`, by the word rule."""
    return any(phrase in shown_words(shown) for phrase in telling_answers(other))


@cache
def known_facts(question: Question) -> frozenset[str]:
    """The facts a player learns from seeing the question: those it asks and mentions."""
    return frozenset((*question.asks, *question.mentions))


def clash(a: Question, b: Question) -> bool:
    """Whether one of the two gives the other away, so no game may hold both: by facts when
    both name the facts they ask (one asks a fact the other asks or mentions), else by words."""
    if a.asks and b.asks:
        return not known_facts(a).isdisjoint(b.asks) or not known_facts(b).isdisjoint(a.asks)
    return gives_away(a, b) or gives_away(b, a)


class SpoilerGuard:
    """The questions of a game so far, and whether one more can join without a give-away
    either way (`clash`). It checks only against the game, so a big bank costs nothing up
    front; `dealt` are questions the game holds already (an earlier round, a live room)."""

    def __init__(self, dealt: Iterable[Question] = ()) -> None:
        self._asked: set[str] = set()  # facts the game's questions with facts ask
        self._known: set[str] = set()  # facts they ask or mention
        self._answers: list[str] = []  # the word rule: telling answers of every question
        self._shown = ""
        self._answers_wordy: list[str] = []  # ... and of the questions without facts
        self._shown_wordy = ""
        for question in dealt:
            self.take(question)

    def admits(self, question: Question) -> bool:
        shown = shown_words(question)
        if question.asks:
            if not self._known.isdisjoint(question.asks):
                return False
            if not self._asked.isdisjoint(known_facts(question)):
                return False
            answers, others = self._answers_wordy, self._shown_wordy
        else:
            answers, others = self._answers, self._shown
        if any(phrase in shown for phrase in answers):
            return False
        return not any(phrase in others for phrase in telling_answers(question))

    def take(self, question: Question) -> None:
        self._answers += telling_answers(question)
        self._shown += "\n" + shown_words(question)
        if question.asks:
            self._asked.update(question.asks)
            self._known.update(known_facts(question))
        else:
            self._answers_wordy += telling_answers(question)
            self._shown_wordy += "\n" + shown_words(question)


def shown_unsolved(question: Question, options: list[str]) -> tuple[str, ...]:
    """The options in the order a game shows them; an `order` question that a shuffle left
    in its right order would give its own answer away, so it is turned by one place."""
    if question.type == "order" and tuple(options) == question.answers:
        options = [*options[1:], options[0]]
    return tuple(options)
