"""`quiz scores` and `quiz stats`: the high-score table and what a player's games say."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from quiz import output
from quiz.cli.options import Day, JsonOption, ModeName, WholeNumber, complete_topic
from quiz.errors import UsageError
from quiz.output import console, print_json, safe, say

if TYPE_CHECKING:
    from quiz.scores.rows import RankedGame, Stats, Tally
    from quiz.scores.store import ScoreStore

EMPTY_BOARDS = {
    ModeName.normal: "No games yet: run quiz play",
    ModeName.lives: "No survival games yet: run quiz play --lives 3",
    ModeName.party: "No party games yet: run quiz party",
}
BOARD_TITLES = {
    ModeName.lives: "Survival games (quiz play --lives N)",
    ModeName.party: "Party games (quiz party)",
}

PlayerOption = Annotated[
    str | None,
    typer.Option("--player", metavar="NAME", help="Only this player's games (exact name)."),
]


def scores(
    day: Annotated[
        date | None,
        typer.Argument(
            click_type=Day(),
            metavar="[YYYY-MM-DD]",
            help="With --daily: the day whose board to show (default today, UTC).",
            show_default=False,
        ),
    ] = None,
    daily: Annotated[
        bool, typer.Option("--daily", help="Show a daily challenge board instead.")
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", click_type=WholeNumber(1), metavar="N", help="How many games."
        ),
    ] = 10,
    player: PlayerOption = None,
    topic: Annotated[
        str | None,
        typer.Option(
            metavar="TOPIC",
            help="Only games played on this topic (any case, or the start of a word).",
            autocompletion=complete_topic,
        ),
    ] = None,
    since: Annotated[
        date | None,
        typer.Option(click_type=Day(), metavar="YYYY-MM-DD", help="Only games from this day on."),
    ] = None,
    mode: Annotated[
        ModeName,
        typer.Option(
            "--mode",
            metavar="[normal|lives|party]",
            help="Which board: normal games, survival (--lives) games, or party games.",
        ),
    ] = ModeName.normal,
    party: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="One party's games together, placed (ties share a place); 'last' for the latest.",
        ),
    ] = None,
    as_json: JsonOption = False,
    local: Annotated[
        bool,
        typer.Option(
            "--local",
            help="This computer's own scores, even when QUIZ_DATABASE_URL names a shared server.",
        ),
    ] = False,
    reset: Annotated[
        bool,
        typer.Option(
            "--reset",
            help="Clear every saved game, practice card and daily attempt, after backing the file up.",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Reset without asking.")] = False,
) -> None:
    """Show the high scores, best first.

    Ties go to the earlier game; the newest game is starred.

    \b
    Examples:
      quiz scores --limit 20
      quiz scores --player Pam --since 2026-01-01 --json
      quiz scores --mode lives
      quiz scores --party last
      quiz scores --reset
      quiz scores --daily 2026-11-27
      quiz scores --local
    """
    if daily or day is not None:
        board = None if mode is ModeName.normal else mode
        _check_daily(
            day,
            daily,
            player=player,
            topic=topic,
            since=since,
            reset=reset,
            mode=board,
            party=party,
        )
        from quiz.cli.daily import show_board

        show_board(day, limit, as_json=as_json, local=local)
        return
    from quiz.scores.store import open_store

    store = open_store(local=local)
    player, topic = _cleaned(player), _cleaned(topic)
    if reset:
        _reset(store, yes)
        return
    if topic is not None:
        from quiz.engine.filters import match_topic

        played = store.played_topics()
        topic = match_topic(topic, played, "of any saved game") if played else topic
    if party is not None and mode is ModeName.lives:
        raise UsageError("--party shows one party's games; it does not go with --mode lives")
    party_id = _party_id(store, party) if party is not None else None
    games = store.top_games(limit, player, topic, since, mode=mode.value, party=party_id)
    if party_id is not None:
        games = placed(games)
    if as_json:
        print_json([g.as_json() for g in games])
        return
    out = console()
    if not games:
        filtered = player is not None or topic is not None or since is not None
        out.print("No games match these filters." if filtered else EMPTY_BOARDS[mode])
        return
    from quiz.terminal.render_scores import score_table

    if party_id is not None:
        out.print(f"Party {party_id}", style="bold", markup=False)
    elif mode is not ModeName.normal:
        out.print(BOARD_TITLES[mode], style="bold")
    out.print(score_table(games, store.newest_game_id(), out.width))


def _party_id(store: ScoreStore, wanted: str) -> str:
    """The party `--party` names: an id as shown after a party, or `last`."""
    if wanted.strip().casefold() == "last":
        found = store.last_party()
        if found is None:
            raise UsageError("no party has been saved yet: run quiz party")
        return found
    party_id = wanted.strip().casefold()
    if not store.top_games(1, party=party_id):
        raise UsageError(f"no party {wanted!r} in the scores (try --party last)")
    return party_id


def placed(games: list[RankedGame]) -> list[RankedGame]:
    """A party's games ranked as on its podium: ties share a place."""
    from dataclasses import replace

    from quiz.engine.party import places

    return [
        replace(game, rank=place)
        for game, place in zip(games, places([g.score for g in games]), strict=True)
    ]


def _cleaned(name: str | None) -> str | None:
    """A name as `quiz play` stores it: without control characters or undecodable bytes."""
    return None if name is None else safe(name)


def _check_daily(day: date | None, daily: bool, **others: object) -> None:
    if not daily:
        raise UsageError(f"a date ('{day}') goes with --daily: quiz scores --daily {day}")
    clash = [name for name, value in others.items() if value not in (None, False)]
    if clash:
        raise UsageError(f"--daily shows one day's whole board; it does not take --{clash[0]}")


def _reset(store: ScoreStore, yes: bool) -> None:
    if not yes:
        if not output.interactive_terminal():
            raise UsageError("resetting needs --yes when not run on a terminal")
        from quiz.terminal import prompts

        if not prompts.confirm(
            "Clear every saved game, practice card and daily attempt? A backup is kept.",
            default=False,
        ):
            print("Nothing was changed.")
            return
    backup = store.reset()
    say(
        f"Games, practice cards and daily attempts cleared; the old file is kept as {backup}"
        if backup
        else "No scores to reset."
    )


def stats(player: PlayerOption = None, as_json: JsonOption = False) -> None:
    """Show how you play: accuracy, weak spots, trend.

    Games, best and average score, accuracy by topic and by difficulty as bars, the
    questions that beat you most, and your recent scores.

    \b
    Examples:
      quiz stats
      quiz stats --player Pam --json
    """
    from quiz.scores.store import open_store

    player = _cleaned(player)
    summary = open_store().stats(player)
    if as_json:
        print_json(_stats_json(summary))
        return
    out = console()
    if not summary.games:
        who = f" for {player}" if player else ""
        out.print(safe(f"No games yet{who}: run quiz play"), markup=False)
        return
    from quiz.bank.loader import load_bank
    from quiz.terminal.render_scores import stats_view

    prompts = {q.id: q.prompt for q in load_bank().questions}
    out.print(stats_view(summary, prompts))


def _tallies(tallies: tuple[Tally, ...], key: str) -> list[dict[str, object]]:
    return [
        {
            key: t.name,
            "correct": t.correct,
            "attempts": t.attempts,
            "accuracy": round(t.accuracy, 4),
        }
        for t in tallies
    ]


def _stats_json(summary: Stats) -> dict[str, object]:
    return {
        "player": summary.player,
        "games": summary.games,
        "best": summary.best,
        "average": round(summary.average, 1),
        "accuracy": round(summary.accuracy, 4),
        "by_topic": _tallies(summary.by_topic, "topic"),
        "by_difficulty": _tallies(summary.by_difficulty, "difficulty"),
        "hardest": _tallies(summary.hardest, "question_id"),
        "history": list(summary.history),
        "players": [
            {
                "player": p.player,
                "games": p.games,
                "best": p.best,
                "average": round(p.average, 1),
                "accuracy": round(p.accuracy, 4),
                "last_played": p.last_played,
            }
            for p in summary.players
        ],
    }
