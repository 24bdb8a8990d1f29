"""Review cards: how an answer rates, and FSRS rescheduling a player's card after it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quiz.scores.clock import EARLIEST, parse_stamp, stamp

if TYPE_CHECKING:
    from fsrs import Card

# A right answer faster than this share of the time limit rates Easy.
EASY_SHARE = 1 / 3
# One short learning step: a right answer moves a new card to review at once (a game asks a
# question once, not until it sticks) and a miss brings it back a minute later.
LEARNING_STEPS = (timedelta(minutes=1),)


@dataclass(frozen=True, slots=True)
class CardState:
    """One player's FSRS card for one question, as the store keeps it (times as stamps)."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str
    last_review: str | None


def rating_name(correct: bool, seconds: float, time_limit: float | None) -> str:
    """Again for a wrong, skipped or timed-out answer; Good when right; Easy when fast."""
    if not correct:
        return "Again"
    if time_limit and seconds < time_limit * EASY_SHARE:
        return "Easy"
    return "Good"


class Reviewer:
    """Reschedules cards with one FSRS scheduler; fsrs loads here, only when cards change.

    Fuzzing is off so that the same answers always give the same schedule.
    """

    def __init__(self) -> None:
        from fsrs import Scheduler

        self._scheduler = Scheduler(learning_steps=LEARNING_STEPS, enable_fuzzing=False)

    def review_card(
        self,
        card: Card | None,
        *,
        correct: bool,
        seconds: float,
        time_limit: float | None,
        when: datetime,
    ) -> Card:
        """The card after this answer, given at `when` (UTC); a new card when `card` is None."""
        from fsrs import Card, Rating

        current = card or Card(card_id=0)  # an explicit id: Card() sleeps a millisecond
        rating = Rating[rating_name(correct, seconds, time_limit)]
        return self._scheduler.review_card(current, rating, when)[0]

    def review(
        self,
        state: CardState | None,
        *,
        correct: bool,
        seconds: float,
        time_limit: float | None,
        when: datetime,
    ) -> CardState:
        """`review_card` for a stored card."""
        card = None if state is None else card_of(state)
        updated = self.review_card(
            card, correct=correct, seconds=seconds, time_limit=time_limit, when=when
        )
        return state_of(updated)


def card_of(state: CardState) -> Card | None:
    """The FSRS card of a stored state; None (a new card) when the state holds values no
    version writes: a due that is no time, an unknown state, a stability that is not positive.
    A bad card starts again; it never stops practice or a game."""
    from fsrs import Card, State

    try:
        card = Card(
            card_id=0,
            state=State(state.state),
            step=state.step,
            stability=state.stability,
            difficulty=state.difficulty,
            due=parse_stamp(state.due),
            last_review=parse_stamp(state.last_review) if state.last_review else None,
        )
    except (ValueError, TypeError, OverflowError):
        return None
    return card if _sane(card) else None


def _sane(card: Card) -> bool:
    from fsrs import State

    if card.step is not None and not 0 <= card.step < len(LEARNING_STEPS):
        return False
    if card.state is State.Review and (card.stability is None or card.difficulty is None):
        return False
    if card.stability is not None and not 0 < card.stability < math.inf:
        return False
    return card.difficulty is None or 1 <= card.difficulty <= 10


def due_of(text: object) -> datetime:
    """When a stored card is due; long ago when the store holds no time there (asked first,
    its next review writes a sound card)."""
    try:
        return parse_stamp(str(text))
    except ValueError:
        return EARLIEST


def state_of(card: Card) -> CardState:
    return CardState(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=stamp(card.due),
        last_review=stamp(card.last_review) if card.last_review else None,
    )
