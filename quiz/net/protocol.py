"""The live protocol's messages: JSON objects with a `type`, built and checked here."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from enum import IntEnum
from typing import Any

from quiz.engine.party import Standing
from quiz.engine.room import OpenQuestion, Tally
from quiz.engine.scoring import Points
from quiz.models import QUESTION_TYPES, AnswerRecord, AskedQuestion, GameSettings, Question
from quiz.output import safe

VERSION = 1
MAX_GIVEN = 6  # options a response may hold (a multi or an order question has at most 6)
MAX_TEXT = 500  # characters in one part of a response


class ProtocolError(ValueError):
    """A message that is not the protocol; the text says what is wrong."""


class Close(IntEnum):
    """Why the host ended a connection (WebSocket close codes for applications)."""

    VERSION = 4001
    WRONG_CODE = 4002
    WAIT = 4003
    FULL = 4004
    STARTED = 4005
    NAME_TAKEN = 4006
    BAD_NAME = 4007
    NOT_PROTOCOL = 4008
    FLOOD = 4009
    SILENT = 4010
    NOT_READING = 4011
    HOST_LEFT = 4012
    REPLACED = 4013
    GAME_OVER = 1000
    TOO_BIG = 1009  # websockets' own, for a frame over the size limit


def encode(message: Mapping[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | bytes) -> dict[str, Any]:
    """A message as an object with a `type`; ProtocolError for anything else."""
    if isinstance(text, bytes):
        raise ProtocolError("binary frames are not the protocol")
    try:
        message = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("a message that is not JSON") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError("a message without a type")
    return message


def _field(message: Mapping[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    value = message.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ProtocolError(f"'{message.get('type')}' without a proper '{name}'")
    return value


# The player's messages, checked by the host


def hello(code: str, name: str, token: str | None) -> dict[str, Any]:
    return {"type": "hello", "version": VERSION, "code": code, "name": name, "token": token}


def read_hello(message: Mapping[str, Any]) -> tuple[int, str, str, str | None]:
    """Version, code, name and token of a first message; ProtocolError when it is no hello."""
    if message.get("type") != "hello":
        raise ProtocolError("the first message must be a hello")
    version = _field(message, "version", int)
    code = _field(message, "code", str)[:64]
    name = _field(message, "name", str)[:MAX_TEXT]
    token = message.get("token")
    if token is not None and not isinstance(token, str):
        raise ProtocolError("'hello' without a proper 'token'")
    return version, code, name, token


def answer(number: int, given: Sequence[str]) -> dict[str, Any]:
    return {"type": "answer", "number": number, "given": list(given)}


def read_answer(message: Mapping[str, Any]) -> tuple[int, tuple[str, ...]]:
    """The question number and the response of an answer message."""
    if message.get("type") != "answer":
        raise ProtocolError(f"'{str(message.get('type'))[:20]}' is not a message of the game")
    number = _field(message, "number", int)
    given = _field(message, "given", list)
    if len(given) > MAX_GIVEN or not all(isinstance(g, str) and len(g) <= MAX_TEXT for g in given):
        raise ProtocolError("'answer' with a response that no question takes")
    return number, tuple(given)


# The host's messages


def public_question(asked: AskedQuestion) -> dict[str, Any]:
    """What a player may see of a question while it is open: nothing that tells the answer."""
    q = asked.question
    return {
        "topic": q.topic,
        "difficulty": q.difficulty,
        "type": q.type,
        "prompt": q.prompt,
        "options": list(asked.options),
    }


def full_question(asked: AskedQuestion) -> dict[str, Any]:
    """The whole question, answers and explanation included: only for a closed question."""
    q = asked.question
    return public_question(asked) | {
        "id": q.id,
        "answers": list(q.answers),
        "choices": list(q.choices),
        "reject": list(q.reject),
        "explanation": q.explanation,
        "source": q.source,
    }


def question(open_: OpenQuestion, remaining: float, answered: bool = False) -> dict[str, Any]:
    return {
        "type": "question",
        "number": open_.number,
        "total": open_.total,
        "question": public_question(open_.asked),
        "limit": open_.limit,
        "remaining": max(remaining, 0.0),
        "answered": answered,
    }


def record_json(record: AnswerRecord) -> dict[str, Any]:
    return {
        "question": full_question(record.asked),
        "given": list(record.given),
        "correct": record.correct,
        "points": record.points,
        "seconds": round(record.seconds, 3),
        "streak": record.streak,
        "typo_forgiven": record.typo_forgiven,
        "timed_out": record.timed_out,
    }


def standing_json(s: Standing) -> dict[str, Any]:
    return asdict(s)


def settings_json(s: GameSettings) -> dict[str, Any]:
    return {
        "seed": s.seed,
        "count": s.count,
        "topics": list(s.topics),
        "difficulties": list(s.difficulties),
        "types": list(s.types),
        "time_limit": s.time_limit,
        "room_id": s.room_id,
    }


def parts_json(parts: Points | None) -> dict[str, int] | None:
    return (
        None
        if parts is None
        else {"base": parts.base, "speed": parts.speed, "streak": parts.streak}
    )


def tally_json(t: Tally) -> list[Any]:
    return [t.label, t.count, t.right]


# Reading the host's messages, on the player's side: junk from a host is a ProtocolError


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProtocolError(f"a message with a proper '{name}'")
    return tuple(value)


def read_asked(data: Any) -> AskedQuestion:
    """The question of a message (without answers while it is open)."""
    if not isinstance(data, dict):
        raise ProtocolError("a question that is not an object")
    kind = _field(data, "type", str)
    if kind not in QUESTION_TYPES:
        raise ProtocolError("a question of an unknown type")
    q = Question(
        id=str(data.get("id", "")),
        topic=_field(data, "topic", str),
        difficulty=_field(data, "difficulty", str),
        type=kind,
        prompt=_field(data, "prompt", str),
        answers=_strings(data.get("answers", []), "answers"),
        choices=_strings(data.get("choices", []), "choices"),
        reject=_strings(data.get("reject", []), "reject"),
        explanation=str(data.get("explanation", "")),
        source=str(data.get("source", "")),
    )
    return AskedQuestion(q, _strings(data.get("options", []), "options"))


def read_record(data: Any) -> AnswerRecord:
    if not isinstance(data, dict):
        raise ProtocolError("a record that is not an object")
    return AnswerRecord(
        asked=read_asked(data.get("question")),
        given=_strings(data.get("given"), "given"),
        correct=bool(data.get("correct")),
        points=_field(data, "points", int),
        seconds=float(_field(data, "seconds", (int, float))),
        streak=_field(data, "streak", int),
        typo_forgiven=bool(data.get("typo_forgiven")),
        timed_out=bool(data.get("timed_out")),
    )


def read_parts(data: Any) -> Points | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ProtocolError("points that are not an object")
    return Points(
        _field(data, "base", int), _field(data, "speed", int), _field(data, "streak", int)
    )


def read_standings(data: Any) -> tuple[Standing, ...]:
    if not isinstance(data, list):
        raise ProtocolError("standings that are not a list")
    try:
        return tuple(
            Standing(
                int(s["place"]),
                safe(str(s["player"])),
                int(s["score"]),
                int(s["correct"]),
                int(s["answered"]),
            )
            for s in data
        )
    except (KeyError, TypeError, ValueError):
        raise ProtocolError("standings the protocol does not know") from None


def read_tallies(data: Any) -> tuple[Tally, ...]:
    try:
        return tuple(Tally(str(label), int(count), bool(right)) for label, count, right in data)
    except (TypeError, ValueError):
        raise ProtocolError("answer counts the protocol does not know") from None


def read_settings(data: Any) -> GameSettings:
    if not isinstance(data, dict):
        raise ProtocolError("settings that are not an object")
    limit = data.get("time_limit")
    return GameSettings(
        seed=_field(data, "seed", int),
        count=_field(data, "count", int),
        topics=_strings(data.get("topics", []), "topics"),
        difficulties=_strings(data.get("difficulties", []), "difficulties"),
        types=_strings(data.get("types", []), "types"),
        time_limit=limit if isinstance(limit, int) else None,
        room_id=str(_field(data, "room_id", str)),
    )
