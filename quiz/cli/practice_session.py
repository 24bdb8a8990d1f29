"""A practice session: due cards and new questions played unranked, then what comes next."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from quiz.cli.game_runner import choose_player, play_game, show_end, use_plain
from quiz.cli.picking import Pick
from quiz.engine.game import Game
from quiz.engine.practice import due_per_day, next_due, plan_practice
from quiz.models import GameSettings, Question
from quiz.output import console, note, print_json
from quiz.scores import clock
from quiz.scores.recorder import login_name
from quiz.scores.store import ScoreStore, open_store
from quiz.terminal.review_words import due_days_line, next_review_line, plan_line

UNRANKED = "Practice: not ranked in the high scores"


@dataclass(frozen=True)
class PracticeRequest:
    """Everything `quiz practice` was asked for on the command line."""

    pick: Pick = field(default_factory=Pick)
    count: int = 10
    player: str | None = None
    plain: bool = False


def _schedule(store: ScoreStore, player: str, pool: Sequence[Question]) -> dict[str, datetime]:
    """When each of these questions is next due for the player; questions no longer in the
    bank are left out, as practice could not ask them."""
    due = store.review_schedule(player)
    return {q.id: due[q.id] for q in pool if q.id in due}


def _pool(request: PracticeRequest) -> tuple[tuple[Question, ...], list[Question]]:
    """The effective bank, and the part of it the topics allow."""
    questions, filters = request.pick.load()
    return questions, filters.apply(questions)


def run_practice(request: PracticeRequest) -> None:
    questions, pool = _pool(request)
    store = open_store()
    plain = use_plain(request.plain)
    player = choose_player(
        request.player, lambda: store.default_player() or login_name(), plain=plain
    )
    now, scheduled = clock.now(), _schedule(store, player, pool)
    plan = plan_practice(pool, scheduled, now, request.count)
    if not plan.asked:
        note(
            f"Nothing to practise for {player} today. {next_review_line(next_due(scheduled), now)}"
        )
        return
    game = Game(plan.asked, GameSettings(seed=0, count=len(plan.asked)))
    notices = [plan_line(player, plan.reviews, plan.new)]
    result = play_game(game, player, plain=plain, notices=notices)
    store.save_practice(result)
    after = clock.now()
    due = _schedule(store, player, questions)
    (_, today), (_, tomorrow) = due_per_day(due, after.date())[:2]  # as --status counts them
    lines = [due_days_line(today, tomorrow), next_review_line(next_due(due), after)]
    show_end(result, plain=plain, headline=UNRANKED, notes=lines)


def show_status(request: PracticeRequest, *, as_json: bool) -> None:
    """How many of the player's questions fall due on each of the next 7 UTC days."""
    _, pool = _pool(request)
    store = open_store()
    player = request.player or store.default_player() or login_name()
    due = _schedule(store, player, pool)
    days = due_per_day(due, clock.now().date())
    unseen = len(pool) - len(due)
    if as_json:
        upcoming = next_due(due)
        print_json(
            {
                "player": player,
                "days": [{"date": day.isoformat(), "due": n} for day, n in days],
                "unseen": unseen,
                "next_due": clock.stamp(upcoming) if upcoming else None,
            }
        )
        return
    from quiz.terminal.render_practice import status_view

    console().print(status_view(player, days, unseen))
