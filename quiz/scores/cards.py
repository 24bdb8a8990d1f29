"""Review-card queries: rescheduling a player's cards after answers, and when each is due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.scores.db import Connection, Row
from quiz.scores.schedule import CardState, Reviewer, due_of

CARD_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review")
UPSERT_CARD = f"""INSERT INTO review_cards (player_key, question_id, {", ".join(CARD_COLUMNS)})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (player_key, question_id) DO UPDATE SET state = excluded.state,
        step = excluded.step, stability = excluded.stability, difficulty = excluded.difficulty,
        due = excluded.due, last_review = excluded.last_review"""


@dataclass(frozen=True, slots=True)
class Review:
    """One answer as a review: the question, whether it was right, the seconds taken."""

    question_id: str
    right: bool
    seconds: float


def card_row(player_key: str, question_id: str, card: CardState) -> tuple[object, ...]:
    """The values of `UPSERT_CARD` for one card."""
    return (
        player_key,
        question_id,
        card.state,
        card.step,
        card.stability,
        card.difficulty,
        card.due,
        card.last_review,
    )


def card_state(row: Row) -> CardState:
    return CardState(*(row[column] for column in CARD_COLUMNS))


def review_answers(
    db: Connection,
    player_key: str,
    answers: Sequence[Review],
    time_limit: int | None,
    when: datetime,
) -> None:
    """Reschedule the player's card for each answer, inside the caller's transaction."""
    if not answers:
        return
    reviewer = Reviewer()
    for answer in answers:
        found = db.execute(
            f"""SELECT {", ".join(CARD_COLUMNS)} FROM review_cards
            WHERE player_key = $1 AND question_id = $2""",
            (player_key, answer.question_id),
        ).fetchone()
        card = reviewer.review(
            card_state(found) if found else None,
            correct=answer.right,
            seconds=answer.seconds,
            time_limit=time_limit,
            when=when,
        )
        db.execute(UPSERT_CARD, card_row(player_key, answer.question_id, card))


def review_schedule(db: Connection, player_key: str) -> dict[str, datetime]:
    """When each question the player has answered is next due, by question id."""
    rows = db.execute(
        "SELECT question_id, due FROM review_cards WHERE player_key = $1", (player_key,)
    )
    return {row["question_id"]: due_of(row["due"]) for row in rows}
