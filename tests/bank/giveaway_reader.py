"""Plays the installed `quiz play --plain` as a player would and counts the games that hold a
give-away: two dealt questions where one asks a fact the other asks or mentions.

It reads the questions and their facts from the bank's TOML files itself and knows nothing of
the engine's selection: it types the right answer to every question (so a survival run goes
on to its end), maps each prompt it is shown back to its question, and checks every pair.

    python -m tests.bank.giveaway_reader [--games 1000] [--topic-games 1000] [--survival 100]
"""

from __future__ import annotations

import argparse
import os
import re
import selectors
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

HEADER = re.compile(r"^Question (\d+)/(\d+) \[(.+), (easy|medium|hard)\]")
OPTION = re.compile(r"^([1-6a-f])\) (.*)$")
TIMEOUT_S = 120


@dataclass(frozen=True)
class Entry:
    """A question as its TOML table has it: what the reader needs to answer and to judge."""

    id: str
    topic: str
    type: str
    prompt: str
    answers: tuple[str, ...]
    asks: frozenset[str]
    mentions: frozenset[str]


def read_bank(folder: Path) -> dict[str, Entry]:
    """Every question of the folder's question files (not the facts map), by its prompt."""
    by_prompt: dict[str, Entry] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "facts.toml":
            continue
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["questions"]:
            entry = Entry(
                raw["id"],
                raw["topic"],
                raw["type"],
                raw["prompt"].strip(),
                tuple(raw["answers"]),
                frozenset(raw.get("asks", ())),
                frozenset(raw.get("mentions", ())),
            )
            if entry.prompt in by_prompt or "\n" in entry.prompt:
                raise SystemExit(f"{entry.id}: its prompt cannot tell it apart on screen")
            by_prompt[entry.prompt] = entry
    return by_prompt


def gives_away(a: Entry, b: Entry) -> bool:
    """One of the two asks a fact that the other asks or mentions."""
    return bool(a.asks & (b.asks | b.mentions) or b.asks & (a.asks | a.mentions))


@dataclass
class Game:
    """What one run of `quiz play` dealt, in order, and the pairs that give one another away."""

    args: tuple[str, ...]
    dealt: list[Entry] = field(default_factory=list)

    @property
    def giveaways(self) -> list[tuple[str, str]]:
        return [(a.id, b.id) for a, b in combinations(self.dealt, 2) if gives_away(a, b)]


def right_answer(entry: Entry, options: Sequence[tuple[str, str]]) -> str:
    """The line a player who knows the answer types."""
    if entry.type in ("text", "truefalse"):
        return entry.answers[0]
    label = {text: mark for mark, text in options}
    return ",".join(label[answer] for answer in entry.answers)


class Screen:
    """The game's stdout as it arrives, read up to each `> ` prompt."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self.process, self.stream = process, process.stdout
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.stream, selectors.EVENT_READ)
        self.text = ""
        self.deadline = time.monotonic() + TIMEOUT_S

    def until_prompt(self) -> str | None:
        """The text since the last prompt, up to the next one; None when the game is over."""
        while not self.text.endswith("\n> ") and not self.text.startswith("> "):
            if time.monotonic() > self.deadline or not self.selector.select(timeout=1):
                if time.monotonic() > self.deadline:
                    raise TimeoutError("no prompt in time")
                continue
            chunk = os.read(self.stream.fileno(), 65536)
            if not chunk:
                return None
            self.text += chunk.decode("utf-8")
        shown, self.text = self.text, ""
        return shown


def question_on(screen: str, bank: dict[str, Entry]) -> tuple[Entry, list[tuple[str, str]]]:
    """The question a screen shows (from the line after its header) and its options."""
    lines = screen.splitlines()
    at = max(i for i, line in enumerate(lines) if HEADER.match(line))
    topic = HEADER.match(lines[at]).group(3)  # type: ignore[union-attr]
    entry = bank.get(lines[at + 1].strip())
    if entry is None or entry.topic != topic:
        raise LookupError(f"a prompt the bank files do not hold: {lines[at + 1]!r}")
    options = [(m.group(1), m.group(2)) for line in lines[at + 2 :] if (m := OPTION.match(line))]
    return entry, options


def play(quiz: str, args: Sequence[str], bank: dict[str, Entry], home: str) -> Game:
    """One game of `quiz play --plain ARGS`, every question answered right."""
    game = Game(tuple(args))
    env = {**os.environ, "QUIZ_HOME": home, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    command = [quiz, "play", "--plain", "--no-save", *args]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    ) as process:
        assert process.stdin is not None
        screen = Screen(process)
        while (shown := screen.until_prompt()) is not None:
            entry, options = question_on(shown, bank)
            game.dealt.append(entry)
            process.stdin.write((right_answer(entry, options) + "\n").encode())
            process.stdin.flush()
        process.stdin.close()
        if process.wait(timeout=TIMEOUT_S) != 0:
            raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return game


def runs(
    games: int, topic_games: int, survival: int, topics: list[str]
) -> Iterator[tuple[str, list[str]]]:
    """(kind, arguments) of every game to play."""
    for seed in range(1, games + 1):
        yield "default games", ["--seed", str(seed)]
    for seed in range(1, topic_games + 1):
        yield "one-topic games", ["--seed", str(seed), "--topic", topics[seed % len(topics)]]
    for seed in range(1, survival + 1):
        yield "survival runs", ["--seed", str(seed), "--lives", "3"]


def installed_quiz() -> str:
    script = Path(sys.executable).parent / "quiz"
    return str(script) if script.exists() else "quiz"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--games", type=int, default=1000, help="default games (10 questions)")
    parser.add_argument("--topic-games", type=int, default=1000, help="one-topic games")
    parser.add_argument("--survival", type=int, default=100, help="survival runs (--lives 3)")
    parser.add_argument("--jobs", type=int, default=2, help="games played at once")
    parser.add_argument(
        "--questions",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "questions",
        help="the bank's folder of TOML files (default: this checkout's questions/)",
    )
    parser.add_argument("--quiz", default=installed_quiz(), help="the quiz command to play")
    options = parser.parse_args(argv)
    bank = read_bank(options.questions)
    without = sorted(e.id for e in bank.values() if not e.asks)
    topics = sorted({e.topic for e in bank.values()})
    planned = list(runs(options.games, options.topic_games, options.survival, topics))
    with tempfile.TemporaryDirectory() as home, ThreadPoolExecutor(options.jobs) as pool:
        games = list(pool.map(lambda run: play(options.quiz, run[1], bank, home), planned))
    failed = 0
    for kind in dict.fromkeys(kind for kind, _ in planned):
        played = [g for (k, _), g in zip(planned, games, strict=True) if k == kind]
        spoiled = [g for g in played if g.giveaways]
        failed += len(spoiled)
        sizes = Counter(len(g.dealt) for g in played)
        print(
            f"{kind}: {len(played)} played, {len(spoiled)} with a give-away;"
            f" {sum(len(g.dealt) for g in played)} questions dealt,"
            f" {min(sizes)}-{max(sizes)} a game"
        )
        for game in spoiled[:3]:
            print(f"  quiz play {' '.join(game.args)}: {game.giveaways[:3]}")
    if without:
        print(f"{len(without)} questions name no facts they ask: {', '.join(without[:5])}")
    return 1 if failed or without else 0


if __name__ == "__main__":
    sys.exit(main())
