"""Live play on a terminal: the host's lobby, question, reveal and podium; a player's screens."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from rich.console import Console, RenderableType
from rich.live import Live
from rich.text import Text

from quiz.engine.party import Standing
from quiz.engine.room import OpenQuestion, Reveal
from quiz.engine.room_news import LiveQuestion, PlayerReveal
from quiz.models import AnswerRecord, AskedQuestion
from quiz.output import safe
from quiz.terminal import live_render, prompts
from quiz.terminal.formatting import count_of, ordinal
from quiz.terminal.interactive import _given, _respond
from quiz.terminal.live_input import AsyncLines
from quiz.terminal.live_plain import ACK_LINES, LOCKED_IN
from quiz.terminal.render_game import Progress, question_screen, readable
from quiz.terminal.render_party import podium, standings_table
from quiz.terminal.render_reveal import reveal as reveal_view

START_HINT = "Press Enter to start the game."
NEXT = "Press Enter for the next question."
PODIUM = "Press Enter for the podium."


class HostScreen:
    """The host's terminal: the lobby as players join, each question with its countdown,
    the reveal with the room's answers and the top 5, then the podium; Enter goes on."""

    def __init__(self, console: Console, lines: AsyncLines, joins: Sequence[str]) -> None:
        self.console = console
        self.lines = lines
        self.joins = list(joins)
        self.players: list[str] = []
        self.live: Live | None = None
        self.current: OpenQuestion | None = None
        self.answered_now = 0
        self.present = 0
        self._lobby()

    def _lobby(self) -> None:
        self.console.clear()
        self.console.print(live_render.lobby(self.joins, self.players, START_HINT))

    def joined(self, name: str, players: int, rejoined: bool) -> None:
        self.present = players
        if self.current is None and not rejoined:
            self.players.append(name)
            self._lobby()

    def left(self, name: str, players: int) -> None:
        self.present = players
        if self.current is None and name in self.players:
            self.players.remove(name)
            self._lobby()

    def _question_view(self) -> RenderableType:
        assert self.current is not None
        left = self.current.deadline - time.monotonic()  # the room's clock is monotonic
        return live_render.host_question(self.current, left, self.answered_now, self.present)

    def question(self, current: OpenQuestion, players: int) -> None:
        self.current, self.answered_now, self.present = current, 0, players
        self.console.clear()
        self.live = Live(get_renderable=self._question_view, console=self.console, auto_refresh=True,
                         refresh_per_second=4, transient=False)  # fmt: skip
        self.live.start()

    def answered(self, current: OpenQuestion, answered: int, players: int) -> None:
        self.answered_now, self.present = answered, players

    def reveal(self, reveal: Reveal) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None
        self.console.clear()
        self.console.print(live_render.host_reveal(reveal))
        last = reveal.question.number == reveal.question.total
        self.console.print(Text(PODIUM if last else NEXT, style="bold"))

    def podium(self, standings: list[Standing]) -> None:
        self.console.clear()
        total = self.current.total if self.current else 0
        self.console.print(podium(standings, total, "question"))

    async def wait_start(self) -> None:
        await _enter(self.lines)

    async def wait_next(self) -> None:
        await _enter(self.lines)


async def _enter(lines: AsyncLines) -> None:
    """The next Enter; never, once input has ended (--start-with may still start the room)."""
    try:
        await lines.get()
    except EOFError:
        await asyncio.Event().wait()


class PlayerScreen:
    """A player's terminal: each question on a screen of its own as in `play`, with the
    countdown running to the host's deadline, then the reveal with points and place."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.records: list[AnswerRecord] = []
        # Prompts run in a thread of their own: questionary runs its own event loop.
        self._prompts = ThreadPoolExecutor(max_workers=1)
        self._prompt: Future[Any] | None = None

    def welcome(self, name: str, players: int, total: int, rejoined: bool) -> None:
        self.console.clear()
        if rejoined:
            self.console.print(Text.assemble("Rejoined the room as ", (safe(name), "bold"), "."))
            return
        self.console.print(
            Text.assemble(
                "Joined the room as ",
                (safe(name), "bold"),
                f" ({count_of(players, 'player')}). {count_of(total, 'question')} once the host"
                " starts; waiting for the host.",
            )
        )

    def lobby(self, players: int, joined: str | None, left: str | None) -> None:
        if joined is not None:
            self.console.print(Text(f"{safe(joined)} joined ({count_of(players, 'player')})"))
        if left is not None:
            self.console.print(Text(f"{safe(left)} left ({count_of(players, 'player')})"))

    async def ask(self, question: LiveQuestion) -> tuple[str, ...] | None:
        self._wait_for_prompt()
        loop = asyncio.get_running_loop()
        self.console.clear()
        asked = question.asked
        self.console.print(self._screen(question.number, question.total, asked))
        used = max(question.limit - (question.deadline - loop.time()), 0.0)
        self._prompt = self._prompts.submit(_respond, asked, question.limit, used, False)
        answer = await asyncio.wrap_future(self._prompt)
        if answer.value is prompts.TIMED_OUT:
            self.console.print(Text("⏱ Time is up.", style="bold red"))
            return None
        return _given(asked, answer.value)

    def _screen(self, number: int, total: int, asked: AskedQuestion) -> RenderableType:
        """The question under its header: the score and streak so far."""
        score = sum(r.points for r in self.records)
        streak = self.records[-1].streak if self.records else 0
        outcomes = tuple(r.outcome for r in self.records)
        return question_screen(Progress(number, total, score, streak, outcomes), asked)

    def _wait_for_prompt(self) -> None:
        """A prompt still on screen ends by its own clock, at the host's deadline."""
        if self._prompt is not None and not self._prompt.done():
            self._prompt.result(timeout=5)

    def acked(self, number: int, result: str) -> None:
        line = LOCKED_IN if result == "accepted" else ACK_LINES.get(result, result)
        self.console.print(Text(line, style="bold"))

    def reveal(self, reveal: PlayerReveal) -> None:
        self._wait_for_prompt()
        self.records = [*self.records[: reveal.number - 1], reveal.record]
        # The screen again, its header's score with the points just won, then the reveal.
        self.console.clear()
        self.console.print(self._screen(reveal.number, reveal.total, reveal.record.asked))
        self.console.print(reveal_view(reveal.record, reveal.parts))
        self.console.print(readable(live_render.place_line(reveal.place, reveal.of)))
        self.console.print(readable(standings_table(reveal.top, f"Top {len(reveal.top)}")))

    def reconnecting(self) -> None:
        self.console.print(Text("Connection lost; rejoining the room.", style="bold yellow"))

    def end(self, standings: Sequence[Standing], place: int, of: int, questions: int) -> None:
        self.console.clear()
        self.console.print(podium(standings, questions, "question"))
        self.console.print(Text.assemble("You finished ", (ordinal(place), "bold"), f" of {of}."))
