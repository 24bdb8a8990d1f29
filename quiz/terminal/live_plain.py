"""Live play in plain lines: the host's room and a player's game, as SPEC words them."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from typing import TextIO

from quiz.engine.party import Standing
from quiz.engine.room import OpenQuestion, Reveal
from quiz.engine.room_news import LiveQuestion, PlayerReveal
from quiz.output import safe
from quiz.terminal.formatting import count_of
from quiz.terminal.live_input import AsyncLines
from quiz.terminal.plain import InvalidAnswerError, parse_answer, question_lines
from quiz.terminal.wording import answer_text, verdict_text

LOCKED_IN = "Answer locked in, waiting for the others"
ACK_LINES = {
    "late": "Too late: the question had closed.",
    "twice": "You have already answered this question.",
}


def standing_lines(standings: Sequence[Standing]) -> list[str]:
    return [f"{s.place}. {s.player} {s.score:,}" for s in standings]


class _Lines:
    def __init__(self, out: TextIO | None) -> None:
        self.out = out or sys.stdout

    def say(self, *lines: str) -> None:
        self.out.write("".join(safe(line) + "\n" for line in lines))
        self.out.flush()


class PlainHost(_Lines):
    """The host's room as lines; Enter (a line on stdin) starts, reveals go on by themselves."""

    def __init__(self, lines: AsyncLines | None, reveal_seconds: float, out: TextIO | None = None):
        super().__init__(out)
        self.lines = lines
        self.reveal_seconds = reveal_seconds

    def joined(self, name: str, players: int, rejoined: bool) -> None:
        self.say(f"{'Rejoined' if rejoined else 'Joined'}: {name} ({count_of(players, 'player')})")

    def left(self, name: str, players: int) -> None:
        self.say(f"Left: {name} ({count_of(players, 'player')})")

    def question(self, current: OpenQuestion, players: int) -> None:
        lines = question_lines(current.number, current.total, current.asked)[:-1]
        self.say("", *lines, f"Question {current.number}/{current.total}: 0 of {players} answered")

    def answered(self, current: OpenQuestion, answered: int, players: int) -> None:
        self.say(f"Question {current.number}/{current.total}: {answered} of {players} answered")

    def reveal(self, reveal: Reveal) -> None:
        self.say(f"Answer: {answer_text(reveal.question.asked.question)}")
        self.say(*standing_lines(reveal.standings))

    def podium(self, standings: list[Standing]) -> None:
        self.say("", "Podium:", *standing_lines(standings))

    async def wait_start(self) -> None:
        if self.lines is None:
            await asyncio.Event().wait()  # only --start-with starts the room
            return
        try:
            await self.lines.get()
        except EOFError:
            await asyncio.Event().wait()

    async def wait_next(self) -> None:
        await asyncio.sleep(self.reveal_seconds)


class PlainPlayer(_Lines):
    """A player's game as `play --plain` speaks it, with the room's own lines."""

    def __init__(self, lines: AsyncLines, out: TextIO | None = None) -> None:
        super().__init__(out)
        self.lines = lines
        self.echo_newline = not sys.stdin.isatty()

    def welcome(self, name: str, players: int, total: int, rejoined: bool) -> None:
        if rejoined:
            self.say(f"Rejoined the room as {name}.")
            return
        self.say(
            f"Joined the room as {name} ({count_of(players, 'player')});"
            f" {count_of(total, 'question')} once the host starts."
        )

    def lobby(self, players: int, joined: str | None, left: str | None) -> None:
        if joined is not None:
            self.say(f"Joined: {joined} ({count_of(players, 'player')})")
        if left is not None:
            self.say(f"Left: {left} ({count_of(players, 'player')})")

    async def ask(self, question: LiveQuestion) -> tuple[str, ...] | None:
        loop = asyncio.get_running_loop()
        self.say("", *question_lines(question.number, question.total, question.asked))
        while True:
            self.out.write("> ")
            self.out.flush()
            try:
                line = await asyncio.wait_for(self.lines.get(), question.deadline - loop.time())
            except TimeoutError:
                self.say("", "Time is up.")
                return None
            if self.echo_newline:
                self.out.write("\n")
            try:
                return parse_answer(question.asked, line)
            except InvalidAnswerError as exc:
                self.say(f"{exc} Try again.")

    def acked(self, number: int, result: str) -> None:
        self.say(LOCKED_IN if result == "accepted" else ACK_LINES.get(result, result))

    def reveal(self, reveal: PlayerReveal) -> None:
        record = reveal.record
        self.say(verdict_text(record, reveal.parts))
        if record.question.explanation:
            self.say(record.question.explanation)
        self.say(f"Place {reveal.place} of {reveal.of}")

    def reconnecting(self) -> None:
        self.say("Connection lost; rejoining the room.")
