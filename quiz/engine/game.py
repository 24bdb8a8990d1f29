"""One game in progress: checks each response, keeps score and streak, yields the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.engine.scoring import points_for
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

    @property
    def finished(self) -> bool:
        return len(self.records) == len(self.asked)

    @property
    def current(self) -> AskedQuestion:
        return self.asked[len(self.records)]

    @property
    def score(self) -> int:
        return sum(r.points for r in self.records)

    def answer(
        self, given: Sequence[str], seconds: float, *, timed_out: bool = False
    ) -> AnswerRecord:
        """Record the response to the current question; empty `given` is a skip."""
        asked = self.current
        verdict = Verdict(correct=False) if timed_out else judge(asked.question, given)
        self.streak = self.streak + 1 if verdict.correct else 0
        points = (
            points_for(asked.question.difficulty, self.streak, seconds, self.settings.time_limit)
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
        )
        self.records.append(record)
        return record

    def result(self, player: str, started_at: float, duration_s: float) -> GameResult:
        return GameResult(player, self.settings, tuple(self.records), started_at, duration_s)
