"""Normalising and comparing typed text: answers, prompts and near-duplicates."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

TYPO_THRESHOLD = 85.0
MIN_FUZZY_LETTERS = 5
MAX_TYPED_CHARS = 500  # longer than any answer: refused before any parsing
_JOINING = re.compile(r"[.'\u2019`]")  # B.J. = BJ, ain't = aint
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an|a) (?=.)")

_ORDINAL = re.compile(r"\b([0-9]+)(?:st|nd|rd|th)\b")
_LETTERS_THEN_DIGITS = re.compile(r"\b([a-z]{1,3})([0-9]+)\b")  # s7, ep3
_ROMAN = re.compile(r"\b(?=[ivx]{2,}\b)(x{0,3})(ix|iv|v?i{0,3})\b")  # ii..xxxix, not "i" or "v"
_ROMAN_ONES = {
    **{"": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5},
    **{"vi": 6, "vii": 7, "viii": 8, "ix": 9},
}
# Words a person puts around a number without changing it: "in 2004", "the number 3".
_FILLERS = frozenset({"in", "the", "number", "no", "minus", "negative", "percent"})
# Marks that normalising drops though an answer hinges on them: a minus sign ("-40"), maths
# and currency symbols and emoji ("C++", "£5", "😀"), "#" and "%" ("C#", "5%").
_MARK_CATEGORIES = frozenset({"Sm", "Sc", "So"})
_MARK_CHARACTERS = frozenset("#%")
_SIGN = re.compile(r"(?:^|(?<=\s))([+-])(?=[0-9])")
# The words that answer a true/false question, in any case: t/f, yes/no, y/n.
_TRUTH_WORDS = {
    **dict.fromkeys(("true", "t", "yes", "y"), "true"),
    **dict.fromkeys(("false", "f", "no", "n"), "false"),
}


def truth_word(word: str) -> str | None:
    """ "true" or "false" for a word that answers a true/false question; None for others."""
    return _TRUTH_WORDS.get(word.strip().casefold())


_SAID_MARKS = {"minus": "-", "negative": "-", "percent": "%"}
# Nouns that count something; one may stand beside the number when the question asks for it.
_UNITS = frozenset({"season", "episode", "year", "time", "part", "series"})
_ABBREVIATIONS = {"s": "season", "e": "episode", "ep": "episode", "eps": "episode", "yr": "year"}
_ASKED = re.compile(r"\b(?:how many|which|what) ([a-z]+)")
_NOT_A_UNIT = frozenset({"is", "was", "are", "were", "did", "does", "do", "has", "had", "of"})


# Cached: the add wizard compares a prompt with every prompt of the bank at each keystroke.
@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, fold spaces, drop a leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", _JOINING.sub("", plain.casefold())).strip()
    return _LEADING_ARTICLE.sub("", words)


def _roman(match: re.Match[str]) -> str:
    tens, ones = match.groups()
    return str(10 * len(tens) + _ROMAN_ONES[ones])


def answer_key(text: str) -> str:
    """`normalise`, with every number in digits: number words (via text2num), ordinals
    (`7th`) and Roman numerals from II up, so "Part Two", "Part II" and "Part 2" are one key."""
    from text_to_num import alpha2digit  # imported here: only typed answers need it

    words = normalise(text)
    if not words:
        return ""
    digits: str = alpha2digit(words, "en", threshold=0)
    digits = _LETTERS_THEN_DIGITS.sub(r"\1 \2", _ORDINAL.sub(r"\1", digits))
    return _ROMAN.sub(_roman, digits)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def asked_units(prompt: str) -> frozenset[str]:
    """The counting nouns a question asks for: "How many seasons" and "which season" give
    `season`; the built-in units always count when the answer itself names them."""
    found = {_singular(w) for w in _ASKED.findall(normalise(prompt)) if w not in _NOT_A_UNIT}
    return frozenset(found)


def number_reading(key: str, units: frozenset[str]) -> int | None:
    """The one number an answer key states, allowing fillers and the given units around
    it ("season 7", "in 2004", "9 seasons"); None when it says anything more."""
    numbers: list[int] = []
    for word in key.split():
        if word.isascii() and word.isdigit() and len(word) <= 6:
            numbers.append(int(word))
        elif word in _FILLERS or _singular(_ABBREVIATIONS.get(word, word)) in units:
            continue
        else:
            return None
    if len(numbers) == 2 and all(10 <= n <= 99 for n in numbers):  # "nineteen ninety"
        return numbers[0] * 100 + numbers[1]
    return numbers[0] if len(numbers) == 1 else None


@dataclass(frozen=True, slots=True)
class TextVerdict:
    correct: bool
    typo_forgiven: bool = False


def _has_number(key: str) -> bool:
    return any(ch.isdigit() for ch in key)


def _fuzzy_allowed(key: str) -> bool:
    letters = sum(ch.isalpha() for ch in key)
    return letters >= MIN_FUZZY_LETTERS and not _has_number(key)


def _same_number(typed: str, accepted: list[str], prompt: str) -> bool:
    asked = asked_units(prompt)
    readings = {number_reading(a, asked | _UNITS) for a in accepted} - {None}
    if not readings:
        return False
    answer_units = {_singular(w) for a in accepted for w in a.split() if _singular(w) in _UNITS}
    return number_reading(typed, asked | answer_units) in readings


def marks(text: str) -> str:
    """The marks of `marks` categories in `text`, in order, with the words that say them
    ("minus forty", "5 percent") read as the marks; a "+" sign before a number is no mark."""
    said = "".join(_SAID_MARKS.get(word, "") for word in text.casefold().split())
    # A number's sign, told from a hyphen: "-40" is marked, "+40" is 40.
    text = _SIGN.sub(lambda m: "\u2212" if m.group(1) == "-" else "", text)
    found = "".join(
        "-" if ch == "\u2212" else ch
        for ch in text
        if ch == "\u2212" or ch in _MARK_CHARACTERS or unicodedata.category(ch) in _MARK_CATEGORIES
    )
    return said + found


def judge_text(
    given: str, answers: tuple[str, ...], reject: tuple[str, ...] = (), prompt: str = ""
) -> TextVerdict:
    """Whether a typed answer matches: exactly after normalising, as the same number (in
    words or digits, with the units `prompt` asks for), or within typo tolerance. An answer
    that hinges on marks (`C#`, `-40`, an emoji) needs the same marks typed."""
    if len(given) > MAX_TYPED_CHARS or not given.strip():
        return TextVerdict(correct=False)
    answers = tuple(a for a in answers if marks(a) == marks(given))
    if not answers:
        return TextVerdict(correct=False)
    typed = answer_key(given)
    if not typed:  # nothing but marks, such as an emoji: they must be the same
        return TextVerdict(correct=any(option_key(a) == option_key(given) for a in answers))
    accepted = [answer_key(a) for a in answers]
    if typed in accepted:
        return TextVerdict(correct=True)
    refused = [answer_key(r) for r in reject]
    if typed in refused:
        return TextVerdict(correct=False)
    if _same_number(typed, accepted, prompt):
        return TextVerdict(correct=True)
    if _has_number(typed):  # numbers are never typos: a sequel is not its original
        return TextVerdict(correct=False)
    from rapidfuzz import fuzz  # imported here: loading a bank only needs normalise()

    best = max((fuzz.ratio(typed, a) for a in accepted if _fuzzy_allowed(a)), default=0.0)
    if best < TYPO_THRESHOLD:
        return TextVerdict(correct=False)
    # A typo closer to a known look-alike than to the answer is that look-alike.
    if any(fuzz.ratio(typed, r) >= best for r in refused):
        return TextVerdict(correct=False)
    return TextVerdict(correct=True, typo_forgiven=True)


_WORD = re.compile(r"[^\W_]+")


def spaced_words(text: str) -> str:
    """Lower-case words with one space either side of each, punctuation read as spaces, so
    that `phrase in text` finds whole words: " karen s desk " holds " karen "."""
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def telling_words(answer: str) -> str:
    """An answer as `spaced_words`, when seeing it elsewhere gives it away; empty for an
    answer of fewer than 5 letters, a number (in digits or words) or true/false."""
    if sum(ch.isalpha() for ch in answer) < MIN_FUZZY_LETTERS:
        return ""
    if normalise(answer) in ("true", "false") or answer_key(answer).replace(" ", "").isdigit():
        return ""
    return spaced_words(answer)


def option_key(text: str) -> str:
    """What makes two options the same option: only case and spacing are folded, so signs,
    symbols and accents still tell options apart (`-40`/`+40`, `C#`/`C++`, `Brasil`/`Brasília`)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
