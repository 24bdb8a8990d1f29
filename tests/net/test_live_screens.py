"""Live play's words and screens, in-process: SPEC's plain lines, and Rich views at 40-200."""

from __future__ import annotations

import asyncio
import io

import pytest
from rich.console import Console

from quiz.engine.room import Room
from quiz.engine.room_news import LiveQuestion, PlayerReveal
from quiz.terminal import live_render
from quiz.terminal.live_plain import PlainHost, PlainPlayer
from quiz.terminal.render_party import podium
from tests.net.live import ASKED, RIGHT


def played_room() -> Room:
    """Jim right and fast, Pam wrong, Dwight silent, on the first question."""
    room = Room(ASKED, 20)
    for n, name in enumerate(["Jim", "Pam", "Dwight \x1b[31mred"]):
        room.join(name.replace("\x1b[31m", ""), f"t{n}", f"g{n}")
    room.start(0.0)
    room.open_next(0.0)
    jim, pam, _ = room.seats
    room.answer(jim, 1, RIGHT[1], 0.2)
    room.answer(pam, 1, ["Booze Cruise"], 3.0)
    return room


def test_the_host_speaks_spec_lines() -> None:
    room = played_room()
    out = io.StringIO()
    host = PlainHost(None, 0, out)
    host.joined("Jim", 1, False)
    host.answered(room.current, 2, 3)  # type: ignore[arg-type]
    host.reveal(room.close(1.0))
    host.podium(room.standings())
    assert out.getvalue().splitlines() == [
        "Joined: Jim (1 player)",
        "Question 1/4: 2 of 3 answered",
        "Answer: Casino Night",
        "1. Jim 500",
        "2. Pam 0",
        "2. Dwight red 0",
        "",
        "Podium:",
        "1. Jim 500",
        "2. Pam 0",
        "2. Dwight red 0",
    ]


def test_a_plain_player_answers_then_hears_place() -> None:
    room = played_room()
    reveal = room.close(1.0)
    jim = room.seats[0]

    async def scenario() -> str:
        out = io.StringIO()
        lines = asyncio.Queue[str | None]()
        for line in ("7", "1"):
            lines.put_nowait(line)

        class Lines:
            async def get(self) -> str:
                line = await lines.get()
                if line is None:
                    raise EOFError
                return line

        player = PlainPlayer(Lines(), out)  # type: ignore[arg-type]
        deadline = asyncio.get_running_loop().time() + 5
        given = await player.ask(LiveQuestion(1, 4, ASKED[0], 20, deadline))
        assert given == ("Casino Night",)
        player.acked(1, "accepted")
        player.reveal(
            PlayerReveal(1, 4, jim.records[0], jim.parts[0], 1, 3, reveal.standings, reveal.tallies)
        )
        return out.getvalue()

    text = run_coroutine(scenario())
    assert "Question 1/4 [Pam Beesly, easy]\n" in text
    assert "Answer with a number from 1 to 3 or the option's text. Try again." in text
    assert text.endswith(
        "Answer locked in, waiting for the others\nCorrect! +500 points. Streak: 1.\nPlace 1 of 3\n"
    )


def run_coroutine(coro: object) -> str:
    return str(asyncio.run(coro))  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [40, 100, 200])
def test_host_screens_fit_every_width(width: int) -> None:
    room = played_room()
    console = Console(record=True, width=width, color_system=None, file=io.StringIO())
    assert room.current is not None
    console.print(live_render.host_question(room.current, 12.0, 2, 3))
    reveal = room.close(1.0)
    console.print(live_render.host_reveal(reveal))
    console.print(podium(room.standings(), 4, "question"))
    text = console.export_text()
    assert "2 of 3 answered" in text and "12 s" in text
    assert "✓ Casino Night" in text and "Top 5" in text
    assert "Jim wins!" in text and "Final standings after 4 questions" in text
    assert "\x1b" not in text and "Dwight red" in text
    assert all(len(line) <= width for line in text.splitlines())
    assert "…" not in text
