"""Review cards: how an answer rates, and FSRS rescheduling a player's card after it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.scores.clock import parse_stamp, stamp

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

    def review(
        self,
        card: CardState | None,
        *,
        correct: bool,
        seconds: float,
        time_limit: float | None,
        when: datetime,
    ) -> CardState:
        """The card after this answer, given at `when` (UTC); a new card when `card` is None."""
        from fsrs import Card, Rating, State

        if card is None:
            current = Card(card_id=0)  # an explicit id: Card() otherwise sleeps a millisecond
        else:
            current = Card(
                card_id=0,
                state=State(card.state),
                step=card.step,
                stability=card.stability,
                difficulty=card.difficulty,
                due=parse_stamp(card.due),
                last_review=parse_stamp(card.last_review) if card.last_review else None,
            )
        rating = Rating[rating_name(correct, seconds, time_limit)]
        updated, _ = self._scheduler.review_card(current, rating, when)
        return CardState(
            state=int(updated.state),
            step=updated.step,
            stability=updated.stability,
            difficulty=updated.difficulty,
            due=stamp(updated.due),
            last_review=stamp(when),
        )
