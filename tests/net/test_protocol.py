"""The live protocol on a real server on 127.0.0.1 with real WebSocket clients."""

from __future__ import annotations

import asyncio
import json

import pytest

from quiz.net.host import run_room
from quiz.net.protocol import Close
from quiz.net.server import RoomServer
from tests.net.live import (
    ASKED,
    CODE,
    RIGHT,
    Watcher,
    answer,
    answering,
    closing,
    dial,
    hello,
    next_of,
    open_room,
    player,
    refused,
    run,
)


async def _game_of_three() -> tuple[Watcher, list[list[str]], RoomServer]:
    server, port = await open_room()
    watcher = Watcher()
    host = asyncio.create_task(run_room(server, watcher, start_with=3))
    picks = [lambda n: RIGHT[n], lambda n: ["Booze Cruise"] if n == 1 else RIGHT[n], lambda n: []]
    seats = [await player(port, name) for name in ("Jim", "Pam", "Dwight")]
    frames = await asyncio.gather(
        *(answering(ws, pick) for ws, pick in zip(seats, picks, strict=True))
    )
    await host
    await server.stop()
    return watcher, frames, server


def messages(frames: list[str], kind: str) -> list[dict[str, object]]:
    return [m for m in map(json.loads, frames) if m["type"] == kind]


def test_a_room_of_three_plays_to_the_podium() -> None:
    watcher, frames, server = run(_game_of_three())
    assert [r.question.number for r in watcher.reveals] == [1, 2, 3, 4]
    podium = [(s.place, s.player) for s in watcher.podiums[0]]
    assert podium == [(1, "Jim"), (2, "Pam"), (3, "Dwight")]
    for got in frames:
        questions = messages(got, "question")
        assert [q["number"] for q in questions] == [1, 2, 3, 4]
        assert [q["question"] for q in questions] == [
            q["question"] for q in messages(frames[0], "question")
        ]
        end = messages(got, "end")[0]
        assert end["standings"] == messages(frames[0], "end")[0]["standings"]
        assert [m["result"] for m in messages(got, "ack")] == ["accepted"] * 4
    jim_reveals = messages(frames[0], "reveal")
    assert [m["place"] for m in jim_reveals] == [1, 1, 1, 1]
    assert all(m["record"]["correct"] for m in jim_reveals)  # type: ignore[index]
    dwight = messages(frames[2], "reveal")
    assert [m["record"]["given"] for m in dwight] == [[]] * 4  # type: ignore[index]
    assert server.room.seats[2].records[0].skipped


def test_the_right_answer_never_leaves_before_the_question_closes() -> None:
    _, frames, _ = run(_game_of_three())
    for got in frames:
        closed = 0
        for text in got:
            message = json.loads(text)
            if message["type"] == "reveal":
                closed = message["number"]
                continue
            for number, asked in enumerate(ASKED, start=1):
                if number <= closed:
                    continue
                q = asked.question
                assert q.explanation not in text or not q.explanation
                assert '"answers"' not in text and q.id not in text
                if q.type in ("text", "truefalse"):
                    assert f'"{q.answers[0]}"' not in text


def test_answers_one_a_question_and_never_late() -> None:
    async def scenario() -> list[str]:
        server, port = await open_room(time_limit=1)
        host = asyncio.create_task(run_room(server, Watcher(), start_with=2))
        jim, pam = await player(port, "Jim"), await player(port, "Pam")
        await next_of(jim, "question")
        await jim.send(answer(1, RIGHT[1]))
        await jim.send(answer(1, ["Booze Cruise"]))
        await jim.send(answer(7, ["x"]))
        acks = [(await next_of(jim, "ack"))["result"] for _ in range(3)]
        await next_of(pam, "reveal")  # Pam let the time run out
        await pam.send(answer(1, RIGHT[1]))
        acks.append((await next_of(pam, "ack"))["result"])
        host.cancel()
        await server.stop(host_left=True)
        return acks

    assert run(scenario()) == ["accepted", "twice", "unknown", "late"]


def test_wrong_codes_make_the_address_wait() -> None:
    async def scenario() -> list[int | None]:
        _, port = await open_room()
        codes = [(await refused(port, hello("Jim", code="WRONG1")))[0] for _ in range(5)]
        codes.append((await refused(port, hello("Jim")))[0])  # the right code, too soon
        await asyncio.sleep(0.6)
        ws = await dial(port)
        await ws.send(hello("Jim", code=CODE.lower()))  # any case
        codes.append(len((await next_of(ws, "welcome"))["token"]))
        return codes

    assert run(scenario()) == [Close.WRONG_CODE] * 5 + [Close.WAIT, 22]


def test_refusals_name_their_reason() -> None:
    async def scenario() -> dict[str, tuple[int | None, str]]:
        server, port = await open_room(max_players=2)
        await player(port, "Jim")
        found = {"version": await refused(port, hello("Pam", version=99))}
        found["taken"] = await refused(port, hello("JIM"))
        found["bad name"] = await refused(port, hello("\x1b]0;x\x07"))
        await player(port, "Pam")
        found["full"] = await refused(port, hello("Dwight"))
        server.start_game()
        found["started"] = await refused(port, hello("Angela"))
        return found

    found = run(scenario())
    assert found["version"] == (Close.VERSION, "the host speaks version 1")
    assert found["taken"][0] == Close.NAME_TAKEN
    assert found["bad name"] == (Close.BAD_NAME, "a player's name cannot hold control characters")
    assert found["full"][0] == Close.FULL
    assert found["started"][0] == Close.STARTED


def test_abuse_ends_only_that_connection(capfd: pytest.CaptureFixture[str]) -> None:
    async def scenario() -> dict[str, tuple[object, str]]:
        server, port = await open_room()
        host = asyncio.create_task(run_room(server, Watcher(), start_with=2))
        good = await player(port, "Jim")
        found: dict[str, tuple[object, str]] = {"junk": await refused(port, "not json {")}
        found["binary"] = await refused(port, b"\x00\x01")
        found["no hello"] = await refused(port, answer(1, ["x"]))
        found["silent"] = await closing(await dial(port))
        found["too big"] = await refused(port, hello("x" * 70_000))
        for junk in (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"\x00\xff" * 100 + b"\r\n\r\n"):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(junk)
            found[f"not websocket {len(junk)}"] = ((await reader.read())[:12], "")
            writer.close()
        flooder = await player(port, "Flood")
        await next_of(good, "question")
        for _ in range(12):
            await flooder.send(answer(99, []))
        found["flood"] = await closing(flooder)
        await good.send(answer(1, RIGHT[1]))
        found["good"] = (len((await next_of(good, "ack"))["result"]), "")
        host.cancel()
        await server.stop(host_left=True)
        found["host left"] = await closing(good)
        return found

    found = run(scenario())
    assert found["junk"] == (Close.NOT_PROTOCOL, "a message that is not JSON")
    assert found["binary"] == (Close.NOT_PROTOCOL, "binary frames are not the protocol")
    assert found["no hello"] == (Close.NOT_PROTOCOL, "the first message must be a hello")
    assert found["silent"] == (Close.SILENT, "silent for 0.5 s")
    assert found["too big"][0] == Close.TOO_BIG
    answers = [v[0] for k, v in found.items() if k.startswith("not websocket")]
    assert answers == [b"HTTP/1.1 426", b""]  # a plain web request is told; junk, hung up on
    assert found["flood"] == (Close.FLOOD, "more than 10 messages a second")
    assert found["good"] == (len("accepted"), "")
    assert found["host left"] == (Close.HOST_LEFT, "host left after question 1")
    assert capfd.readouterr() == ("", "")  # no traceback, no log line on the host's side


def test_a_player_who_stops_reading_is_closed() -> None:
    """A raw client that shakes hands, says hello, and never reads again: the host's pings go
    unanswered and the connection ends, while another player's game goes on."""
    from websockets.client import ClientProtocol
    from websockets.uri import parse_uri

    async def scenario() -> tuple[bytes, str]:
        server, port = await open_room()
        good = await player(port, "Jim")
        client = ClientProtocol(parse_uri(f"ws://127.0.0.1:{port}/"))
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        client.send_request(client.connect())
        writer.write(b"".join(client.data_to_send()))
        client.receive_data(await reader.readuntil(b"\r\n\r\n"))
        client.send_text(hello("Sleepy").encode())
        writer.write(b"".join(client.data_to_send()))
        await writer.drain()
        left = await next_of(good, "lobby")  # Sleepy joined...
        left = await next_of(good, "lobby")  # ...and was closed for not answering pings
        rest = await asyncio.wait_for(reader.read(), 10)  # the host hung up
        writer.close()
        await server.stop()
        return rest, str(left.get("left"))

    rest, left = run(scenario())
    assert left == "Sleepy"
    assert b"welcome" in rest


def test_a_dropped_player_rejoins_with_the_token() -> None:
    async def scenario() -> tuple[list[tuple[object, object]], int, list[str]]:
        server, port = await open_room()
        watcher = Watcher()
        host = asyncio.create_task(run_room(server, watcher, start_with=2))
        jim = await dial(port)
        await jim.send(hello("Jim"))
        token = (await next_of(jim, "welcome"))["token"]
        pam = await player(port, "Pam")
        await next_of(jim, "question")
        await jim.send(answer(1, RIGHT[1]))
        await next_of(jim, "ack")
        jim.transport.abort()  # gone without a goodbye
        await pam.send(answer(1, RIGHT[1]))
        await next_of(pam, "reveal")
        await next_of(pam, "question")
        await pam.send(answer(2, RIGHT[2]))  # Jim, away, does not hold question 2 open
        await next_of(pam, "reveal")
        back = await dial(port)
        await back.send(hello("jim", token=token))
        welcome = await next_of(back, "welcome")
        history = [(r["correct"], r["given"]) for r in welcome["history"]]
        await next_of(back, "question")  # the open question, at once
        host.cancel()
        await server.stop(host_left=True)
        return history, server.room.seats[0].score, watcher.shown

    history, score, shown = run(scenario())
    assert history == [(True, RIGHT[1]), (False, [])]
    assert score == 500
    assert "left Jim 1" in shown and "rejoined Jim 2" in shown
