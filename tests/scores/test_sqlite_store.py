"""The SQLite score store: round trips, ranking, filters, migrations, concurrency and damage."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import random
import sqlite3
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from quiz.cli.failures import report_line
from quiz.engine.game import Game
from quiz.errors import StoreError
from quiz.models import AskedQuestion, GameResult, GameSettings, Question
from quiz.scores.errors import NewerStoreError
from quiz.scores.kinds import GameKind
from quiz.scores.rows import Placement, RankedGame
from quiz.scores.sql import SqlStore
from quiz.scores.sqlite import APPLICATION_ID, SCHEMA_VERSION, SqliteStore
from quiz.terminal.placement_words import describe
from tests.conftest import both_stores, run_cli, store_for
from tests.samples import CHOICE, TEXT, TRUE

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC).timestamp()

MULTI = Question(
    id="krasinski-directed",
    topic="Pam Beesly",
    difficulty="hard",
    type="multi",
    prompt="Which of these episodes did Krasinski direct?",
    answers=("Sabre", "Lotto"),
    choices=("Sabre", "Lotto", "Niagara", "Stress Relief"),
)
SKIPPED = Question(
    id="pam-art-school",
    topic="Pam Beesly",
    difficulty="medium",
    type="choice",
    prompt="Where does Pam study art?",
    answers=("Pratt",),
    choices=("Pratt", "Parsons", "RISD"),
)
TIMED_OUT = Question(
    id="jim-stamford",
    topic="John Krasinski",
    difficulty="easy",
    type="truefalse",
    prompt="Jim transfers to Stamford.",
    answers=("true",),
)
LAST = Question(
    id="pam-teapot",
    topic="Pam Beesly",
    difficulty="medium",
    type="choice",
    prompt="What does Jim give Pam for Christmas?",
    answers=("A teapot",),
    choices=("A scarf", "A teapot", "A mug"),
)
EASY = tuple(
    Question(
        id=f"easy-{n}",
        topic="Jim Halpert",
        difficulty="easy",
        type="choice",
        prompt=f"Easy question {n}?",
        answers=(f"right {n}",),
        choices=(f"right {n}", f"wrong {n}", f"other {n}"),
    )
    for n in range(10)
)
JSON_KEYS = [
    "rank",
    "player",
    "score",
    "correct",
    "total",
    "accuracy",
    "best_streak",
    "duration_s",
    "played_at",
    "topics",
    "difficulties",
    "timed",
    "mode",
    "count",
    "kind",
]


def easy_game(
    player: str,
    pattern: str,
    started_at: float,
    *,
    settings: GameSettings | None = None,
    duration_s: float = 30.0,
) -> GameResult:
    """A game of easy questions played by `pattern`: R right, W wrong, S skipped, T timed out.

    Untimed, n right answers in a row from the start score 500, 1100, 1800, 2600, 3500, 4500,
    5500, 6500 for n = 1..8.
    """
    chosen = settings or GameSettings(seed=1, count=len(pattern))
    game = Game([AskedQuestion(q, q.choices) for q in EASY[: len(pattern)]], chosen)
    for letter in pattern:
        q = game.current.question
        if letter == "R":
            game.answer((q.answers[0],), 2.0)
        elif letter == "W":
            game.answer((q.choices[1],), 2.0)
        elif letter == "S":
            game.answer((), 3.0)
        else:
            game.answer((), float(chosen.time_limit or 10), timed_out=True)
    return game.result(player, started_at, duration_s)


def board_game(player: str, pattern: str, started_at: float, **options: object) -> GameResult:
    """`easy_game` dealt the standard 10 questions: the pattern, then wrong answers (which
    score nothing), so games of any pattern share the standard board."""
    return easy_game(player, pattern.ljust(10, "W"), started_at, **options)  # type: ignore[arg-type]


def mixed_game() -> GameResult:
    """A timed game over several topics, difficulties and types, with every kind of answer."""
    settings = GameSettings(
        seed=4242,
        count=7,
        topics=("Pam Beesly", "John Krasinski"),
        difficulties=("easy", "medium", "hard"),
        types=("choice", "truefalse", "text", "multi"),
        time_limit=20,
    )
    questions = (CHOICE, TEXT, TRUE, MULTI, SKIPPED, TIMED_OUT, LAST)
    game = Game([AskedQuestion(q, q.choices) for q in questions], settings)
    game.answer(("Casino Night",), 0.3)
    game.answer(("krasinski",), 5.5)
    game.answer(("false",), 4.0)
    game.answer(("Lotto", "Sabre"), 8.25)
    game.answer((), 2.5)
    game.answer((), 20.0, timed_out=True)
    game.answer(("A teapot",), 12.75)
    return game.result("Pam O'Beesly-Halpért", T0 + 0.123456, 73.25)


def parse_utc(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Rows straight from the file, bypassing the store."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return list(db.execute(sql, params).fetchall())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "scores.db"


@pytest.fixture
def store(request: pytest.FixtureRequest, db: Path) -> SqlStore:
    return store_for(request, db)


# 1. Round trip


@both_stores
def test_a_real_game_round_trips_through_top_games(store: SqlStore, db: Path) -> None:
    result = mixed_game()
    assert [r.correct for r in result.records] == [True, True, False, True, False, False, True]
    assert result.records[4].skipped and result.records[5].timed_out
    plain = easy_game("Jim", "RRWS", T0 + 3600, duration_s=12.5)

    game_id = store.save_game(result)
    plain_id = store.save_game(plain)
    timed_seven, untimed_four = GameKind(count=7, timed=True), GameKind(count=4)
    assert store.kinds() == [untimed_four, timed_seven]
    games = {g.game_id: g for k in store.kinds() for g in store.top_games(kind=k)}

    g = games[game_id]
    assert g.player == "Pam O'Beesly-Halpért"
    assert g.score == result.score > 0
    assert (g.correct, g.total) == (4, 7)
    assert g.best_streak == result.best_streak == 2
    assert g.duration_s == 73.25
    assert sorted(g.topics) == ["John Krasinski", "Pam Beesly"]
    assert g.difficulties == ("easy", "medium", "hard")
    assert g.timed is True
    assert g.accuracy == pytest.approx(4 / 7)
    assert parse_utc(g.played_at) == pytest.approx(result.started_at, abs=1e-6)

    p = games[plain_id]
    assert (p.player, p.score, p.correct, p.total, p.best_streak) == ("Jim", 1100, 2, 4, 2)
    assert (p.duration_s, p.topics, p.difficulties, p.timed) == (12.5, (), (), False)
    assert p.accuracy == 0.5
    assert parse_utc(p.played_at) == pytest.approx(T0 + 3600, abs=1e-6)
    assert (g.mode, g.count, g.kind) == ("normal", 7, "normal 7 timed")
    assert (p.mode, p.count, p.kind) == ("normal", 4, "normal 4 untimed")
    assert [x.game_id for x in store.top_games(kind=timed_seven)] == [game_id]
    assert [x.rank for x in store.top_games(kind=untimed_four)] == [1]
    assert store.top_games() == []  # neither is a standard game


def test_every_answer_is_stored_in_its_position(store: SqlStore, db: Path) -> None:
    result = mixed_game()
    game_id = store.save_game(result)
    rows = query(
        db,
        "SELECT position, question_id, topic, difficulty, given, correct, points, seconds"
        " FROM answers WHERE game_id = ? ORDER BY position",
        (game_id,),
    )
    assert rows == [
        (
            n,
            r.question.id,
            r.question.topic,
            r.question.difficulty,
            "\n".join(r.given),
            int(r.correct),
            r.points,
            r.seconds,
        )
        for n, r in enumerate(result.records, start=1)
    ]
    assert rows[3][4] == "Lotto\nSabre"
    assert rows[4][4] == rows[5][4] == ""
    assert [row[6] for row in rows if not row[5]] == [0, 0, 0]
    assert query(db, "SELECT seed, question_count, types, time_limit FROM games") == [
        (4242, 7, "choice,truefalse,text,multi", 20)
    ]


# 2. Ranking and placement


@both_stores
def test_higher_score_first_ties_to_the_earlier_start_then_the_earlier_save(
    store: SqlStore,
) -> None:
    ids = {
        name: store.save_game(board_game(name, pattern, started))
        for name, pattern, started in [
            ("late", "RR", T0 + 300),
            ("same-start-saved-first", "RR", T0 + 100),
            ("same-start-saved-second", "RR", T0 + 100),
            ("top", "RRR", T0 + 500),
            ("low", "R", T0),
            ("earliest", "RR", T0 + 99.5),
        ]
    }
    top = store.top_games()
    assert [g.player for g in top] == [
        "top",
        "earliest",
        "same-start-saved-first",
        "same-start-saved-second",
        "late",
        "low",
    ]
    assert [g.score for g in top] == [1800, 1100, 1100, 1100, 1100, 500]
    assert [g.rank for g in top] == [1, 2, 3, 4, 5, 6]
    assert [g.game_id for g in store.top_games(limit=3)] == [
        ids["top"],
        ids["earliest"],
        ids["same-start-saved-first"],
    ]
    assert [g.rank for g in store.top_games(limit=3)] == [1, 2, 3]
    assert len(store.top_games(limit=1)) == 1
    assert len(store.top_games(limit=100)) == 6


@both_stores
def test_placement_of_each_game_as_it_is_saved(store: SqliteStore) -> None:
    plays = [
        ("Pam", "RRRRR", 3500, Placement(1, 1, 3500, None), "New high score! #1 of 1 · your best: 3,500"),
        ("Jim", "RRRRRRR", 5500, Placement(1, 2, 5500, None), "New high score! #1 of 2 · your best: 5,500"),
        ("Pam", "RRRR", 2600, Placement(3, 3, 3500, 3500), "#3 of 3 · your best: 3,500"),
        ("Pam", "RRRRRR", 4500, Placement(2, 4, 4500, 3500), "New personal best! #2 of 4 · your best: 4,500"),
        ("Dwight", "R", 500, Placement(5, 5, 500, None), "New personal best! #5 of 5 · your best: 500"),
        ("Pam", "RRRRRR", 4500, Placement(3, 6, 4500, 4500), "#3 of 6 · your best: 4,500"),
        ("Kate", "RRRRRRR", 5500, Placement(2, 7, 5500, None), "New personal best! #2 of 7 · your best: 5,500"),
        ("Jim", "RRRRRRRR", 6500, Placement(1, 8, 6500, 5500), "New high score! #1 of 8 · your best: 6,500"),
    ]  # fmt: skip
    ids = []
    for n, (player, pattern, score, placement, text) in enumerate(plays):
        result = board_game(player, pattern, T0 + 60 * n)
        assert result.score == score
        game_id = store.save_game(result)
        ids.append(game_id)
        assert store.placement(game_id) == placement, (n, player)
        assert describe(store.placement(game_id), score) == text
    # An older game, looked at later, stands where the table puts it now.
    assert store.placement(ids[0]) == Placement(6, 8, 4500, 4500)


@pytest.mark.parametrize(
    ("placement", "score", "text"),
    [
        (Placement(1, 1, 500, None), 500, "New high score! #1 of 1 · your best: 500"),
        (Placement(1, 9, 12_000, 7400), 12_000, "New high score! #1 of 9 · your best: 12,000"),
        (Placement(3, 5, 8100, 7400), 8100, "New personal best! #3 of 5 · your best: 8,100"),
        (Placement(4, 5, 900, None), 900, "New personal best! #4 of 5 · your best: 900"),
        (Placement(1, 1, 0, None), 0, "#1 of 1 · your best: 0"),
        (Placement(3, 5, 7400, 7400), 7400, "#3 of 5 · your best: 7,400"),
        (Placement(5, 5, 7400, 7400), 1200, "#5 of 5 · your best: 7,400"),
        (Placement(2, 1_500, 1_234_567, 1_234_567), 9, "#2 of 1500 · your best: 1,234,567"),
    ],
)
def test_placement_describe(placement: Placement, score: int, text: str) -> None:
    assert describe(placement, score) == text


# 3. Filters


@both_stores
def test_filters_by_player_topic_and_day(store: SqliteStore) -> None:
    day = 86_400.0
    a = store.save_game(
        board_game(
            "Pam", "RRRRR", T0 - 2 * day, settings=GameSettings(1, 5, ("Pam Beesly", "Jim Halpert"))
        )
    )
    b = store.save_game(
        board_game("Pam", "RRRR", T0, settings=GameSettings(2, 4, ("Dwight Schrute",)))
    )
    c = store.save_game(
        board_game("Jim", "RRR", T0 + day, settings=GameSettings(3, 3, ("Pam Beesly",)))
    )
    d = store.save_game(board_game("pam", "RR", T0 + 3 * day))
    e = store.save_game(board_game("Pam", "R", T0 + day))  # no topic chosen: every topic

    def ids(**filters: object) -> list[int]:
        return [g.game_id for g in store.top_games(100, **filters)]  # type: ignore[arg-type]

    start = datetime.fromtimestamp(T0).date()
    assert ids() == [a, b, c, d, e]
    assert ids(player="Pam") == [a, b, d, e]
    assert ids(player="pam") == [a, b, d, e]
    assert ids(player="PAM\u200b") == [a, b, d, e]  # an invisible character is not a name
    assert ids(player="Pa m") == []
    assert ids(player="Nobody") == []
    assert ids(topic="Pam Beesly") == [a, c]
    assert ids(topic="pam beesly") == [a, c]
    assert ids(topic="PAM BEESLY") == [a, c]
    assert ids(topic="dwight schrute") == [b]
    assert ids(topic="Karen Filippelli") == []
    assert ids(since=start) == [b, c, d, e]
    assert ids(since=start + timedelta(days=1)) == [c, d, e]
    assert ids(since=start + timedelta(days=4)) == []
    assert ids(player="Pam", topic="pam beesly") == [a]
    assert ids(player="Pam", since=start) == [b, d, e]
    assert ids(topic="Pam Beesly", since=start) == [c]
    assert ids(player="Pam", topic="Pam Beesly", since=start) == []
    assert ids(player="Jim", topic="pam beesly", since=start) == [c]
    assert [g.rank for g in store.top_games(100, player="Pam")] == [1, 2, 3, 4]
    assert {g.player for g in store.top_games(100, player="pam")} == {"Pam"}  # as first typed
    assert [g.game_id for g in store.top_games(1, player="Pam")] == [a]


@both_stores
def test_topic_filter_ignores_case_beyond_ascii(store: SqliteStore) -> None:
    """User banks may name any topic; play matches them with casefold, so scores should too."""
    game_id = store.save_game(
        board_game("Pam", "RR", T0, settings=GameSettings(1, 2, ("Émile Ørsted",)))
    )
    assert [g.game_id for g in store.top_games(topic="Émile Ørsted")] == [game_id]
    assert [g.game_id for g in store.top_games(topic="émile ørsted")] == [game_id]


@pytest.fixture(params=["UTC0", "EST5", "JST-9"])
def local_tz(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run under a fixed local time zone (POSIX TZ strings need no tz database)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = str(request.param)
    time.tzset()
    try:
        yield str(request.param)
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@both_stores
def test_since_starts_at_local_midnight(store: SqlStore, local_tz: str) -> None:
    def local(day: date, hour: int, minute: int = 0, second: int = 0, micro: int = 0) -> float:
        moment = datetime(day.year, day.month, day.day, hour, minute, second, micro)
        return moment.astimezone().timestamp()

    day = date(2026, 3, 10)
    long_before = store.save_game(board_game("A", "RRRR", local(day - timedelta(days=5), 12)))
    last_moment = store.save_game(
        board_game("B", "RRR", local(day - timedelta(days=1), 23, 59, 59, 999_999))
    )
    midnight = store.save_game(board_game("C", "RR", local(day, 0, 0, 0)))
    later = store.save_game(board_game("D", "R", local(day + timedelta(days=3), 9)))

    def since(d: date) -> list[int]:
        return [g.game_id for g in store.top_games(100, since=d)]

    assert since(day - timedelta(days=6)) == [long_before, last_moment, midnight, later]
    assert since(day - timedelta(days=1)) == [last_moment, midnight, later]
    assert since(day) == [midnight, later]
    assert since(day + timedelta(days=1)) == [later]
    assert since(day + timedelta(days=4)) == []


# 4. JSON rows


def test_json_rows_have_exactly_the_spec_keys(store: SqlStore, quiz_home: Path) -> None:
    result = mixed_game()
    SqliteStore(quiz_home / "scores.db").save_game(result)
    board = GameKind(count=7, timed=True)
    row = SqliteStore(quiz_home / "scores.db").top_games(kind=board)[0].as_json()
    assert list(row) == JSON_KEYS
    assert row["rank"] == 1
    assert row["accuracy"] == round(4 / 7, 4)
    assert sorted(row["topics"]) == ["John Krasinski", "Pam Beesly"]  # type: ignore[call-overload]
    assert row["difficulties"] == ["easy", "medium", "hard"]
    assert row["timed"] is True
    json.dumps(row)

    cli = run_cli("scores", "--json", "--count", "7", "--timed")
    assert cli.exit_code == 0, cli.stderr
    rows = json.loads(cli.stdout)
    assert [list(r) for r in rows] == [JSON_KEYS]
    assert rows[0] == row
    assert (row["mode"], row["count"], row["kind"]) == ("normal", 7, "normal 7 timed")
    assert json.loads(run_cli("scores", "--json").stdout) == []  # not the standard board
    assert json.loads(run_cli("scores", "--json", "--all").stdout) == [row]


# 5. Migration

V1_SCHEMA = """
CREATE TABLE games (
    id INTEGER PRIMARY KEY,
    player TEXT NOT NULL,
    played_at TEXT NOT NULL,
    score INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    seed INTEGER NOT NULL,
    question_count INTEGER NOT NULL,
    difficulties TEXT NOT NULL,
    types TEXT NOT NULL,
    time_limit INTEGER
);
CREATE TABLE game_topics (
    game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (game_id, topic)
);
CREATE TABLE answers (
    game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    given TEXT NOT NULL,
    correct INTEGER NOT NULL,
    points INTEGER NOT NULL,
    seconds REAL NOT NULL,
    PRIMARY KEY (game_id, position)
);
CREATE INDEX games_by_score ON games (score DESC, played_at, id);
PRAGMA user_version = 1;
"""
V1_GAMES = [
    (1, "Pam", "2025-11-03T18:04:05.123456Z", 2900, 5, 6, 61.5, 77, 6, "easy", "choice,truefalse", None),
    (2, "Jim", "2025-11-04T09:00:00.000000Z", 1000, 1, 2, 20.0, 78, 2, "", "", 15),
]  # fmt: skip
V1_TOPICS = [(1, "Pam Beesly"), (1, "Jim Halpert")]
ANSWER_COLUMNS = (
    "game_id",
    "position",
    "question_id",
    "topic",
    "difficulty",
    "given",
    "correct",
    "points",
    "seconds",
)
V1_ANSWERS = [
    (1, 1, "q1", "Pam Beesly", "easy", "Casino Night", 1, 500, 1.5),
    (1, 2, "q2", "Pam Beesly", "easy", "true", 1, 600, 2.0),
    (1, 3, "q3", "Jim Halpert", "easy", "", 0, 0, 3.0),
    (1, 4, "q4", "Jim Halpert", "easy", "Sabre\nLotto", 1, 500, 4.0),
    (1, 5, "q5", "Pam Beesly", "easy", "Halpert", 1, 600, 5.0),
    (1, 6, "q6", "Pam Beesly", "easy", "false", 1, 700, 6.0),
    (2, 1, "q1", "Pam Beesly", "medium", "Booze Cruise", 0, 0, 9.0),
    (2, 2, "q7", "Jim Halpert", "medium", "true", 1, 1000, 11.0),
]  # fmt: skip


def make_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(V1_SCHEMA)
        db.executemany(f"INSERT INTO games VALUES ({', '.join('?' * 12)})", V1_GAMES)
        db.executemany("INSERT INTO game_topics VALUES (?, ?)", V1_TOPICS)
        db.executemany(f"INSERT INTO answers VALUES ({', '.join('?' * 9)})", V1_ANSWERS)
        db.commit()


def test_a_v1_file_migrates_forward_and_keeps_its_data(store: SqlStore, db: Path) -> None:
    make_v1(db)
    assert query(db, "PRAGMA user_version") == [(1,)]

    six, two_timed = GameKind(count=6), GameKind(count=2, timed=True)
    top = store.top_games(kind=six) + store.top_games(kind=two_timed)

    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert store.kinds() == [two_timed, six]
    assert top == [
        RankedGame(
            rank=1,
            game_id=1,
            player="Pam",
            score=2900,
            correct=5,
            total=6,
            best_streak=3,
            duration_s=61.5,
            played_at="2025-11-03T18:04:05.123456Z",
            topics=("Jim Halpert", "Pam Beesly"),
            difficulties=("easy",),
            timed=False,
            count=6,
            kind="normal 6 untimed",
        ),
        RankedGame(
            rank=1,
            game_id=2,
            player="Jim",
            score=1000,
            correct=1,
            total=2,
            best_streak=1,
            duration_s=20.0,
            played_at="2025-11-04T09:00:00.000000Z",
            topics=(),
            difficulties=(),
            timed=True,
            count=2,
            kind="normal 2 timed",
        ),
    ]
    assert query(db, "SELECT id, best_streak FROM games ORDER BY id") == [(1, 3), (2, 1)]
    columns = "id, player, played_at, score, correct, total, duration_s, seed, question_count, difficulties, types, time_limit"
    assert query(db, f"SELECT {columns} FROM games ORDER BY id") == V1_GAMES
    topics = query(db, "SELECT game_id, topic FROM game_topics ORDER BY game_id, topic")
    assert topics == sorted(V1_TOPICS)
    answers = f"SELECT {', '.join(ANSWER_COLUMNS)} FROM answers ORDER BY game_id, position"
    assert query(db, answers) == V1_ANSWERS

    # The migrated file works for everything else, and opening it again changes nothing.
    assert store.stats("Pam").games == 1
    assert store.default_player() == "Jim"
    new_id = store.save_game(easy_game("Pam", "RRRRRR", T0))
    assert new_id == 3
    assert store.placement(new_id) == Placement(1, 2, 4500, 2900)
    assert [g.best_streak for g in store.top_games(kind=six)] == [6, 3]
    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_a_file_from_a_newer_version_is_refused_untouched(
    store: SqliteStore, db: Path, journal_mode: str
) -> None:
    db.parent.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(db)) as raw:
        raw.execute(f"PRAGMA journal_mode = {journal_mode}")
        raw.execute("CREATE TABLE games (id INTEGER PRIMARY KEY, future TEXT)")
        raw.execute("INSERT INTO games (future) VALUES ('hoverboards')")
        raw.execute("PRAGMA user_version = 99")
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # every version marks its files
        raw.commit()
    before = db.read_bytes()

    calls: list[Callable[[], object]] = [
        store.top_games,
        store.stats,
        store.default_player,
        lambda: store.save_game(easy_game("Pam", "R", T0)),
    ]
    for call in calls:
        with pytest.raises(NewerStoreError) as caught:
            call()
        assert (caught.value.where, caught.value.detail) == (str(db), "99")
        assert db.read_bytes() == before
    assert query(db, "PRAGMA user_version") == [(99,)]


# 6. Concurrency

WORKERS = 8
GAMES_PER_WORKER = 50
PATTERN = "RWRSR"


def save_many(db: str, worker: int, barrier: Barrier, errors: str) -> None:
    """One process: wait for the others, then save its games as fast as it can."""
    try:
        store = SqliteStore(Path(db))
        results = [
            easy_game(
                f"worker-{worker}",
                PATTERN,
                T0 + worker * 1000 + n,
                settings=GameSettings(seed=worker * 1000 + n, count=len(PATTERN)),
            )
            for n in range(GAMES_PER_WORKER)
        ]
        barrier.wait(timeout=60)
        for result in results:
            store.save_game(result)
    except BaseException:
        Path(errors).write_text(traceback.format_exc(), encoding="utf-8")
        raise


@pytest.mark.parametrize("fresh", [True, False], ids=["new-file", "existing-file"])
@pytest.mark.slow
def test_eight_processes_saving_at_once_keep_every_game(
    tmp_path: Path, db: Path, fresh: bool
) -> None:
    """Into a new file (all eight create it at once) and into one that already holds a game."""
    if not fresh:
        SqliteStore(db).save_game(easy_game("before", PATTERN, T0 - 1))
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    procs = [
        ctx.Process(target=save_many, args=(str(db), n, barrier, str(tmp_path / f"w{n}.err")))
        for n in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    errors = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("w*.err"))]
    assert errors == []
    assert [proc.exitcode for proc in procs] == [0] * WORKERS

    markers = query(db, "SELECT player, seed FROM games WHERE player <> 'before'")
    assert len(markers) == WORKERS * GAMES_PER_WORKER
    assert set(markers) == {
        (f"worker-{w}", w * 1000 + n) for w in range(WORKERS) for n in range(GAMES_PER_WORKER)
    }
    per_game = query(
        db,
        "SELECT g.id, COUNT(a.position), MIN(a.position), MAX(a.position), SUM(a.correct)"
        " FROM games g LEFT JOIN answers a ON a.game_id = g.id GROUP BY g.id",
    )
    games = WORKERS * GAMES_PER_WORKER + (0 if fresh else 1)
    assert len(per_game) == games
    assert {row[1:] for row in per_game} == {(len(PATTERN), 1, len(PATTERN), 3)}
    assert query(db, "SELECT COUNT(*) FROM answers") == [(games * len(PATTERN),)]
    assert query(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert len(SqliteStore(db).top_games(limit=1000, kind=GameKind(count=len(PATTERN)))) == games


# 7. Damaged files

DAMAGE = ["random-bytes", "junk-pages", "zero-bytes", "directory"]


def damage(kind: str, path: Path) -> None:
    """Put a score file at `path` that no store can read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "random-bytes":
        path.write_bytes(random.Random(7).randbytes(16_384))
    elif kind == "junk-pages":
        store = SqliteStore(path)
        for n in range(4):
            store.save_game(easy_game(f"P{n}", "RRWRS", T0 + n))
        assert not path.with_name(path.name + "-wal").exists()
        data = path.read_bytes()
        page = int.from_bytes(data[16:18], "big")
        page = 65_536 if page == 1 else page
        assert data[:16] == b"SQLite format 3\x00" and len(data) >= 3 * page
        path.write_bytes(data[:page] + random.Random(8).randbytes(len(data) - page))
    elif kind == "zero-bytes":
        path.write_bytes(b"")
    else:
        path.mkdir()
        (path / "keep.txt").write_text("mine", encoding="utf-8")


def snapshot(path: Path) -> bytes | dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in path.iterdir()}
    return path.read_bytes()


STORE_CALLS: dict[str, Callable[[SqliteStore], object]] = {
    "top_games": lambda s: s.top_games(),
    "stats": lambda s: s.stats(),
    "save_game": lambda s: s.save_game(easy_game("Pam", "RR", T0)),
    "default_player": lambda s: s.default_player(),
}


@pytest.mark.parametrize("call", list(STORE_CALLS))
@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_file_is_a_store_error_and_stays_as_it_was(
    store: SqliteStore, db: Path, kind: str, call: str
) -> None:
    damage(kind, db)
    before = snapshot(db)
    with pytest.raises(StoreError) as caught:
        STORE_CALLS[call](store)
    report = report_line(caught.value, "")
    assert report.startswith("Error: ")
    assert "\n" not in report
    assert str(db) in report
    assert snapshot(db) == before


@pytest.mark.parametrize("command", ["scores", "stats"])
@pytest.mark.parametrize("kind", DAMAGE)
def test_cli_on_a_damaged_file_prints_one_error_line(
    quiz_home: Path, kind: str, command: str
) -> None:
    path = quiz_home / "scores.db"
    damage(kind, path)
    before = snapshot(path)
    result = run_cli(command)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert snapshot(path) == before


@pytest.mark.parametrize("kind", DAMAGE)
def test_play_goes_on_beside_a_damaged_file(quiz_home: Path, kind: str) -> None:
    path = quiz_home / "scores.db"
    damage(kind, path)
    before = snapshot(path)
    result = run_cli("play", "--plain", "--count", "1", input="\n")
    assert result.exit_code == 0, result.stderr
    assert "Question 1/1 [" in result.stdout
    assert "Final score" in result.stdout
    assert result.stderr.count("scores will not be saved") == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(path) == before


# 8. Reset


def test_reset_backs_up_then_empties(store: SqlStore, db: Path) -> None:
    assert store.reset() is None
    for n in range(3):
        store.save_game(easy_game(f"P{n}", "RRWRS", T0 + n))

    backup = store.reset()

    assert backup is not None
    assert backup.parent == db.parent
    assert backup.name.startswith("scores.db.bak-")
    assert query(backup, "SELECT COUNT(*) FROM games") == [(3,)]
    assert query(backup, "SELECT COUNT(*) FROM answers") == [(15,)]
    assert query(backup, "SELECT COUNT(*) FROM game_topics") == [(0,)]
    assert store.top_games() == []
    assert store.stats().games == 0
    assert query(db, "SELECT COUNT(*) FROM answers") == [(0,)]
    game_id = store.save_game(easy_game("Pam", "R", T0 + 10))
    assert store.placement(game_id) == Placement(1, 1, 500, None)


@pytest.mark.parametrize("kind", ["random-bytes", "junk-pages", "zero-bytes"])
def test_reset_moves_a_damaged_file_aside_whole(store: SqlStore, db: Path, kind: str) -> None:
    damage(kind, db)
    before = db.read_bytes()

    backup = store.reset()

    assert backup is not None
    assert backup.parent == db.parent
    assert backup.name.startswith("scores.db.bak-")
    assert backup.read_bytes() == before
    assert not db.exists()
    game_id = store.save_game(board_game("Pam", "RR", T0))
    assert [g.game_id for g in store.top_games()] == [game_id]


def test_cli_reset_of_a_damaged_file(quiz_home: Path) -> None:
    path = quiz_home / "scores.db"
    damage("random-bytes", path)
    before = path.read_bytes()
    result = run_cli("scores", "--reset", "--yes")
    assert result.exit_code == 0, result.stderr
    [backup] = quiz_home.glob("scores.db.bak-*")
    assert backup.read_bytes() == before
    assert str(backup) in result.stdout
    assert run_cli("scores").exit_code == 0


# 9. Unwritable QUIZ_HOME


def test_a_home_under_a_regular_file_is_a_clear_store_error(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    store = SqliteStore(afile / "scores.db")
    with pytest.raises(StoreError) as caught:
        store.save_game(easy_game("Pam", "R", T0))
    report = report_line(caught.value, "")
    assert report.startswith("Error: ")
    assert "\n" not in report
    assert str(afile) in report
    assert "QUIZ_HOME" in report
    assert afile.read_text(encoding="utf-8") == "not a folder"


def test_play_with_a_home_under_a_regular_file_warns_and_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("QUIZ_HOME", str(afile))
    result = run_cli("play", "--plain", "--count", "1", input="\n")
    assert result.exit_code == 0, result.stderr
    assert "Question 1/1 [" in result.stdout
    assert "Final score" in result.stdout
    assert result.stderr.count("scores will not be saved") == 1
    assert str(afile) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert afile.read_text(encoding="utf-8") == "not a folder"


def test_plain_play_writes_to_the_current_stdout(quiz_home: Path) -> None:
    """Not the store: play_plain's `out=sys.stdout` default is the stream of import time."""
    for _ in range(2):
        result = run_cli("play", "--plain", "--count", "1", "--no-save", input="\n")
        assert result.exit_code == 0, result.exception
        assert "Question 1/1 [" in result.stdout
        assert "Final score" in result.stdout
