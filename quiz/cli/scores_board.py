"""The high-score board of `quiz scores`, without typer: the quick path runs it too."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from quiz import output
from quiz.cli.store_words import noticing
from quiz.errors import UsageError
from quiz.models import Mode
from quiz.output import console, print_json, safe, say
from quiz.scores.kinds import GameKind

if TYPE_CHECKING:
    from quiz.scores.rows import RankedGame
    from quiz.scores.store import ScoreStore

STANDARD = GameKind()
EMPTY_BOARDS = {
    "normal": "No games yet: run quiz play",
    "lives": "No survival games yet: run quiz play --lives 3",
    "party": "No party games yet: run quiz party",
    "live": "No live games yet: run quiz host",
}


def _pick_board(mode: str, count: int | None, timed: bool) -> GameKind:
    if timed and mode != Mode.NORMAL:
        raise UsageError(
            f"--timed picks a board of normal games; it does not go with --mode {mode}"
        )
    if count is not None and mode in (Mode.PARTY, Mode.LIVE):
        raise UsageError(f"{mode} games share one board; --count does not go with --mode {mode}")
    return GameKind.board(mode, count, timed)


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
    count: int | None = None,
    timed: bool = False,
    every_kind: bool = False,
) -> None:
    """`quiz scores` with the options typer or the fast path read, by their parameter names."""
    mode = str(mode)
    if room is not None:
        if party is not None:
            raise UsageError("--room and --party do not go together: a room is not a party")
        mode, party = "live", room
    if daily or day is not None:
        board = None if mode == Mode.NORMAL else mode
        _check_daily(
            day,
            daily,
            player=player,
            topic=topic,
            since=since,
            reset=reset,
            mode=board,
            party=party,
            count=count,
            timed=timed,
            all=every_kind,
        )
        from quiz.cli.daily import show_board

        with noticing():
            show_board(day, limit, as_json=as_json, local=local)
        return
    with noticing():
        show_scores(
            limit,
            player,
            topic,
            since,
            mode,
            party,
            as_json,
            local,
            reset,
            yes,
            count=count,
            timed=timed,
            every_kind=every_kind,
        )


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
    mode: str = Mode.NORMAL,
    party: str | None = None,
    as_json: bool = False,
    local: bool = False,
    reset: bool = False,
    yes: bool = False,
    count: int | None = None,
    timed: bool = False,
    every_kind: bool = False,
) -> None:
    """The best games of a board (or of every board, or of one party), or a reset."""
    from quiz.scores.store import open_store

    store = open_store(local=local)
    player, topic = cleaned(player), cleaned(topic)
    if reset:
        _reset(store, yes)
        return
    kind = _pick_board(mode, count, timed)
    if topic is not None:
        from quiz.engine.filters import match_topic

        played = store.played_topics()
        topic = match_topic(topic, played, "of any saved game") if played else topic
    if party is not None and mode == Mode.LIVES:
        raise UsageError("--party shows one party's games; it does not go with --mode lives")
    party_id = _party_id(store, party, mode) if party is not None else None
    kinds: list[GameKind | None] = [kind]
    if party_id is not None:
        kinds = [None]  # a party's games, whatever their kind
    elif every_kind:
        kinds = list(store.kinds())
    elif mode == Mode.LIVES and count is None:  # every survival board, one a number of lives
        every_kind = True
        kinds = [k for k in store.kinds() if k.mode == Mode.LIVES]
    boards = [
        (k, store.top_games(limit, player, topic, since, kind=k, party=party_id)) for k in kinds
    ]
    if party_id is not None:
        boards = [(k, placed(games)) for k, games in boards]
    if as_json:
        print_json([g.as_json() for _, games in boards for g in games])
        return
    out = console()
    boards = [(k, games) for k, games in boards if games or not every_kind]
    if not any(games for _, games in boards):
        filtered = player is not None or topic is not None or since is not None
        out.print("No games match these filters." if filtered else _empty(kind, every_kind))
        return
    from quiz.terminal.board_titles import board_title
    from quiz.terminal.render_scores import score_table

    newest = store.newest_game_id()
    for n, (k, games) in enumerate(boards):
        if n:
            out.print()
        if party_id is not None:
            group = "Room" if mode == Mode.LIVE else "Party"
            out.print(f"{group} {party_id}", style="bold", markup=False)
        elif k is not None and (every_kind or k != STANDARD):
            out.print(board_title(k), style="bold", markup=False)
        out.print(score_table(games, newest, out.width))


def _empty(kind: GameKind, every_kind: bool) -> str:
    if kind.mode != Mode.NORMAL or kind == STANDARD or every_kind:
        return EMPTY_BOARDS[kind.mode]
    return f"No games on this board yet ({kind.text}); quiz scores --all lists every board"


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
