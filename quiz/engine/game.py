"""One game in progress: checks each response, keeps score and streak, yields the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.engine.lifeline import allows_fifty_fifty, fifty_fifty
from quiz.engine.scoring import Points, kind_time_limit, points_parts
from quiz.models import AnswerRecord, AskedQuestion, GameResult, GameSettings, Question
from quiz.textmatch import judge_text


@dataclass(frozen=True, slots=True)
class Verdict:
    correct: bool
    typo_forgiven: bool = False


def judge(question: Question, given: Sequence[str]) -> Verdict:
    """Whether a response is right. `given` holds the chosen options or the typed text."""
    if not given:
        return Verdict(correct=False)
    if question.type == "text":
        verdict = judge_text(given[0], question.answers, question.reject, question.prompt)
        return Verdict(verdict.correct, verdict.typo_forgiven)
    if question.type == "multi":
        return Verdict(set(given) == set(question.answers))
    if question.type == "order":
        return Verdict(tuple(given) == question.answers)
    return Verdict(given[0] == question.answers[0])


class Game:
    """Score and streak across the questions of one game, in order."""

    def __init__(self, asked: Sequence[AskedQuestion], settings: GameSettings) -> None:
        self.asked = tuple(asked)
        self.settings = settings
        self.records: list[AnswerRecord] = []
        self.streak = 0
        self.lifeline_at: int | None = None  # the question the 50:50 was used on

    @property
    def finished(self) -> bool:
        return len(self.records) == len(self.asked)

    @property
    def current(self) -> AskedQuestion:
        return self.asked[len(self.records)]

    @property
    def score(self) -> int:
        return sum(r.points for r in self.records)

    @property
    def lifeline_left(self) -> bool:
        """The game was asked to have a 50:50 and it has not been used yet."""
        return self.settings.lifeline and self.lifeline_at is None

    def can_use_lifeline(self) -> bool:
        return self.lifeline_left and allows_fifty_fifty(self.current)

    def use_lifeline(self) -> AskedQuestion:
        """Take half of the wrong options off the current question; it then scores half."""
        if not self.can_use_lifeline():
            raise ValueError("no 50:50 for this question")
        at = len(self.records)
        reduced = fifty_fifty(self.current, self.settings.seed)
        self.asked = (*self.asked[:at], reduced, *self.asked[at + 1 :])
        self.lifeline_at = at
        return reduced

    def time_limit(self, asked: AskedQuestion | None = None) -> float | None:
        """The seconds the question (by default the current one) gets: the game's limit
        scaled for the question's kind; None when the game is not timed."""
        limit = self.settings.time_limit
        question = (asked or self.current).question
        return None if limit is None else kind_time_limit(question.type, limit)

    def answer(
        self, given: Sequence[str], seconds: float, *, timed_out: bool = False
    ) -> AnswerRecord:
        """Record the response to the current question; empty `given` is a skip."""
        asked = self.current
        lifeline = self.lifeline_at == len(self.records)
        verdict = Verdict(correct=False) if timed_out else judge(asked.question, given)
        self.streak = self.streak + 1 if verdict.correct else 0
        limit = self.time_limit(asked)
        difficulty = asked.question.difficulty
        points = (
            points_parts(difficulty, self.streak, seconds, limit, lifeline=lifeline).total
            if verdict.correct
            else 0
        )
        record = AnswerRecord(
            asked=asked,
            given=() if timed_out else tuple(given),
            correct=verdict.correct,
            points=points,
            seconds=seconds,
            streak=self.streak,
            typo_forgiven=verdict.typo_forgiven,
            timed_out=timed_out,
            lifeline=lifeline,
        )
        self.records.append(record)
        return record

    def points_parts(self, record: AnswerRecord) -> Points | None:
        """How a right answer's points were made up; None when it scored nothing."""
        if not record.correct:
            return None
        limit = self.time_limit(record.asked)
        q, lifeline = record.question, record.lifeline
        return points_parts(q.difficulty, record.streak, record.seconds, limit, lifeline=lifeline)

    def result(self, player: str, started_at: float, duration_s: float) -> GameResult:
        return GameResult(player, self.settings, tuple(self.records), started_at, duration_s)
