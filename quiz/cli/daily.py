"""`quiz daily` and `quiz scores --daily`: the day's five questions for everyone, and its board."""

from __future__ import annotations

from datetime import date

from quiz.cli.given import name_given
from quiz.cli.options import NameOption, PlainOption


def daily(player: NameOption = None, plain: PlainOption = False) -> None:
    """Play today's challenge: the same 5 built-in questions for everyone on this UTC date.

    Your first attempt of the day is ranked on the day's board; later ones play unranked.
    The end shows your day streak: the days in a row with a ranked attempt.

    \b
    Examples:
      quiz daily
      quiz scores --daily
    """
    from quiz.cli.daily_session import run_daily

    run_daily(name_given(player), plain=plain)


def show_board(day: date | None, limit: int, *, as_json: bool, local: bool = False) -> None:
    """One day's board (today's, UTC, by default), best first."""
    from quiz.output import console, print_json
    from quiz.scores import clock
    from quiz.scores.store import open_store

    today = clock.now().date()
    day = day or today
    entries = open_store(local=local).daily_board(day)[:limit]
    if as_json:
        print_json([entry.as_json() for entry in entries])
        return
    out = console()
    if not entries:
        out.print(empty_board_line(day, today), markup=False)
        return
    from quiz.terminal.render_daily import daily_table

    out.print(daily_table(day, entries))


def empty_board_line(day: date, today: date) -> str:
    """What a day's board with no attempt says: only today's challenge can still be played."""
    challenge = f"the {day.isoformat()} challenge"
    if day == today:
        return f"No ranked attempts at {challenge} yet: run quiz daily"
    if day < today:
        return f"No ranked attempts at {challenge}; a challenge is played on its own day (UTC)."
    return f"No attempts at {challenge}: it opens on that day (UTC)."
