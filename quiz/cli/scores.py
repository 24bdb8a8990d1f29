"""`quiz scores` and `quiz stats`: the high-score table and what a player's games say."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from quiz.cli.options import Day, JsonOption, WholeNumber, complete_player, complete_topic
from quiz.models import Mode
from quiz.output import console, print_json, safe

if TYPE_CHECKING:
    from quiz.scores.rows import Stats, Tally

PlayerOption = Annotated[
    str | None,
    typer.Option(
        "--player",
        metavar="NAME",
        help="Only this player's games (name in any case).",
        autocompletion=complete_player,
    ),
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
        Mode,
        typer.Option(
            "--mode",
            metavar="[normal|lives|party|live]",
            help="Which board: normal games, survival (--lives) games, party games, or"
            " live games (quiz host).",
        ),
    ] = Mode.NORMAL,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            click_type=WholeNumber(1),
            metavar="N",
            help="The board of N-question games (with --mode lives: of N lives). Default 10.",
            show_default=False,
        ),
    ] = None,
    timed: Annotated[
        bool, typer.Option("--timed", help="The board of games played with a time limit.")
    ] = False,
    every_kind: Annotated[
        bool, typer.Option("--all", help="Every board, one table each, top --limit of each.")
    ] = False,
    party: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="One party's games together, placed (ties share a place); 'last' for the latest.",
        ),
    ] = None,
    room: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="One live room's games together, placed; 'last' for the latest room.",
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

    Games compare like with like: each kind (mode, number of questions, timed or not) has a
    board of its own, and the standard one is 10 untimed questions. Ties go to the earlier
    game; the newest game is starred.

    \b
    Examples:
      quiz scores --limit 20
      quiz scores --count 20 --timed
      quiz scores --all
      quiz scores --player Pam --since 2026-01-01 --json
      quiz scores --mode lives
      quiz scores --party last
      quiz scores --room last
      quiz scores --reset
      quiz scores --daily 2026-11-27
      quiz scores --local
    """
    given = locals()  # the fast path (quiz.cli.fast) calls scores_command with the same names
    from quiz.cli.scores_board import scores_command

    scores_command(**given)


def stats(player: PlayerOption = None, as_json: JsonOption = False) -> None:
    """Show how you play: accuracy, weak spots, trend.

    Games, best and average score, accuracy by topic and by difficulty as bars, the
    questions that beat you most, and your recent scores.

    \b
    Examples:
      quiz stats
      quiz stats --player Pam --json
    """
    from quiz.cli.scores_board import cleaned
    from quiz.cli.store_words import noticing
    from quiz.scores.store import open_store

    player = cleaned(player)
    with noticing():
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
