"""A whole `quiz party`: players, the plan of rounds, plain or interactive, saving each game."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from quiz import output
from quiz.cli.game_runner import party_stopping, play_party, use_plain
from quiz.cli.picking import Pick
from quiz.cli.replay import board_command, party_replay_command
from quiz.cli.saving import Recorder
from quiz.engine.filters import Filters
from quiz.engine.party import (
    MAX_PLAYERS,
    MIN_PLAYERS,
    Party,
    check_players,
    plan_party,
)
from quiz.engine.players import check_names, name_problem
from quiz.errors import UsageError
from quiz.models import GameResult, GameSettings, Question
from quiz.output import safe
from quiz.terminal.formatting import count_of


@dataclass(frozen=True)
class PartyRequest:
    """Everything `quiz party` was asked for on the command line."""

    pick: Pick = field(default_factory=Pick)
    players: tuple[str, ...] = ()
    rounds: int = 5
    time_limit: int | None = None
    plain: bool = False
    lifeline: bool = False


def _ask_players(given: tuple[str, ...]) -> tuple[str, ...]:
    """The players given, then more typed in until an empty line (2 at least, 8 at most)."""
    from quiz.terminal import prompts

    names = check_names(given)
    prompts.tell(
        f"Who is playing? Type a name for each player ({MIN_PLAYERS} to {MAX_PLAYERS},"
        " in turn order); an empty name starts the party."
    )
    while len(names) < MAX_PLAYERS:
        done = len(names) >= MIN_PLAYERS

        def valid(text: str, done: bool = done) -> bool | str:
            if done and not text.strip():
                return True
            return name_problem(text, names) or True

        name = safe(prompts.write(f"Player {len(names) + 1}:", validate=valid))
        if not name:
            break
        names.append(name)
    return check_players(names)


def _players(request: PartyRequest, interactive: bool) -> tuple[str, ...]:
    if len(request.players) >= MIN_PLAYERS or not interactive:
        if len(request.players) < MIN_PLAYERS:
            raise UsageError(
                f"a party needs {MIN_PLAYERS} to {MAX_PLAYERS} players:"
                " give each with --player NAME"
            )
        return check_players(request.players)
    return _ask_players(request.players)


def _new_party(
    request: PartyRequest,
    questions: tuple[Question, ...],
    filters: Filters,
    players: tuple[str, ...],
    notices: list[str],
) -> Party:
    """The party asked for; `notices` gets what the players should know first (fewer rounds)."""
    seed = request.pick.first_seed()
    plan = plan_party(questions, filters, len(players), request.rounds, seed)
    if plan.rounds < request.rounds:
        notices.append(
            f"Only enough questions for {count_of(plan.rounds, 'round')} of {len(players)}"
            f" players ({filters.named() or 'the whole bank'}); playing {plan.rounds}."
        )
    settings = GameSettings(
        seed=seed,
        topics=filters.topics,
        difficulties=filters.difficulties,
        types=filters.types,
        time_limit=request.time_limit,
        lifeline=request.lifeline,
        party_id=uuid.uuid4().hex[:8],
    )
    return Party(players, plan, settings)


def _save(results: list[GameResult], recorder: Recorder, settings: GameSettings) -> str | None:
    """Save every player's game; the line that says where to find them, if saved."""
    saved = [recorder.record(result) for result in results]
    return (
        f"Saved as party {settings.party_id}: {board_command(settings)}"
        if all(line is not None for line in saved)
        else None
    )


def run_party(request: PartyRequest, *, save: bool) -> None:
    """Play one party to the podium, then save each player's game with the party id."""
    plain = use_plain(request.plain)
    questions, filters = request.pick.load()
    with party_stopping():
        notices: list[str] = []
        party = _new_party(request, questions, filters, _players(request, not plain), notices)
        recorder = Recorder(save=save)
        results = play_party(party, plain=plain, notices=notices)
    settings = party.games[0].settings
    saved = _save(results, recorder, settings)
    lines = [saved] if saved else []
    lines.append(
        f"Replay this exact party: {party_replay_command(party.players, request.rounds, settings)}"
    )
    if plain:
        print("\n".join(lines), flush=True)
    else:
        from rich.text import Text

        output.console().print(Text("\n".join(lines)))
