"""Interactive play on a terminal: questionary prompts per question, Rich for the rest."""

from __future__ import annotations

import time

from rich.console import Console
from rich.text import Text

from quiz.engine.game import Game
from quiz.engine.survival import Survival
from quiz.models import AnswerRecord, AskedQuestion
from quiz.output import safe
from quiz.terminal import prompts
from quiz.terminal.render_game import feedback, header
from quiz.terminal.wording import lifeline_note, lives_text

TRUEFALSE_OPTIONS = {"True": "true", "False": "false"}


def lives_label(game: Game) -> str:
    """The header's tag in survival: `♥♥♡ 2 lives left`; nothing in other games."""
    if not isinstance(game, Survival):
        return ""
    left = game.lives_left
    return f"{'♥' * left}{'♡' * (game.lives - left)} {lives_text(left)}"


def _respond(
    asked: AskedQuestion, time_limit: float | None, lifeline: bool = False
) -> tuple[str, ...] | prompts.Lifeline | None:
    """The player's response (empty for a skip), None when time ran out, or LIFELINE."""
    q = asked.question
    answer: object
    if q.type == "multi":
        answer = prompts.choose_many(q.prompt, asked.options, time_limit)
    elif q.type == "text":
        answer = prompts.type_answer(q.prompt, time_limit)
    elif q.type == "order":
        answer = prompts.put_in_order(q.prompt, asked.options, time_limit)
    elif q.type == "truefalse":
        answer = prompts.choose_one(q.prompt, list(TRUEFALSE_OPTIONS), time_limit)
        answer = TRUEFALSE_OPTIONS.get(str(answer), answer)
    else:
        answer = prompts.choose_one(q.prompt, asked.options, time_limit, lifeline=lifeline)
    if answer is prompts.TIMED_OUT:
        return None
    if isinstance(answer, prompts.Lifeline):
        return answer
    if isinstance(answer, list):
        return tuple(str(a) for a in answer)
    text = safe(str(answer)).strip()
    return (text,) if text else ()


def ask_interactive(
    game: Game, console: Console, number: int, total: int, tag: str = ""
) -> AnswerRecord:
    """Ask the current question of `game` with its header, then show the feedback."""
    limit = game.settings.time_limit
    console.print()
    console.print(header(number, total, game.current, game.score, game.streak, tag))
    started = time.monotonic()
    while True:
        remaining = None if limit is None else max(limit - (time.monotonic() - started), 0.0)
        given = _respond(game.current, remaining, game.can_use_lifeline())
        if not isinstance(given, prompts.Lifeline):
            break
        before = len(game.current.options)
        removed = before - len(game.use_lifeline().options)
        console.print(Text(lifeline_note(removed), style="bold cyan"))
    seconds = time.monotonic() - started
    record = game.answer(given or (), seconds, timed_out=given is None)
    console.print(feedback(record))
    return record


def play_interactive(game: Game, console: Console) -> None:
    """Ask every question of `game`, with a header before and feedback after each."""
    while not game.finished:
        ask_interactive(game, console, len(game.records) + 1, len(game.asked), lives_label(game))
