"""`quiz daily` and `quiz scores --daily`: the day's five questions for everyone, and its board."""

from __future__ import annotations

import re
from datetime import date

from quiz.cli.options import NameOption, PlainOption, name_given
from quiz.errors import UsageError

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date, or a usage error that says so."""
    try:
        if ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(f"'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-11-27")


def show_board(day_text: str | None, limit: int, *, as_json: bool) -> None:
    """One day's board (today's, UTC, by default), best first."""
    from quiz.output import console, print_json
    from quiz.scores import clock
    from quiz.scores.store import open_store

    day = parse_day(day_text) if day_text is not None else clock.now().date()
    entries = open_store().daily_board(day)[:limit]
    if as_json:
        print_json([entry.as_json() for entry in entries])
        return
    out = console()
    if not entries:
        out.print(f"No ranked attempts at the {day.isoformat()} challenge yet: run quiz daily")
        return
    from quiz.terminal.render_daily import daily_table

    out.print(daily_table(day, entries, out.width))
