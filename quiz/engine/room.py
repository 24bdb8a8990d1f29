"""A live room's rules: who plays, the open question, answers, scoring, standings, rejoining."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from quiz.engine.game import judge
from quiz.engine.party import Standing
from quiz.engine.players import name_problem
from quiz.engine.scoring import Points, kind_time_limit, points_parts
from quiz.models import AnswerRecord, AskedQuestion
from quiz.textmatch import name_key

DEFAULT_MAX_PLAYERS = 100


class Refusal(StrEnum):
    """Why a room does not take someone in."""

    BAD_NAME = "bad-name"
    NAME_TAKEN = "name-taken"
    FULL = "full"
    STARTED = "started"


class RoomRefusedError(Exception):
    """A join the room refuses; `detail` says more for a bad name."""

    def __init__(self, reason: Refusal, detail: str = "") -> None:
        super().__init__(detail or reason.value)
        self.reason = reason
        self.detail = detail


class Phase(StrEnum):
    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    OVER = "over"


class Ack(StrEnum):
    """What became of an answer."""

    ACCEPTED = "accepted"
    LATE = "late"  # the question had closed, or its time was up
    TWICE = "twice"  # this player already answered it
    UNKNOWN = "unknown"  # not the open question's number


@dataclass(slots=True)
class Seat:
    """One player of the room and their game so far."""

    name: str
    key: str
    token: str
    game_id: str
    present: bool = True
    streak: int = 0
    records: list[AnswerRecord] = field(default_factory=list)
    parts: list[Points | None] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(r.points for r in self.records)

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.records)


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    number: int  # from 1
    total: int
    asked: AskedQuestion
    limit: float
    opened_at: float

    @property
    def deadline(self) -> float:
        return self.opened_at + self.limit


@dataclass(frozen=True, slots=True)
class Tally:
    """How many picked one option (or gave a right or a wrong answer), and whether it is right."""

    label: str
    count: int
    right: bool


@dataclass(frozen=True, slots=True)
class Reveal:
    """A closed question: what each player got, how the answers spread, and the standings."""

    question: OpenQuestion
    tallies: tuple[Tally, ...]
    standings: tuple[Standing, ...]


def tallies(asked: AskedQuestion, records: Sequence[AnswerRecord]) -> tuple[Tally, ...]:
    """Answers counted per option (choice, multi, true/false) or as right and wrong."""
    q, given = asked.question, [r for r in records if r.given]
    if q.type in ("choice", "multi"):
        return tuple(
            Tally(o, sum(o in r.given for r in given), o in q.answers) for o in asked.options
        )
    if q.type == "truefalse":
        return tuple(
            Tally(word, sum(r.given[0] == word for r in given), q.answers[0] == word)
            for word in ("true", "false")
        )
    right = sum(r.correct for r in given)
    return (Tally("right", right, True), Tally("wrong", len(given) - right, False))


class Room:
    """The rules of one live game; every method takes the time from the caller's clock."""

    def __init__(
        self,
        asked: Sequence[AskedQuestion],
        time_limit: float,
        max_players: int = DEFAULT_MAX_PLAYERS,
    ) -> None:
        self.asked = tuple(asked)
        self.time_limit = time_limit
        self.max_players = max_players
        self.seats: list[Seat] = []
        self._by_token: dict[str, Seat] = {}
        self._present = 0
        self.phase = Phase.LOBBY
        self.current: OpenQuestion | None = None
        self.closed_questions = 0  # asked and closed: their answers may be told
        self._answers_in = 0  # to the open question
        self.started_at: float | None = None

    @property
    def total(self) -> int:
        return len(self.asked)

    @property
    def present(self) -> list[Seat]:
        return [s for s in self.seats if s.present]

    @property
    def present_count(self) -> int:
        return self._present

    def seat_of_token(self, token: str) -> Seat | None:
        return self._by_token.get(token)

    def join(self, name: str, token: str, game_id: str) -> Seat:
        """A new player in the lobby; RoomRefusedError says why not."""
        if self.phase is not Phase.LOBBY:
            raise RoomRefusedError(Refusal.STARTED)
        problem = name_problem(name)
        if problem:
            raise RoomRefusedError(Refusal.BAD_NAME, problem)
        key = name_key(name)
        if not key or any(s.key == key for s in self.seats):
            raise RoomRefusedError(Refusal.NAME_TAKEN)
        if len(self.seats) >= self.max_players:
            raise RoomRefusedError(Refusal.FULL)
        seat = Seat(name.strip(), key, token, game_id)
        self.seats.append(seat)
        self._by_token[token] = seat
        self._present += 1
        return seat

    def rejoin(self, token: str) -> Seat | None:
        """The player whose token this is, back in the room; None for a token not of this room."""
        seat = self.seat_of_token(token)
        if seat is not None and self.phase is not Phase.OVER:
            self._present += not seat.present
            seat.present = True
            return seat
        return None

    def leave(self, seat: Seat) -> None:
        """A player gone: out of the lobby altogether, or away from a started game."""
        self._present -= seat.present
        if self.phase is Phase.LOBBY:
            self.seats.remove(seat)
            del self._by_token[seat.token]
        else:
            seat.present = False

    def start(self, now: float) -> None:
        if self.phase is not Phase.LOBBY:
            raise ValueError("the room has already started")
        self.phase = Phase.REVEAL
        self.started_at = now

    @property
    def finished(self) -> bool:
        return self.closed_questions >= self.total

    def open_next(self, now: float) -> OpenQuestion:
        """Ask the next question, its time counted from `now`."""
        if self.phase is not Phase.REVEAL or self.finished:
            raise ValueError("no question to open")
        number = self.closed_questions + 1
        asked = self.asked[number - 1]
        limit = kind_time_limit(asked.question.type, self.time_limit)
        self.current = OpenQuestion(number, self.total, asked, limit, now)
        self.phase = Phase.QUESTION
        self._answers_in = 0
        return self.current

    def answered(self, seat: Seat) -> bool:
        """Whether the player has answered the open question."""
        return self.phase is Phase.QUESTION and len(seat.records) > self.closed_questions

    def told(self, seat: Seat) -> list[AnswerRecord]:
        """The player's records of the closed questions: what may leave the host."""
        return seat.records[: self.closed_questions]

    def answered_count(self) -> int:
        return self._answers_in

    def all_answered(self) -> bool:
        # The count first: the players' list is walked only once enough answers are in.
        return self._answers_in >= self._present and all(self.answered(s) for s in self.present)

    def answer(self, seat: Seat, number: int, given: Sequence[str], now: float) -> Ack:
        """One player's answer to question `number`, judged and scored at once."""
        current = self.current
        if current is None or number != current.number:
            return Ack.LATE if current is not None and number < current.number else Ack.UNKNOWN
        if self.phase is not Phase.QUESTION or now > current.deadline:
            return Ack.LATE
        if self.answered(seat):
            return Ack.TWICE
        q = current.asked.question
        verdict = judge(q, given)
        seat.streak = seat.streak + 1 if verdict.correct else 0
        seconds = now - current.opened_at
        parts = (
            points_parts(q.difficulty, seat.streak, seconds, current.limit)
            if verdict.correct
            else None
        )
        seat.records.append(
            AnswerRecord(
                asked=current.asked,
                given=tuple(given),
                correct=verdict.correct,
                points=parts.total if parts else 0,
                seconds=seconds,
                streak=seat.streak,
                typo_forgiven=verdict.typo_forgiven,
            )
        )
        seat.parts.append(parts)
        self._answers_in += 1
        return Ack.ACCEPTED

    def close(self, now: float) -> Reveal:
        """End the open question: who did not answer timed out (or, away, skipped it)."""
        current = self.current
        if current is None or self.phase is not Phase.QUESTION:
            raise ValueError("no open question")
        for seat in self.seats:
            if not self.answered(seat):
                seat.streak = 0
                seat.records.append(
                    AnswerRecord(
                        asked=current.asked,
                        given=(),
                        correct=False,
                        points=0,
                        seconds=min(now - current.opened_at, current.limit),
                        streak=0,
                        timed_out=seat.present,
                    )
                )
                seat.parts.append(None)
        self.closed_questions += 1
        self.phase = Phase.OVER if self.finished else Phase.REVEAL
        records = [s.records[current.number - 1] for s in self.seats]
        return Reveal(current, tallies(current.asked, records), tuple(self.standings()))

    def end(self) -> None:
        """Stop the room where it is (the host leaving early)."""
        self.phase = Phase.OVER

    def standings(self) -> list[Standing]:
        """Everyone, best first; tied players share a place and keep the order they joined in."""
        placed = self.places()
        rows = [
            Standing(placed[s.token], s.name, s.score, s.correct, len(s.records))
            for s in self.seats
        ]
        return sorted(rows, key=lambda s: s.place)

    def places(self) -> dict[str, int]:
        """Each player's place, by token (ties share one)."""
        by_score = sorted((s.score for s in self.seats), reverse=True)
        first: dict[int, int] = {}
        for n, score in enumerate(by_score, start=1):
            first.setdefault(score, n)
        return {s.token: first[s.score] for s in self.seats}
