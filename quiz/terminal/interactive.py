"""Interactive play on a terminal: one screen a question, a reveal, a pause, an end screen."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.text import Text

from quiz.engine.game import Game
from quiz.engine.survival import Survival
from quiz.engine.turns import Turn
from quiz.models import AnswerRecord, AskedQuestion, GameResult
from quiz.output import safe
from quiz.terminal import prompts
from quiz.terminal.render_game import Progress, question_screen, readable
from quiz.terminal.render_reveal import reveal
from quiz.terminal.wording import TRUEFALSE_KEYS, TRUEFALSE_OPTIONS, lifeline_note, lives_text

if TYPE_CHECKING:
    from quiz.scores.recorder import SavedGame

NEXT_QUESTION = "Press Enter for the next question"
SEE_RESULTS = "Press Enter for your results"
TOP_GAMES = 5


def lives_label(game: Game) -> str:
    """The header's tag in survival: `♥♥♡ 2 lives left`; nothing in other games."""
    if not isinstance(game, Survival):
        return ""
    left = game.lives_left
    return f"{'♥' * left}{'♡' * (game.lives - left)} {lives_text(left)}"


def _respond(
    asked: AskedQuestion, time_limit: float | None, used: float, lifeline: bool
) -> prompts.Answer:
    """The prompt for the question's type; its value is what the player picked or typed.
    `used`: seconds of the time limit already gone on this question (before a 50:50)."""
    q = asked.question
    if q.type == "multi":
        return prompts.choose_many(asked.options, time_limit, used)
    if q.type == "text":
        return prompts.type_answer(time_limit, used)
    if q.type == "order":
        return prompts.put_in_order(asked.options, time_limit, used)
    if q.type == "truefalse":
        labels = [label for label, _ in TRUEFALSE_OPTIONS]
        return prompts.choose_one(labels, time_limit, used, keys=TRUEFALSE_KEYS)
    return prompts.choose_one(asked.options, time_limit, used, lifeline=lifeline)


def _given(asked: AskedQuestion, value: object) -> tuple[str, ...]:
    """The response an answer's value gives: options or typed text, empty for a skip."""
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    text = safe(str(value)).strip()
    if asked.question.type == "truefalse":
        text = dict(TRUEFALSE_OPTIONS).get(text, text)
    return (text,) if text else ()


def progress_of(game: Game, number: int, total: int, tag: str = "") -> Progress:
    """Where `game` stands now, with question `number` of `total` on screen."""
    outcomes = tuple(record.outcome for record in game.records)
    survival = isinstance(game, Survival)
    return Progress(number, total, game.score, game.streak, outcomes, tag, open_ended=survival)


def ask_interactive(
    game: Game,
    console: Console,
    number: int,
    total: int,
    tag: str = "",
    notices: Sequence[str] = (),
) -> AnswerRecord:
    """The current question of `game` under its header (and any `notices` the game starts
    with), then the same screen again with the answer revealed and the score updated."""
    limit = game.time_limit()
    asked = game.current
    console.print(question_screen(progress_of(game, number, total, tag), asked, notices))
    seconds, said = 0.0, list[RenderableType]()
    while True:
        answer = _respond(game.current, limit, seconds, game.can_use_lifeline())
        seconds += answer.seconds
        if not isinstance(answer.value, prompts.Lifeline):
            break
        before = len(game.current.options)
        removed = before - len(game.use_lifeline().options)
        said.append(readable(Text(lifeline_note(removed), style="bold cyan")))
        console.print(said[-1])
    timed_out = answer.value is prompts.TIMED_OUT
    given = () if timed_out else _given(game.current, answer.value)
    record = game.answer(given, seconds, timed_out=timed_out)
    console.clear()
    after = progress_of(game, number, total, lives_label(game) or tag)
    console.print(question_screen(after, record.asked, notices), *said)
    console.print(reveal(record, game.points_parts(record)))
    return record


class Screens:
    """What a terminal shows around each turn's question; for one game, a clean screen before
    it and a pause after the reveal. A party shows its hand-overs and podium."""

    def tag(self, turn: Turn) -> str:
        """What the question's header shows beside the number: the lives left in survival."""
        return lives_label(turn.game)

    def before(self, turn: Turn, console: Console) -> None:
        """What comes before the question's screen."""
        console.clear()

    def after(self, turn: Turn, console: Console) -> None:
        """What comes after the reveal (the turn's game has its answer)."""
        prompts.wait_for_enter(SEE_RESULTS if turn.game.finished else NEXT_QUESTION)


def play_interactive(
    turns: Iterable[Turn],
    console: Console,
    notices: Sequence[str] = (),
    around: Screens | None = None,
) -> None:
    """Ask every turn's question on a screen of its own (the first one under `notices`),
    each answer followed by its reveal, with what `around` shows about the turn."""
    around = around or Screens()
    for turn in turns:
        around.before(turn, console)
        tag = around.tag(turn)
        ask_interactive(turn.game, console, turn.number, turn.total, tag, notices)
        notices = ()
        around.after(turn, console)


def show_end(
    console: Console,
    result: GameResult,
    saved: SavedGame | None,
    replay: str | None = None,
    notes: Sequence[str] = (),
    banner: str = "",
) -> None:
    """The review, the best games with this one starred, then the result panel last."""
    # Imported here, not above: the first question comes up without the end screen's views.
    from quiz.terminal.render_end import ReplayLines, Review, best_games, result_panel

    console.clear()
    console.print(Review(result))
    if saved is not None and saved.top:
        console.print(best_games(result, saved, min(console.width, 80)))
    placement = saved.placement if saved else None
    console.print(result_panel(result, placement, banner, notes))
    if replay:
        console.print(ReplayLines(replay))
