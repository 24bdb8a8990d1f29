"""Interactive play on a terminal: questionary prompts per question, Rich for the rest."""

from __future__ import annotations

import time

from rich.console import Console

from quiz.engine.game import Game
from quiz.models import AskedQuestion
from quiz.terminal import prompts
from quiz.terminal.render_game import feedback, header

TRUEFALSE_OPTIONS = {"True": "true", "False": "false"}


def _respond(asked: AskedQuestion, time_limit: float | None) -> tuple[str, ...] | None:
    """The player's response (empty for a skip), or None when time ran out."""
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
        answer = prompts.choose_one(q.prompt, asked.options, time_limit)
    if answer is prompts.TIMED_OUT:
        return None
    if isinstance(answer, list):
        return tuple(str(a) for a in answer)
    text = str(answer).strip()
    return (text,) if text else ()


def play_interactive(game: Game, console: Console) -> None:
    """Ask every question of `game`, with a header before and feedback after each."""
    limit = game.settings.time_limit
    while not game.finished:
        asked = game.current
        number = len(game.records) + 1
        console.print()
        console.print(header(number, len(game.asked), asked, game.score, game.streak))
        started = time.monotonic()
        given = _respond(asked, limit)
        seconds = time.monotonic() - started
        record = game.answer(given or (), seconds, timed_out=given is None)
        console.print(feedback(record))
