"""Leaderboard queries: saving a game, boards by kind, where a game places, the last game."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from quiz.models import GameSettings, Mode, Outcome
from quiz.scores import clock
from quiz.scores.cards import Review, review_answers
from quiz.scores.db import (
    Connection,
    Row,
    marks,
    maybe_text,
    maybe_whole,
    one_of,
    result_columns,
    sound,
    text,
    whole,
)
from quiz.scores.game_rows import GameRows
from quiz.scores.kinds import GameKind
from quiz.scores.rows import Placement, PlayedGame, RankedGame
from quiz.scores.stats import add_to_summaries
from quiz.textmatch import name_key

NEWEST_TRIED = 20  # games `last_game` looks through for one that is not damaged

# What an answer stored without its outcome (older games, older outboxes) most likely was:
# a time-out is an empty answer given when the clock ran out.
GUESS_OUTCOMES = """UPDATE answers SET outcome = CASE
        WHEN correct <> 0 THEN 'right'
        WHEN given <> '' THEN 'wrong'
        WHEN seconds >= (SELECT g.time_limit FROM games g WHERE g.id = answers.game_id) - 0.05
            THEN 'timed out'
        ELSE 'skipped' END
    WHERE outcome = ''"""


def _utc_start(day: date) -> str:
    """The start of a local calendar day, as a stored UTC timestamp."""
    return clock.local_day_start(day)


MODES = frozenset(Mode)
OUTCOMES = frozenset(Outcome)


def _split(words: str) -> tuple[str, ...]:
    return tuple(part for part in words.split(",") if part)


def stored_name(db: Connection, name: str) -> str:
    """The name as this player first typed it, or `name` for a new player."""
    found = db.execute(
        """SELECT player FROM games WHERE player_key = $1
        ORDER BY played_at, id LIMIT 1""",
        (name_key(name),),
    ).fetchone()
    if found is None:
        found = db.execute(
            "SELECT player FROM daily_attempts WHERE player_key = $1 ORDER BY played_at LIMIT 1",
            (name_key(name),),
        ).fetchone()
    return name if found is None else str(found["player"])


def insert_game(db: Connection, game: GameRows) -> int:
    """Store a game with its topics and answers, count it in the summaries and reschedule its
    cards; its id. A game already stored (the same UUID, from an outbox) is left as it is."""
    kind = GameKind.of(game.mode, game.total, game.time_limit is not None, game.lives)
    added = db.execute(
        f"""INSERT INTO games (uuid, player, player_key, played_at, score, correct, total,
            best_streak, duration_s, seed, question_count, difficulties, types, time_limit,
            mode, lives, lifeline, party_id, kind)
        VALUES ({marks(19)})
        ON CONFLICT (uuid) DO NOTHING""",
        (
            game.uuid,
            stored_name(db, game.player),
            name_key(game.player),
            game.played_at,
            game.score,
            game.correct,
            game.total,
            game.best_streak,
            game.duration_s,
            game.seed,
            game.question_count,
            game.difficulties,
            game.types,
            game.time_limit,
            game.mode,
            game.lives,
            int(game.lifeline),
            game.party_id,
            kind.text,
        ),
    ).rowcount
    found = db.execute("SELECT id FROM games WHERE uuid = $1", (game.uuid,)).fetchone()
    assert found is not None  # just inserted, or there before
    game_id = int(found["id"])
    if not added:
        return game_id
    db.executemany(
        "INSERT INTO game_topics (game_id, topic, position) VALUES ($1, $2, $3)",
        [(game_id, topic, n) for n, topic in enumerate(game.topics, start=1)],
    )
    db.executemany(
        """INSERT INTO answers (game_id, position, question_id, topic, difficulty,
            given, correct, points, seconds, outcome)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""",
        [
            (
                game_id,
                n,
                a.question_id,
                a.topic,
                a.difficulty,
                a.given,
                int(a.correct),
                a.points,
                a.seconds,
                a.outcome,
            )
            for n, a in enumerate(game.answers, start=1)
        ],
    )
    if any(not a.outcome for a in game.answers):
        db.execute(GUESS_OUTCOMES)
    answers = [Review(a.question_id, a.correct, a.seconds) for a in game.answers]
    when = clock.parse_stamp(game.reviewed_at)
    review_answers(db, name_key(game.player), answers, game.time_limit, when)
    add_to_summaries(db, "g.id = $1", (game_id,))
    return game_id


def played_topics(db: Connection) -> list[str]:
    """The topics games were played on, as they were stored."""
    rows = db.execute("SELECT DISTINCT topic FROM game_topics")
    return sound(db, rows, lambda row: text(row, "topic"))


def placement(db: Connection, game_id: int) -> Placement | None:
    """Where a stored game stands on its kind's board, and its player's best there."""
    game = db.execute(
        "SELECT player_key, score, played_at, kind FROM games WHERE id = $1", (game_id,)
    ).fetchone()
    if game is None:
        return None
    board = db.execute(
        """SELECT SUM(CASE WHEN score > $1 OR (score = $1 AND (played_at < $2
                OR (played_at = $2 AND id < $3))) THEN 1 ELSE 0 END) AS ahead,
            COUNT(*) AS games
        FROM games WHERE kind = $4""",
        (game["score"], game["played_at"], game_id, game["kind"]),
    ).fetchone()
    mine = db.execute(
        """SELECT MAX(score) AS best, MAX(CASE WHEN id <> $1 THEN score END) AS previous
        FROM games WHERE player_key = $2 AND kind = $3""",
        (game_id, game["player_key"], game["kind"]),
    ).fetchone()
    assert board is not None and mine is not None  # aggregates always have their row
    score = whole(game, "score")  # the game just saved: sound
    bests = sound(db, [mine], lambda row: (whole(row, "best"), maybe_whole(row, "previous")))
    best, previous = bests[0] if bests else (score, None)
    return Placement(
        rank=whole(board, "ahead") + 1,
        games=whole(board, "games"),
        player_best=best,
        previous_best=previous,
    )


def _kind(row: Row, total: str = "total", timed: str = "time_limit") -> GameKind:
    """The kind of a game's row (or of a row of `kinds`, whose columns say it alike)."""
    limit = maybe_whole(row, timed)
    lives = maybe_whole(row, "lives")
    return GameKind.of(one_of(row, "mode", MODES), whole(row, total), bool(limit), lives)


def _ranked(row: Row, topics: dict[int, tuple[str, ...]]) -> RankedGame:
    """A game of a board, ranked 0 until the sound ones are counted."""
    kind = _kind(row)
    game_id = whole(row, "id")
    return RankedGame(
        rank=0,
        game_id=game_id,
        **result_columns(row),
        topics=topics.get(game_id, ()),
        difficulties=_split(text(row, "difficulties")),
        timed=row["time_limit"] is not None,
        mode=kind.mode,
        count=kind.count,
        kind=kind.text,
    )


def _topics_of(db: Connection, ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    found: dict[int, list[str]] = {}
    rows = db.execute(
        f"""SELECT game_id, topic FROM game_topics WHERE game_id IN ({marks(len(ids))})
        ORDER BY game_id, topic""",
        ids,
    )
    for game_id, topic in sound(db, rows, lambda row: (whole(row, "game_id"), text(row, "topic"))):
        found.setdefault(game_id, []).append(topic)
    return {game_id: tuple(names) for game_id, names in found.items()}


def top_games(
    db: Connection,
    limit: int,
    *,
    kind: GameKind | None = None,
    player: str | None = None,
    topic: str | None = None,
    since: date | None = None,
    party: str | None = None,
) -> list[RankedGame]:
    """The best games of one kind (or of one party) first; a tie goes to the earlier game."""
    where: list[str] = []
    params: list[object] = []

    def add(condition: str, *values: object) -> None:
        where.append(condition.format(*(f"${len(params) + n}" for n in range(1, len(values) + 1))))
        params.extend(values)

    if party is not None:
        add("g.party_id = {}", party)
    else:
        add("g.kind = {}", (kind or GameKind()).text)
    if player is not None:
        add("g.player_key = {}", name_key(player))
    if since is not None:
        add("g.played_at >= {}", _utc_start(since))
    if topic is not None:
        # Case-insensitive beyond ASCII, which SQL's LOWER() is not.
        names = [n for n in played_topics(db) if n.casefold() == topic.casefold()] or [topic]
        first = len(params) + 1
        where.append(
            "EXISTS (SELECT 1 FROM game_topics t"
            f" WHERE t.game_id = g.id AND t.topic IN ({marks(len(names), first)}))"
        )
        params.extend(names)
    rows = db.execute(
        f"""SELECT g.id, g.player, g.score, g.correct, g.total, g.best_streak, g.duration_s,
            g.played_at, g.difficulties, g.time_limit, g.mode, g.lives
        FROM games g WHERE {" AND ".join(where)}
        ORDER BY g.score DESC, g.played_at, g.id
        LIMIT ${len(params) + 1}""",
        (*params, limit),
    ).fetchall()
    topics = _topics_of(db, [row["id"] for row in rows])
    games = sound(db, rows, lambda row: _ranked(row, topics))
    return [replace(game, rank=rank) for rank, game in enumerate(games, start=1)]


def kinds(db: Connection) -> list[GameKind]:
    """Every kind of game stored: the standard board, normal games by number of questions
    (untimed first), survival by lives, then the other modes."""
    rows = db.execute(
        """SELECT kind, MIN(mode) AS mode, MIN(total) AS total, MIN(lives) AS lives,
            MAX(CASE WHEN time_limit IS NULL THEN 0 ELSE 1 END) AS timed
        FROM games GROUP BY kind"""
    )
    found = sound(db, rows, lambda row: _kind(row, timed="timed"))
    order: dict[str, int] = {Mode.NORMAL: 0, Mode.LIVES: 1}
    return sorted(
        found,
        key=lambda k: (
            k != GameKind(),
            order.get(k.mode, 2),
            k.mode,
            k.count or 0,
            k.timed,
            k.lives or 0,
        ),
    )


def newest_game_id(db: Connection) -> int | None:
    found = db.execute("SELECT id FROM games ORDER BY played_at DESC, id DESC LIMIT 1").fetchone()
    return None if found is None else int(found["id"])


def last_party(db: Connection, mode: str) -> str | None:
    """The id of the party (or, in mode live, the room) that finished last, if any."""
    found = db.execute(
        """SELECT party_id FROM games WHERE party_id IS NOT NULL AND mode = $1
        ORDER BY played_at DESC, id DESC LIMIT 1""",
        (mode,),
    ).fetchone()
    return None if found is None else str(found["party_id"])


def player_names(db: Connection) -> list[str]:
    """Every player with a game here, by name as first typed."""
    rows = db.execute("SELECT player FROM player_totals ORDER BY player")
    return sound(db, rows, lambda row: text(row, "player"))


def default_player(db: Connection) -> str | None:
    """The last player to play a game of their own (a party turn is not one), as stored."""
    rows = [
        db.execute(
            """SELECT player, played_at FROM games WHERE party_id IS NULL
            ORDER BY played_at DESC, id DESC LIMIT 1"""
        ).fetchone(),
        db.execute(
            "SELECT player, played_at FROM daily_attempts ORDER BY played_at DESC LIMIT 1"
        ).fetchone(),
    ]
    found = [row for row in rows if row is not None]
    return str(max(found, key=lambda row: str(row["played_at"]))["player"]) if found else None


def last_game(db: Connection, player: str | None = None) -> PlayedGame | None:
    """The newest sound game (of `player`, in any case), with each question's outcome in order."""
    where, params = (
        ("WHERE player_key = $1", (name_key(player),)) if player is not None else ("", ())
    )
    games = db.execute(
        f"""SELECT id, player, score, correct, total, best_streak, duration_s, played_at, seed,
            question_count, difficulties, types, time_limit, mode, lives, lifeline, party_id
        FROM games {where} ORDER BY played_at DESC, id DESC LIMIT {NEWEST_TRIED}""",
        params,
    ).fetchall()
    for game in games:  # the newest first; a damaged one is passed over
        found = sound(db, [game], lambda row: _played(db, row))
        if found:
            return found[0]
    return None


def _played(db: Connection, game: Row) -> PlayedGame:
    topics = db.execute(
        "SELECT topic FROM game_topics WHERE game_id = $1 ORDER BY position", (game["id"],)
    )
    outcomes = db.execute(
        "SELECT outcome FROM answers WHERE game_id = $1 ORDER BY position", (game["id"],)
    )
    mode = one_of(game, "mode", MODES)
    room = maybe_text(game, "party_id")  # a live game's room, or a party's id (GameRows.of)
    live = mode == Mode.LIVE
    fields = result_columns(game)
    del fields["duration_s"]
    return PlayedGame(
        **fields,
        settings=GameSettings(
            seed=whole(game, "seed"),
            count=whole(game, "question_count"),
            topics=tuple(text(row, "topic") for row in topics),
            difficulties=_split(text(game, "difficulties")),
            types=_split(text(game, "types")),
            time_limit=maybe_whole(game, "time_limit"),
            lives=maybe_whole(game, "lives"),
            lifeline=bool(whole(game, "lifeline")),
            party_id=None if live else room,
            room_id=room if live else None,
        ),
        outcomes=tuple(Outcome(one_of(row, "outcome", OUTCOMES)) for row in outcomes),
    )
