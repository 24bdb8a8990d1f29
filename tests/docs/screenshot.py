"""The README's picture: a real game screen drawn by the game's own views, saved as SVG.

Three questions of a seeded game are answered right through the engine; the screen of the
third one after its answer (header, question, options marked, points, explanation) is drawn
with the same views `quiz play` draws on a terminal, recorded by Rich and exported as SVG
with no web font (the viewer's monospace font draws it).
"""

from __future__ import annotations

import inspect
import io
import re
from importlib.metadata import version
from pathlib import Path

from rich.console import Console

from quiz.cli.picking import Pick
from quiz.engine.game import Game
from quiz.engine.selection import pick
from quiz.models import GameSettings
from quiz.terminal.interactive import NEXT_QUESTION, progress_of
from quiz.terminal.render_game import question_screen
from quiz.terminal.render_reveal import reveal

SCREENSHOT = Path(__file__).parents[2] / "quiz" / "help" / "game.svg"
SEED = 2004
ANSWERED = 3
WIDTH = 80
_FONT_FACES = re.compile(r"\s*@font-face \{\{.*?\}\}", re.DOTALL)
_MADE_WITH = re.compile(r"<!-- made by python -m tests\.docs with rich ([^ ]+) -->")


def svg_format() -> str:
    """Rich's own SVG template without its web fonts, saying what made the picture."""
    default = inspect.signature(Console.export_svg).parameters["code_format"].default
    made = f"<!-- made by python -m tests.docs with rich {version('rich')} -->"
    return _FONT_FACES.sub("", default).replace("\n", f"\n    {made}\n", 1)


def made_with(svg: str) -> str | None:
    """The Rich version that drew a screenshot, as it says."""
    found = _MADE_WITH.search(svg)
    return found[1] if found else None


def screenshot() -> str:
    """The SVG of the screen after the third right answer of a seeded game."""
    settings = GameSettings(seed=SEED, types=("choice",))
    questions, filters = Pick(types=settings.types, seed=SEED).load()
    game = Game(pick(questions, filters, settings.count, SEED).asked, settings)
    for _ in range(ANSWERED):
        record = game.answer((game.current.question.answers[0],), 6.0)
    console = Console(
        record=True,
        width=WIDTH,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        highlight=False,
        emoji=False,
    )
    progress = progress_of(game, ANSWERED, len(game.asked))
    console.print(question_screen(progress, record.asked))
    console.print(reveal(record, game.points_parts(record)))
    console.print(NEXT_QUESTION, style="dim")
    return console.export_svg(title="quiz play", code_format=svg_format(), unique_id="quiz")
