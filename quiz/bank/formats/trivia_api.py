"""The Trivia API JSON: a list of questions with `correctAnswer` and `incorrectAnswers`."""

from __future__ import annotations

from quiz.bank.formats.items import FormatError, Item, Source, as_item

NAME = "trivia-api"
SOURCE = "The Trivia API"
# The display names of the API's category slugs (version 2 sends the slugs).
CATEGORIES = {
    "arts_and_literature": "Arts & Literature",
    "film_and_tv": "Film & TV",
    "food_and_drink": "Food & Drink",
    "general_knowledge": "General Knowledge",
    "geography": "Geography",
    "history": "History",
    "music": "Music",
    "science": "Science",
    "society_and_culture": "Society & Culture",
    "sport_and_leisure": "Sport & Leisure",
}


def looks_like(source: Source) -> bool:
    data = source.json
    return isinstance(data, list) and any(
        isinstance(entry, dict) and "correctAnswer" in entry and "incorrectAnswers" in entry
        for entry in data
    )


def _text(value: object) -> str | None:
    """A question is a string (version 1) or an object holding `text` (version 2)."""
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else None


def _once(options: list[str], where: int, notes: list[str]) -> list[str]:
    """The options with a repeated one kept once, noted for the report."""
    kept: dict[str, str] = {}
    for option in options:
        key = " ".join(option.casefold().split())
        if key in kept:
            notes.append(f"#{where}: the option '{option}' is listed twice; kept once")
        else:
            kept[key] = option
    return list(kept.values())


def _convert(entry: object, where: int, notes: list[str]) -> dict[str, object] | str:
    if not isinstance(entry, dict):
        return f"not an object but {type(entry).__name__}"
    if str(entry.get("type", "")).startswith("image"):
        return "an image question (its answers are pictures)"
    prompt = _text(entry.get("question"))
    right, wrong = entry.get("correctAnswer"), entry.get("incorrectAnswers")
    if prompt is None:
        return "'question' must be a string or an object with 'text'"
    if not isinstance(right, str):
        return "'correctAnswer' must be a string"
    if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
        return "'incorrectAnswers' must be a list of strings"
    category = entry.get("category")
    topic = CATEGORIES.get(category, category) if isinstance(category, str) else ""
    difficulty = entry.get("difficulty")
    return {
        "topic": topic.strip(),
        "difficulty": difficulty.strip().lower() if isinstance(difficulty, str) else "",
        "type": "choice",
        "prompt": prompt.strip(),
        "choices": _once([right.strip(), *(w.strip() for w in wrong)], where, notes),
        "answers": [right.strip()],
        "explanation": "",
        "source": SOURCE,
    }


def read(source: Source) -> list[Item]:
    data = source.json_or_fail("The Trivia API")
    if isinstance(data, dict) and isinstance(data.get("questions"), list):
        data = data["questions"]
    if not isinstance(data, list):
        raise FormatError(f"{source.path}: The Trivia API sends a JSON list of questions")
    return [as_item(n, _convert(entry, n, source.notes)) for n, entry in enumerate(data, start=1)]
