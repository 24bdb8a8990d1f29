"""Builds the large inputs the benchmarks need: big generated banks, a big score database."""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
import time
from pathlib import Path

from quiz.scores.db import SqliteConnection
from quiz.scores.schema import migrate
from quiz.scores.sqlite import SqliteStore

TOPICS = ("Jim Halpert", "Pam Beesly", "Dwight Schrute", "Michael Scott", "Karen Filippelli")
DIFFICULTIES = ("easy", "medium", "hard")

# The least any questionary game can do before its first question: Rich, then one select.
PROMPT_FLOOR = """import asyncio

import questionary
from rich.console import Console

Console().print("Question 1 of 10")
question = questionary.select("Which city?", choices=["Seattle", "Austin", "Denver"])
asyncio.run(question.application.run_async())
"""
PEER_QUIZ = """# Office quiz

<quiz>
Who does Pam marry?
- [x] Jim Halpert
- [ ] Roy Anderson
- [ ] Dwight Schrute

They marry at Niagara Falls.
</quiz>

<quiz>
In which episode do Jim and Pam first kiss?
- [x] Casino Night
- [ ] Christmas Party
- [ ] Office Olympics

It happens after Casino Night.
</quiz>
"""


def _question_toml(n: int, rng: random.Random) -> str:
    topic, difficulty = rng.choice(TOPICS), rng.choice(DIFFICULTIES)
    kind = ("choice", "choice", "truefalse", "text", "multi")[n % 5]
    lines = [
        "[[questions]]",
        f'id = "generated-{n}"',
        f'topic = "{topic}"',
        f'difficulty = "{difficulty}"',
        f'type = "{kind}"',
        f'prompt = "Generated question number {n} about {topic}?"',
    ]
    if kind == "choice":
        lines += [f'choices = ["A{n}", "B{n}", "C{n}", "D{n}"]', f'answers = ["B{n}"]']
    elif kind == "multi":
        lines += [f'choices = ["A{n}", "B{n}", "C{n}", "D{n}"]', f'answers = ["A{n}", "C{n}"]']
    elif kind == "truefalse":
        lines.append('answers = ["true"]')
    else:
        lines += [f'answers = ["Answer {n}"]', f'reject = ["Answers {n}"]']
    lines += ['explanation = "Made up for the benchmark."', 'source = "generated"', ""]
    return "\n".join(lines)


def write_bank(folder: Path, questions: int, files: int = 10) -> list[Path]:
    """`questions` valid user questions spread over `files` TOML files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    per_file = questions // files
    paths = []
    for f in range(files):
        path = folder / f"generated-{f:02d}.toml"
        body = (_question_toml(n, rng) for n in range(f * per_file, (f + 1) * per_file))
        path.write_text("\n".join(body), encoding="utf-8")
        paths.append(path)
    return paths


CATEGORIES = ("General Knowledge", "Entertainment: Film", "Science &amp; Nature", "History")
WORDS = [
    "paper",
    "branch",
    "sales",
    "stapler",
    "jelly",
    "prank",
    "desk",
    "office",
    "manager",
    "beet",
    "farm",
    "party",
    "dundie",
    "wedding",
    "boat",
    "river",
    "capital",
    "island",
    "planet",
    "comet",
    "metal",
    "engine",
    "opera",
    "novel",
    "poem",
]


def write_opentdb(path: Path, questions: int) -> Path:
    """An Open Trivia DB response of `questions` distinct questions, a quarter true/false."""
    rng = random.Random(3)
    results = []
    for n in range(questions):
        topic = " ".join(rng.sample(WORDS, 4))
        common: dict[str, object] = {
            "difficulty": rng.choice(DIFFICULTIES),
            "category": rng.choice(CATEGORIES),
        }
        if n % 4 == 0:
            common |= {
                "type": "boolean",
                "question": f"Fact {n}: the &quot;{topic}&quot; comes first.",
                "correct_answer": rng.choice(("True", "False")),
            }
            common["incorrect_answers"] = [
                "False" if common["correct_answer"] == "True" else "True"
            ]
        else:
            options = [f"{rng.choice(WORDS).title()} {n}-{k}" for k in range(4)]
            common |= {
                "type": "multiple",
                "question": f"Which {topic} is number {n}&#039;s?",
                "correct_answer": options[0],
                "incorrect_answers": options[1:],
            }
        results.append(common)
    path.write_text(json.dumps({"response_code": 0, "results": results}), encoding="utf-8")
    return path


BEFORE_SUMMARIES = 5


def build_scores(
    db_path: Path, games: int, players: int = 1000, answers_per_game: int = 3
) -> float:
    """A score database of `games` games, written with the schema from before the summary
    tables (version 5) and migrated by the store; the seconds that migration took.
    """
    rng = random.Random(2)
    db = sqlite3.connect(db_path, isolation_level=None)
    before = BEFORE_SUMMARIES
    migrate(SqliteConnection(db), 0, before)
    db.row_factory = None
    db.execute(f"PRAGMA user_version = {before}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("BEGIN")
    start = 1.7e9
    batch = 50_000
    next_id = 1
    while next_id <= games:
        rows, answers = [], []
        for game_id in range(next_id, min(next_id + batch, games + 1)):
            correct = rng.randint(0, 10)
            played_at = time.strftime(
                "%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(start + game_id * 30)
            )
            rows.append(
                (
                    game_id,
                    f"player-{game_id % players}",
                    played_at,
                    correct * 1100,
                    correct,
                    10,
                    min(correct, 5),
                    60.0,
                    game_id,
                    10,
                    "",
                    "",
                    None,
                )
            )
            for position in range(1, answers_per_game + 1):
                answers.append(
                    (
                        game_id,
                        position,
                        f"q-{rng.randint(1, 300)}",
                        rng.choice(TOPICS),
                        rng.choice(DIFFICULTIES),
                        "x",
                        rng.randint(0, 1),
                        500,
                        3.0,
                    )
                )
        db.executemany(
            """INSERT INTO games (id, player, played_at, score, correct, total, best_streak,
                duration_s, seed, question_count, difficulties, types, time_limit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        db.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", answers)
        next_id += batch
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.close()
    started = time.perf_counter()
    SqliteStore(db_path).stats()  # the first read migrates
    return time.perf_counter() - started


def copy_to_postgres(db_path: Path, url: str) -> None:
    """The games and answers of the score file at `db_path`, copied whole to a new server
    database (migrated by the store itself first)."""
    import psycopg

    from quiz.scores.postgres import PostgresStore

    PostgresStore(url, db_path.with_name("outbox.json")).top_games()
    with contextlib.closing(sqlite3.connect(db_path)) as local, psycopg.connect(url) as server:
        for table in ("games", "game_topics", "answers"):
            rows = local.execute(f"SELECT * FROM {table}")
            names = ", ".join(column[0] for column in rows.description)
            with server.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        server.execute("SELECT setval(pg_get_serial_sequence('games', 'id'), MAX(id)) FROM games")
        server.execute("ANALYZE")
