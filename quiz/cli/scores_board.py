"""The high-score board of `quiz scores`, without typer: the quick path runs it too."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from quiz import output
from quiz.errors import UsageError
from quiz.output import console, print_json, safe, say

if TYPE_CHECKING:
    from quiz.scores.rows import RankedGame
    from quiz.scores.store import ScoreStore

EMPTY_BOARDS = {
    "normal": "No games yet: run quiz play",
    "lives": "No survival games yet: run quiz play --lives 3",
    "party": "No party games yet: run quiz party",
    "live": "No live games yet: run quiz host",
}
BOARD_TITLES = {
    "lives": "Survival games (quiz play --lives N)",
    "party": "Party games (quiz party)",
    "live": "Live games (quiz host)",
}


def scores_command(
    day: date | None,
    daily: bool,
    limit: int,
    player: str | None,
    topic: str | None,
    since: date | None,
    mode: str,
    party: str | None,
    room: str | None,
    as_json: bool,
    local: bool,
    reset: bool,
    yes: bool,
) -> None:
    """`quiz scores` with the options typer or the fast path read, by their parameter names."""
    mode = str(mode)
    if room is not None:
        if party is not None:
            raise UsageError("--room and --party do not go together: a room is not a party")
        mode, party = "live", room
    if daily or day is not None:
        board = None if mode == "normal" else mode
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
    show_scores(limit, player, topic, since, mode, party, as_json, local, reset, yes)


def _check_daily(day: date | None, daily: bool, **others: object) -> None:
    if not daily:
        raise UsageError(f"a date ('{day}') goes with --daily: quiz scores --daily {day}")
    clash = [name for name, value in others.items() if value not in (None, False)]
    if clash:
        raise UsageError(f"--daily shows one day's whole board; it does not take --{clash[0]}")


def show_scores(
    limit: int = 10,
    player: str | None = None,
    topic: str | None = None,
    since: date | None = None,
    mode: str = "normal",
    party: str | None = None,
    as_json: bool = False,
    local: bool = False,
    reset: bool = False,
    yes: bool = False,
) -> None:
    """The best games of a board (or of one party), or a reset when asked for."""
    from quiz.scores.store import open_store

    store = open_store(local=local)
    player, topic = cleaned(player), cleaned(topic)
    if reset:
        _reset(store, yes)
        return
    if topic is not None:
        from quiz.engine.filters import match_topic

        played = store.played_topics()
        topic = match_topic(topic, played, "of any saved game") if played else topic
    if party is not None and mode == "lives":
        raise UsageError("--party shows one party's games; it does not go with --mode lives")
    party_id = _party_id(store, party, mode) if party is not None else None
    games = store.top_games(limit, player, topic, since, mode=mode, party=party_id)
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
        group = "Room" if mode == "live" else "Party"
        out.print(f"{group} {party_id}", style="bold", markup=False)
    elif mode != "normal":
        out.print(BOARD_TITLES[mode], style="bold")
    out.print(score_table(games, store.newest_game_id(), out.width))


def _party_id(store: ScoreStore, wanted: str, mode: str) -> str:
    """The party `--party` names (or the live room `--room` names, in mode live): an id as
    shown after the game, or `last`."""
    noun, command = ("room", "host") if mode == "live" else ("party", "party")
    if wanted.strip().casefold() == "last":
        found = store.last_party("live" if mode == "live" else "party")
        if found is None:
            raise UsageError(f"no {noun} has been saved yet: run quiz {command}")
        return found
    party_id = wanted.strip().casefold()
    if not store.top_games(1, party=party_id):
        raise UsageError(f"no {noun} {wanted!r} in the scores (try --{noun} last)")
    return party_id


def placed(games: list[RankedGame]) -> list[RankedGame]:
    """A party's games ranked as on its podium: ties share a place."""
    from dataclasses import replace

    from quiz.engine.party import places

    return [
        replace(game, rank=place)
        for game, place in zip(games, places([g.score for g in games]), strict=True)
    ]


def cleaned(name: str | None) -> str | None:
    """A name as `quiz play` stores it: without control characters or undecodable bytes."""
    return None if name is None else safe(name)


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
