"""Rejoin tokens kept in `$QUIZ_HOME`, so `quiz join` again with the same name rejoins."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from quiz import paths
from quiz.files import locked, write_text_atomic
from quiz.textmatch import name_key

KEEP = 20  # rooms remembered; older tokens are of games long over


def _file() -> Path:
    return paths.quiz_home() / "live-tokens.json"


def _key(address: str, code: str, name: str) -> str:
    return f"{address} {code.upper()} {name_key(name)}"


def _read() -> dict[str, str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def load_token(address: str, code: str, name: str) -> str | None:
    return _read().get(_key(address, code, name))


def save_token(address: str, code: str, name: str, token: str) -> None:
    """Remember the token; a folder that cannot be written only loses the later rejoin.

    Locked: players of one home often join the same room at the same moment."""
    with contextlib.suppress(OSError), locked(_file()):
        tokens = _read()
        tokens.pop(_key(address, code, name), None)
        tokens[_key(address, code, name)] = token
        kept = dict(list(tokens.items())[-KEEP:])
        write_text_atomic(_file(), json.dumps(kept))
