"""Frozen data types shared by the bank, the engine and the score store."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class QuestionType(StrEnum):
    """How a question is answered (the `type` of a bank question)."""

    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    TEXT = "text"
    MULTI = "multi"
    ORDER = "order"


class Difficulty(StrEnum):
    """How hard a question is, easiest first."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Mode(StrEnum):
    """The board a game is ranked on."""

    NORMAL = "normal"
    LIVES = "lives"
    PARTY = "party"
    LIVE = "live"


class Outcome(StrEnum):
    """How one question of a game went."""

    RIGHT = "right"
    WRONG = "wrong"
    SKIPPED = "skipped"
    TIMED_OUT = "timed out"


QUESTION_TYPES = tuple(QuestionType)
# Types whose right answer a player must recall or pick out: seen elsewhere, it gives them away.
GUESSED_TYPES = (QuestionType.CHOICE, QuestionType.TEXT)
DIFFICULTIES = tuple(Difficulty)
BUILTIN_TOPICS = (
    "Jim Halpert",
    "John Krasinski",
    "Katy Moore",
    "Dwight Schrute",
    "Karen Filippelli",
    "Michael Scott",
    "Pam Beesly",
)
SOURCES = ("intro", "krasinski", "katy", "dwight", "karen", "michael", "pam")
BUILTIN_ORIGIN = "builtin"


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the bank, exactly as its TOML table describes it."""

    id: str
    topic: str
    difficulty: str
    type: str
    prompt: str
    answers: tuple[str, ...]
    choices: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    explanation: str = ""
    source: str = ""
    origin: str = BUILTIN_ORIGIN
    asks: tuple[str, ...] = ()  # ids of the facts a right answer shows the player knows
    mentions: tuple[str, ...] = ()  # facts its prompt, options or explanation give away

    def __hash__(self) -> int:
        # Equal questions share an id, and hashing one string is far cheaper than every field
        # (the spoiler rules look questions up in caches thousands of times a game).
        return hash(self.id)

    @property
    def is_builtin(self) -> bool:
        return self.origin == BUILTIN_ORIGIN

    def export(self) -> dict[str, object]:
        """The question in the JSON export format of the spec (facts only where it has them)."""
        exported: dict[str, object] = {
            "id": self.id,
            "topic": self.topic,
            "difficulty": self.difficulty,
            "type": self.type,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "answers": list(self.answers),
            "reject": list(self.reject),
            "explanation": self.explanation,
            "source": self.source,
            "origin": self.origin,
        }
        if self.asks or self.mentions:
            exported |= {"asks": list(self.asks), "mentions": list(self.mentions)}
        return exported


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a bank file: where it is and what is wrong."""

    file: str
    message: str
    question: str = ""
    field: str = ""

    def __str__(self) -> str:
        where = [self.file]
        if self.question:
            where.append(f"question {self.question}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Bank:
    """The effective bank: every question that loaded, and every file that did not."""

    questions: tuple[Question, ...]
    problems: tuple[Problem, ...] = field(default=())

    def get(self, question_id: str) -> Question | None:
        wanted = question_id.strip().casefold()
        return next((q for q in self.questions if q.id.casefold() == wanted), None)


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question as one game asks it: options in the order this game shows them."""

    question: Question
    options: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """How one question of a game went. `given` is empty when skipped or timed out."""

    asked: AskedQuestion
    given: tuple[str, ...]
    correct: bool
    points: int
    seconds: float
    streak: int
    typo_forgiven: bool = False
    timed_out: bool = False
    lifeline: bool = False

    @property
    def skipped(self) -> bool:
        return not self.given and not self.timed_out

    @property
    def question(self) -> Question:
        return self.asked.question

    @property
    def outcome(self) -> Outcome:
        if self.correct:
            return Outcome.RIGHT
        if self.timed_out:
            return Outcome.TIMED_OUT
        return Outcome.SKIPPED if self.skipped else Outcome.WRONG


@dataclass(frozen=True, slots=True)
class GameSettings:
    """What a game was asked to be; enough to replay it with the same seed."""

    seed: int
    count: int = 10
    topics: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    time_limit: int | None = None
    lives: int | None = None
    lifeline: bool = False
    party_id: str | None = None
    room_id: str | None = None  # the live room the game was played in

    @property
    def mode(self) -> Mode:
        """The board the game is ranked on."""
        if self.room_id is not None:
            return Mode.LIVE
        if self.party_id is not None:
            return Mode.PARTY
        return Mode.LIVES if self.lives is not None else Mode.NORMAL


@dataclass(frozen=True, slots=True)
class GameResult:
    """A finished game: who, when, how, and every answer."""

    player: str
    settings: GameSettings
    records: tuple[AnswerRecord, ...]
    started_at: float
    duration_s: float
    uuid: str | None = None  # given by a live room's host, so every store keeps the game once

    @property
    def score(self) -> int:
        return sum(r.points for r in self.records)

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.records)

    @property
    def total(self) -> int:
        return len(self.records)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def best_streak(self) -> int:
        return max((r.streak for r in self.records), default=0)
