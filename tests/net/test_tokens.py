"""Rejoin tokens: players of one home joining at the same moment each keep their own."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
from pathlib import Path

from quiz.net.tokens import load_token, save_token

NAMES = [f"Player{n}" for n in range(8)]


def save_after(start: multiprocessing.synchronize.Event, name: str) -> None:
    start.wait()
    for round_ in range(20):
        save_token("127.0.0.1:8765", "dundie", name, f"{name}-{round_}")


def test_players_saving_tokens_at_once_each_keep_theirs(quiz_home: Path) -> None:
    context = multiprocessing.get_context("fork")
    start = context.Event()
    savers = [context.Process(target=save_after, args=(start, name)) for name in NAMES]
    for saver in savers:
        saver.start()
    start.set()
    for saver in savers:
        saver.join(60)
    assert [saver.exitcode for saver in savers] == [0] * len(NAMES)
    found = {name: load_token("127.0.0.1:8765", "DUNDIE", name.lower()) for name in NAMES}
    assert found == {name: f"{name}-19" for name in NAMES}
