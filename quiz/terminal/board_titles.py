"""What a high-score board holds, in words over its table: on `quiz scores` and at a game's end."""

from __future__ import annotations

from quiz.models import Mode
from quiz.scores.kinds import GameKind
from quiz.terminal.formatting import count_of

BOARD_TITLES = {
    "party": "Party games (quiz party)",
    "live": "Live games (quiz host)",
}


def board_title(kind: GameKind) -> str:
    """`Normal games: 20 questions, timed`, `Survival games (quiz play --lives 3)`."""
    if kind.mode == Mode.NORMAL:
        questions = count_of(kind.count or 0, "question")
        return f"Normal games: {questions}, {'timed' if kind.timed else 'untimed'}"
    if kind.mode == Mode.LIVES:
        return f"Survival games (quiz play --lives {kind.lives})"
    return BOARD_TITLES.get(kind.mode, f"{kind.mode.capitalize()} games")
