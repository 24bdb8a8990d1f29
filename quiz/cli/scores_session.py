"""`quiz scores` without `--reset`: the best games as a table or JSON (no typer needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quiz.output import console, print_json

if TYPE_CHECKING:
    from datetime import date


def show_scores(
    limit: int = 10,
    player: str | None = None,
    topic: str | None = None,
    since: date | None = None,
    as_json: bool = False,
) -> None:
    """Print the best games that match, best first."""
    from quiz.scores.store import open_store

    store = open_store()
    if topic is not None:
        from quiz.engine.filters import match_topic

        played = store.played_topics()
        topic = match_topic(topic, played, "of any saved game") if played else topic
    games = store.top_games(limit, player, topic, since)
    if as_json:
        print_json([g.as_json() for g in games])
        return
    out = console()
    if not games:
        filtered = player is not None or topic is not None or since is not None
        out.print("No games match these filters." if filtered else "No games yet: run quiz play")
        return
    from quiz.terminal.render_scores import score_table

    out.print(score_table(games, store.newest_game_id(), out.width))
