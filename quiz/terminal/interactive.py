"""Interactive play on a terminal: one screen a question, a reveal, a pause, an end screen."""

from __future__ import annotations

from rich.console import Console

from quiz.engine.game import Game
from quiz.models import AskedQuestion, GameResult
from quiz.scores.recorder import SavedGame
from quiz.terminal import prompts
from quiz.terminal.render_end import ReplayLines, Review, result_panel
from quiz.terminal.render_game import question_screen
from quiz.terminal.render_reveal import reveal
from quiz.terminal.render_scores import score_table
from quiz.terminal.wording import TRUEFALSE_OPTIONS

NEXT_QUESTION = "Press Enter for the next question"
SEE_RESULTS = "Press Enter for your results"
TOP_GAMES = 5


def _respond(asked: AskedQuestion, time_limit: float | None) -> prompts.Answer:
    """The prompt for the question's type; its value is what the player picked or typed."""
    q = asked.question
    if q.type == "multi":
        return prompts.choose_many(asked.options, time_limit)
    if q.type == "text":
        return prompts.type_answer(time_limit)
    if q.type == "truefalse":
        return prompts.choose_one([label for label, _ in TRUEFALSE_OPTIONS], time_limit)
    return prompts.choose_one(asked.options, time_limit)


def _given(asked: AskedQuestion, value: object) -> tuple[str, ...]:
    """The response an answer's value gives: options or typed text, empty for a skip."""
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    text = str(value).strip()
    if asked.question.type == "truefalse":
        text = dict(TRUEFALSE_OPTIONS).get(text, text)
    return (text,) if text else ()


def play_interactive(game: Game, console: Console) -> None:
    """Ask every question of `game` on a screen of its own, each answer followed by its reveal."""
    while not game.finished:
        asked = game.current
        console.clear()
        number = len(game.records) + 1
        console.print(question_screen(number, len(game.asked), asked, game.score, game.streak))
        answer = _respond(asked, game.settings.time_limit)
        timed_out = answer.value is prompts.TIMED_OUT
        given = () if timed_out else _given(asked, answer.value)
        record = game.answer(given, answer.seconds, timed_out=timed_out)
        console.print(reveal(record, game.points_parts(record)))
        prompts.wait_for_enter(SEE_RESULTS if game.finished else NEXT_QUESTION)


def show_end(console: Console, result: GameResult, saved: SavedGame | None, replay: str) -> None:
    """The review, the best games with this one starred, then the result panel last."""
    console.clear()
    console.print(Review(result))
    if saved is not None and saved.top:
        console.print(score_table(saved.top, saved.game_id, min(console.width, 80), mark=None))
    console.print(result_panel(result, saved.placement if saved else None))
    console.print(ReplayLines(replay))
