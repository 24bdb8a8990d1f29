"""`quiz practice`: review the questions FSRS says are due, or see what is coming."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz.cli.given import name_given
from quiz.cli.options import (
    BankOption,
    NameOption,
    PlainOption,
    TopicOption,
    WholeNumber,
)
from quiz.errors import UsageError


def practice(
    count: Annotated[
        int,
        typer.Option(
            "--count",
            "-n",
            click_type=WholeNumber(1),
            metavar="N",
            help="At most this many questions.",
        ),
    ] = 10,
    topic: TopicOption = None,
    player: NameOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    status: Annotated[
        bool,
        typer.Option(
            "--status", help="Show how many questions fall due on each of the next 7 days."
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="With --status: JSON on stdout instead of a table.")
    ] = False,
) -> None:
    """Practise what you are about to forget (spaced repetition, never ranked).

    Every question you answer, in any game or here, gets a review card that FSRS schedules:
    a miss comes back the same day, a right answer after days, then weeks. Practice asks the
    questions due today (UTC), most overdue first, then ones you have never seen.

    \b
    Examples:
      quiz practice
      quiz practice --count 5 --topic pam
      quiz practice --status --json
    """
    from quiz.cli.picking import Pick
    from quiz.cli.practice_session import PracticeRequest, run_practice, show_status

    if as_json and not status:
        raise UsageError("--json goes with --status (quiz practice --status --json)")
    request = PracticeRequest(
        pick=Pick(topics=tuple(topic or ()), banks=tuple(bank or ())),
        count=count,
        player=name_given(player),
        plain=plain,
    )
    if status:
        show_status(request, as_json=as_json)
    else:
        run_practice(request)
