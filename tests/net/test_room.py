"""The room's rules, pure: joining, answering, closing, scoring, standings and rejoining."""

from __future__ import annotations

import pytest

from quiz.engine.room import (
    Ack,
    Phase,
    Refusal,
    Room,
    RoomRefusedError,
    Tally,
)
from quiz.engine.scoring import kind_time_limit
from quiz.models import AskedQuestion
from quiz.textmatch import name_key
from tests.samples import CHOICE, ORDER, TEXT, TRUE

ASKED = (
    AskedQuestion(CHOICE, CHOICE.choices),
    AskedQuestion(TRUE, ()),
    AskedQuestion(TEXT, ()),
    AskedQuestion(ORDER, ORDER.choices),
)


def room_of(*names: str, limit: float = 20, max_players: int = 100) -> Room:
    room = Room(ASKED, limit, max_players)
    for n, name in enumerate(names):
        room.join(name, f"token-{n}", f"game-{n}")
    return room


def refusal(room: Room, name: str) -> Refusal:
    with pytest.raises(RoomRefusedError) as caught:
        room.join(name, "t", "g")
    return caught.value.reason


def test_names_are_one_player_by_their_key() -> None:
    room = room_of("José", "Jim")
    assert refusal(room, "JOSE\u0301") is Refusal.NAME_TAKEN  # NFD spelling, other case
    assert refusal(room, "j\u200bim") is Refusal.NAME_TAKEN  # a zero-width space inside
    assert refusal(room, "  ") is Refusal.BAD_NAME
    assert refusal(room, "a\x1b[2Jb") is Refusal.BAD_NAME
    assert name_key("Ǆ\u200e") == name_key("ǆ")


def test_a_full_room_and_a_started_room_refuse() -> None:
    room = room_of("Jim", "Pam", max_players=2)
    assert refusal(room, "Dwight") is Refusal.FULL
    room.leave(room.seats[1])  # a player leaving the lobby frees the seat
    room.join("Dwight", "t2", "g2")
    room.start(0.0)
    assert refusal(room, "Angela") is Refusal.STARTED


def test_each_kind_has_its_own_time() -> None:
    assert [kind_time_limit(k, 20) for k in ("choice", "truefalse", "text", "multi", "order")] == [
        20,
        20,
        30,
        30,
        40,
    ]
    room = room_of("Jim")
    room.start(0.0)
    limits = []
    while not room.finished:
        limits.append(room.open_next(100.0).limit)
        room.close(100.0)
    assert limits == [20, 20, 30, 40]


def test_play_scoring_timed_by_the_host_with_a_streak() -> None:
    room = room_of("Jim", "Pam")
    jim, pam = room.seats
    room.start(0.0)
    q = room.open_next(10.0)
    assert room.answer(jim, 1, ["Casino Night"], 10.2) is Ack.ACCEPTED  # under 0.5 s: full
    assert room.answer(pam, 1, ["Booze Cruise"], 20.0) is Ack.ACCEPTED
    assert room.all_answered()
    reveal = room.close(q.deadline)
    assert [r.points for r in (jim.records[0], pam.records[0])] == [500, 0]
    assert reveal.tallies == (
        Tally("Casino Night", 1, True),
        Tally("Booze Cruise", 1, False),
        Tally("The Dundies", 0, False),
    )
    q = room.open_next(30.0)
    assert room.answer(jim, 2, ["true"], 30.0 + q.limit) is Ack.ACCEPTED  # at the deadline: half
    assert jim.records[1].points == round(1000 / 2) + 100  # and the streak's +100
    assert jim.parts[1] is not None and jim.parts[1].streak == 100


def test_one_answer_a_question_and_late_ones_refused() -> None:
    room = room_of("Jim", "Pam")
    jim, pam = room.seats
    room.start(0.0)
    q = room.open_next(0.0)
    assert room.answer(jim, 1, ["Booze Cruise"], 1.0) is Ack.ACCEPTED
    assert room.answer(jim, 1, ["Casino Night"], 2.0) is Ack.TWICE
    assert room.answer(jim, 2, ["true"], 2.0) is Ack.UNKNOWN
    assert room.answer(pam, 1, ["Casino Night"], q.deadline + 0.01) is Ack.LATE
    assert not room.all_answered()
    room.close(q.deadline + 0.01)
    assert room.answer(pam, 1, ["Casino Night"], 30.0) is Ack.LATE
    assert pam.records[0].timed_out and pam.records[0].points == 0
    assert not jim.records[0].correct


def test_standings_share_places_and_keep_the_joining_order() -> None:
    room = room_of("Jim", "Pam", "Dwight")
    jim, pam, dwight = room.seats
    room.start(0.0)
    room.open_next(0.0)
    room.answer(dwight, 1, ["Casino Night"], 0.1)
    room.answer(jim, 1, ["Casino Night"], 0.1)
    room.close(1.0)
    assert [(s.place, s.player, s.score) for s in room.standings()] == [
        (1, "Jim", 500),
        (1, "Dwight", 500),
        (3, "Pam", 0),
    ]
    assert room.places()[pam.token] == 3


def test_a_player_away_skips_and_rejoins_with_the_score_kept() -> None:
    room = room_of("Jim", "Pam")
    jim, pam = room.seats
    room.start(0.0)
    room.open_next(0.0)
    room.answer(pam, 1, ["Casino Night"], 0.1)
    room.leave(pam)
    assert room.all_answered() is False  # Jim still thinking
    room.answer(jim, 1, ["Casino Night"], 0.2)
    room.close(1.0)
    room.open_next(2.0)
    assert room.all_answered() is False
    room.answer(jim, 2, ["true"], 2.1)
    assert room.all_answered()  # the one away does not hold the question open
    room.close(3.0)
    assert room.rejoin("token-1") is pam and pam.present
    assert room.rejoin("nobody's") is None
    assert pam.score == 500
    assert pam.records[1].skipped and pam.streak == 0
    assert [r.skipped for r in room.told(pam)] == [False, True]


def test_nothing_of_an_open_question_is_told() -> None:
    room = room_of("Jim")
    jim = room.seats[0]
    room.start(0.0)
    room.open_next(0.0)
    room.answer(jim, 1, ["Casino Night"], 0.1)
    assert room.told(jim) == []  # answered, but the question is still open
    room.close(0.5)
    assert len(room.told(jim)) == 1


def test_the_room_ends_after_its_last_question() -> None:
    room = room_of("Jim")
    room.start(0.0)
    for n in range(len(ASKED)):
        room.open_next(float(n))
        room.close(float(n))
    assert room.finished and room.phase is Phase.OVER
    assert room.rejoin("token-0") is None
    with pytest.raises(ValueError):
        room.open_next(9.0)
