"""Stats queries: the summary tables every save keeps, and what `quiz stats` reads from them."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.scores.db import Connection, Row, sound, text, whole
from quiz.scores.rows import PlayerSummary, Stats, Tally
from quiz.textmatch import name_key

HISTORY_GAMES = 30
PLAYERS = 20  # the best players `quiz stats` lists
HARDEST_MIN_ATTEMPTS = 3
TALLY_KINDS = ("topic", "difficulty", "question")
DIFFICULTY_ORDER = "CASE name WHEN 'easy' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END"


def add_to_summaries(db: Connection, games: str, params: tuple[object, ...] = ()) -> None:
    """Count the games `games` selects (a condition on `g`) into the summary tables.

    Saving a game counts that one game; migration 7 counts every game already stored.
    """
    db.execute(
        f"""INSERT INTO player_totals (player_key, player, games, score_sum, best, correct,
            total, last_played)
        SELECT g.player_key, MIN(g.player), COUNT(*), SUM(g.score), MAX(g.score),
            SUM(g.correct), SUM(g.total), MAX(g.played_at)
        FROM games g WHERE {games} GROUP BY g.player_key
        ON CONFLICT (player_key) DO UPDATE SET
            games = player_totals.games + excluded.games,
            score_sum = player_totals.score_sum + excluded.score_sum,
            best = CASE WHEN excluded.best > player_totals.best
                THEN excluded.best ELSE player_totals.best END,
            correct = player_totals.correct + excluded.correct,
            total = player_totals.total + excluded.total,
            last_played = CASE WHEN excluded.last_played > player_totals.last_played
                THEN excluded.last_played ELSE player_totals.last_played END""",
        params,
    )
    tallies = ", ".join(f"('{kind}')" for kind in TALLY_KINDS)
    for table, scope in (("player_tallies", "g.player_key, "), ("tallies", "")):
        key = f"{scope.removeprefix('g.')}kind, name"
        db.execute(
            f"""WITH tally_kinds (tally) AS (VALUES {tallies})
            INSERT INTO {table} ({key}, correct, attempts)
            SELECT {scope}t.tally, CASE t.tally WHEN 'topic' THEN a.topic
                    WHEN 'difficulty' THEN a.difficulty ELSE a.question_id END AS name,
                SUM(a.correct), COUNT(*)
            FROM answers a JOIN games g ON g.id = a.game_id CROSS JOIN tally_kinds t
            WHERE {games} GROUP BY {scope}t.tally, name
            ON CONFLICT ({key}) DO UPDATE SET
                correct = {table}.correct + excluded.correct,
                attempts = {table}.attempts + excluded.attempts""",
            params,
        )


def _tally(row: Row) -> Tally:
    return Tally(str(row["name"]), whole(row, "correct"), whole(row, "attempts"))


def _tallies(
    db: Connection, player_key: str | None, kind: str, extra: str = "", order: str = "name"
) -> tuple[Tally, ...]:
    params: tuple[str, ...] = (kind,)
    if player_key is None:
        source = "tallies WHERE"
    else:
        source, params = "player_tallies WHERE player_key = $2 AND", (kind, player_key)
    rows = db.execute(
        f"""SELECT name, correct, attempts FROM {source} kind = $1 {extra} ORDER BY {order}""",
        params,
    )
    return tuple(sound(db, rows, _tally))


@dataclass(frozen=True, slots=True)
class _Totals:
    """One player's row of the summary: sums, for a view to divide."""

    player: str
    games: int
    best: int
    score_sum: int
    correct: int
    total: int
    last_played: str

    @classmethod
    def of(cls, row: Row) -> _Totals:
        return cls(
            player=text(row, "player"),
            games=whole(row, "games"),
            best=whole(row, "best"),
            score_sum=whole(row, "score_sum"),
            correct=whole(row, "correct"),
            total=whole(row, "total"),
            last_played=text(row, "last_played"),
        )

    def summary(self) -> PlayerSummary:
        average = self.score_sum / self.games if self.games else 0.0
        accuracy = self.correct / self.total if self.total else 0.0
        return PlayerSummary(
            self.player, self.games, self.best, average, accuracy, self.last_played
        )


def stats(db: Connection, player: str | None) -> Stats:
    """Totals, accuracy per topic and difficulty, hardest questions, recent scores (of one
    player, in any case): read from the summary tables (a row a player), so the cost does not
    grow with the number of games."""
    player_key = None if player is None else name_key(player)
    who = "WHERE player_key = $1" if player_key is not None else ""
    params: tuple[str, ...] = (player_key,) if player_key is not None else ()
    rows = db.execute(
        f"""SELECT player, games, best, score_sum, correct, total, last_played
        FROM player_totals {who}""",
        params,
    )
    players = sound(db, rows, _Totals.of)
    history = db.execute(
        f"""SELECT score FROM games {who}
        ORDER BY played_at DESC, id DESC LIMIT {HISTORY_GAMES}""",
        params,
    ).fetchall()
    games = sum(p.games for p in players)
    correct, total = sum(p.correct for p in players), sum(p.total for p in players)
    found = min((p.player for p in players), default=None)
    return Stats(
        player=found or player if player is not None else None,
        games=games,
        best=max((p.best for p in players), default=0),
        average=sum(p.score_sum for p in players) / games if games else 0.0,
        accuracy=correct / total if total else 0.0,
        by_topic=_tallies(db, player_key, "topic"),
        by_difficulty=_tallies(db, player_key, "difficulty", order=DIFFICULTY_ORDER),
        hardest=_tallies(
            db,
            player_key,
            "question",
            extra=f"AND attempts >= {HARDEST_MIN_ATTEMPTS} AND correct < attempts",
            order="1.0 * correct / attempts, attempts DESC, name LIMIT 5",
        ),
        history=tuple(sound(db, reversed(history), lambda row: whole(row, "score"))),
        players=tuple(
            p.summary() for p in sorted(players, key=lambda p: (-p.best, p.player))[:PLAYERS]
        ),
    )
