"""Option types shared by several commands, in one placeholder style and our own wording."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from quiz.compat import ParamType
from quiz.errors import QuizError
from quiz.models import Difficulty, QuestionType

if TYPE_CHECKING:  # an annotation only: every command, and --help, starts without it
    from quiz.models import Question


class QuizCommand(TyperCommand):
    """A command whose usage shows arguments as `ID` like every placeholder, and whose usage
    errors can point at its own --help."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [
            piece.replace("{", "").replace("}", "") for piece in super().collect_usage_pieces(ctx)
        ]

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizError as exc:
            exc.command_path = ctx.command_path
            raise


class WholeNumber(ParamType):
    """A whole number within bounds, refused in our words (click says 'not a valid int range')."""

    name = "number"

    def __init__(self, low: int | None = None, high: int | None = None) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            number = value
        elif re.fullmatch(r"\s*[+-]?[0-9]{1,9}\s*", str(value)):
            number = int(value)
        elif re.fullmatch(r"\s*[+-]?[0-9]+\s*", str(value)):
            self.fail(f"{str(value).strip()} is far too large", param, ctx)
        else:
            self.fail(f"'{value}' is not a whole number", param, ctx)
        if self.low is not None and self.high is not None and not self.low <= number <= self.high:
            self.fail(f"{number} is not between {self.low} and {self.high}", param, ctx)
        if self.low is not None and number < self.low:
            self.fail(f"{number} is too small (the least is {self.low})", param, ctx)
        return number


class Day(ParamType):
    """A calendar day written YYYY-MM-DD."""

    name = "day"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            self.fail(f"'{value}' is not a day written YYYY-MM-DD (like 2026-01-31)", param, ctx)
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"'{value}' is not a day of the calendar", param, ctx)


def _bank_questions() -> tuple[Question, ...]:
    from quiz.bank.loader import load_bank

    return load_bank().questions


def plain_word(text: str) -> bool:
    """Whether a shell takes `text` as one word, as it is, whatever the shell: letters, digits,
    `.`, `_` and `-` only. Completion offers nothing else (a bank file may hold shell code)."""
    return re.fullmatch(r"[\w.-]+", text) is not None


def complete_topic(incomplete: str) -> list[str]:
    """Shell completion: one plain word of each topic, a word that names that topic alone
    (`--topic Dwight` is Dwight Schrute); a topic without one is not offered."""
    from quiz.engine.filters import match_topic
    from quiz.errors import UsageError

    topics = sorted({q.topic for q in _bank_questions()})
    words = []
    for topic in topics:
        for word in topic.split():
            if not (plain_word(word) and word.casefold().startswith(incomplete.casefold())):
                continue
            try:
                names_it = match_topic(word, topics) == topic
            except UsageError:
                names_it = False
            if names_it:
                words.append(word)
                break
    return words


def complete_player(incomplete: str) -> list[str]:
    """Shell completion: the players of this computer's own score file (never a server, which
    could keep Tab waiting), plain words only; nothing before the first game (a Tab makes no file)."""
    from quiz import paths
    from quiz.errors import QuizError
    from quiz.scores.store import open_store

    if not paths.scores_db().is_file():
        return []
    try:
        names = open_store(local=True).player_names()
    except QuizError:
        return []
    typed = incomplete.casefold()
    return [name for name in names if plain_word(name) and name.casefold().startswith(typed)]


def complete_id(incomplete: str) -> list[str]:
    """Shell completion: the question ids that start with what is typed (plain words only)."""
    return [q.id for q in _bank_questions() if q.id.startswith(incomplete) and plain_word(q.id)]


BankOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--bank",
        metavar="PATH",
        help="Extra bank file or folder of *.toml files to include (repeatable).",
        show_default=False,
    ),
]
TargetBankOption = Annotated[
    Path | None,
    typer.Option(
        "--bank",
        metavar="FILE",
        help="The bank file to add to (default: $QUIZ_HOME/bank/user.toml).",
        show_default=False,
    ),
]
TopicOption = Annotated[
    list[str] | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Only this topic, any case (repeatable).",
        autocompletion=complete_topic,
        show_default=False,
    ),
]
DifficultyOption = Annotated[
    list[Difficulty] | None,
    typer.Option(
        "--difficulty",
        metavar="[easy|medium|hard]",
        help="Only this difficulty (repeatable).",
        show_default=False,
    ),
]
TypeOption = Annotated[
    list[QuestionType] | None,
    typer.Option(
        "--type",
        metavar="[choice|truefalse|text|multi|order]",
        help="Only this question type (repeatable).",
        show_default=False,
    ),
]
TimeLimitOption = Annotated[
    int | None,
    typer.Option(
        "--time-limit",
        click_type=WholeNumber(5, 300),
        metavar="SECONDS",
        help="Timed mode: seconds per question (5-300); faster answers score more.",
    ),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain", help="Line-by-line mode for scripts and screen readers (automatic when piped)."
    ),
]
NameOption = Annotated[
    str | None,
    typer.Option(
        "--player",
        metavar="NAME",
        help="Your name (asked for when not given).",
        autocompletion=complete_player,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")
]
