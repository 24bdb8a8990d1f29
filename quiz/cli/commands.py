"""The table of `quiz` commands: name -> where it lives and its one-line summary.

Nothing here imports typer or a command: `quiz --help` lists the summaries, and running a
command imports that command's module alone (pip's pattern).
"""

from __future__ import annotations

from typing import NamedTuple

COMPLETE_VAR = "_QUIZ_COMPLETE"  # set by the shell script of `quiz completion` when it asks


class Entry(NamedTuple):
    """Where a command's typer function (or sub-app) lives, and what `quiz --help` says of it."""

    module: str
    attribute: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "play": Entry(
        "quiz.cli.play", "play", "Play a quiz: answer, build streaks, beat the high score."
    ),
    "party": Entry(
        "quiz.cli.party", "party", "Play a party on one keyboard: 2-8 players take turns."
    ),
    "host": Entry(
        "quiz.cli.host",
        "host",
        "Host a live game: everyone answers the same question on their own terminal.",
    ),
    "join": Entry("quiz.cli.join", "join", "Join a live game that someone hosts with 'quiz host'."),
    "scores": Entry("quiz.cli.scores", "scores", "Show the high scores, best first."),
    "stats": Entry("quiz.cli.scores", "stats", "Show how you play: accuracy, weak spots, trend."),
    "add": Entry("quiz.cli.add", "add", "Add a question to your bank."),
    "practice": Entry(
        "quiz.cli.practice",
        "practice",
        "Practise what you are about to forget (spaced repetition, never ranked).",
    ),
    "daily": Entry(
        "quiz.cli.daily",
        "daily",
        "Play today's challenge: the same 5 built-in questions for everyone on this UTC date.",
    ),
    "share": Entry(
        "quiz.cli.share",
        "share",
        "Share your last game: score, one square a question, and the line that replays it.",
    ),
    "completion": Entry(
        "quiz.cli.completion",
        "completion",
        "Print a completion script for your shell: commands, options, topics and question ids.",
    ),
    "bank": Entry("quiz.cli.bank", "bank_app", "Browse, check and share the question bank."),
}
