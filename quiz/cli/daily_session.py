"""A daily challenge attempt: ranked the first time a day, the day's board, the streak."""

from __future__ import annotations

from datetime import date

from quiz.bank.loader import load_bank
from quiz.cli.game_runner import choose_player, play_game, show_end, use_plain
from quiz.cli.saving import Recorder
from quiz.engine.daily import DAILY_COUNT, daily_questions, daily_seed, day_streak
from quiz.engine.game import Game
from quiz.models import GameResult, GameSettings
from quiz.scores import clock
from quiz.scores.rows import DailyEntry
from quiz.terminal.formatting import count_of
from quiz.terminal.review_words import streak_line


def _entry(board: list[DailyEntry] | None, player: str) -> DailyEntry | None:
    return next((entry for entry in board or () if entry.player == player), None)


def _placing(day: date, player: str, ranked: bool, board: list[DailyEntry]) -> str:
    mine = _entry(board, player)
    if mine is None:
        return ""
    if ranked:
        return f"#{mine.rank} of {len(board)} on the {day.isoformat()} board"
    return (
        f"Unranked: your first attempt at the {day.isoformat()} challenge stands"
        f" ({count_of(mine.score, 'point')}, #{mine.rank} of {len(board)})"
    )


def _record(recorder: Recorder, day: date, result: GameResult) -> tuple[str | None, list[str]]:
    """Save the attempt; where it stands, and the day streak (nothing when not saved)."""
    ranked = recorder.attempt(lambda store: store.save_daily(day, result))
    board = recorder.attempt(lambda store: store.daily_board(day))
    days = recorder.attempt(lambda store: store.daily_days(result.player))
    if ranked is None or board is None or days is None:
        return None, []
    return _placing(day, result.player, ranked, board), [streak_line(day_streak(days, day))]


def run_daily(player_given: str | None, *, plain: bool) -> None:
    plain = use_plain(plain)
    day = clock.now().date()
    asked = daily_questions(load_bank(user=False).questions, day)
    recorder = Recorder(save=True)
    player = choose_player(player_given, recorder.default_player, plain=plain)
    earlier = _entry(recorder.attempt(lambda store: store.daily_board(day)), player)
    if earlier is not None:
        notice = (
            f"{player} already played the {day.isoformat()} challenge ({count_of(earlier.score, 'point')});"
            " this attempt is unranked."
        )
    else:
        ranked = "one ranked try" if recorder.store else "this attempt cannot be saved"
        notice = f"Daily challenge for {day.isoformat()} (UTC): {DAILY_COUNT} questions, {ranked}."
    game = Game(asked, GameSettings(seed=daily_seed(day), count=len(asked)))
    result = play_game(game, player, plain=plain, notices=[notice])
    headline, lines = _record(recorder, day, result)
    show_end(result, plain=plain, headline=headline, notes=lines)
