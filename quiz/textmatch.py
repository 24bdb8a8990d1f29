"""Normalising and comparing typed text: answers, prompts and near-duplicates."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

TYPO_THRESHOLD = 85.0
MIN_FUZZY_LETTERS = 5
_JOINING = re.compile(r"[.'\u2019`]")  # B.J. = BJ, ain't = aint
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an|a) (?=.)")


# Cached: the add wizard compares a prompt with every prompt of the bank at each keystroke.
@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, fold spaces, drop a leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", _JOINING.sub("", plain.casefold())).strip()
    return _LEADING_ARTICLE.sub("", words)


@dataclass(frozen=True, slots=True)
class TextVerdict:
    correct: bool
    typo_forgiven: bool = False


def _fuzzy_allowed(answer: str) -> bool:
    letters = sum(ch.isalpha() for ch in answer)
    return letters >= MIN_FUZZY_LETTERS and not any(ch.isdigit() for ch in answer)


def judge_text(given: str, answers: tuple[str, ...], reject: tuple[str, ...] = ()) -> TextVerdict:
    """Whether a typed answer matches: exactly after normalising, or within typo tolerance."""
    typed = normalise(given)
    if not typed:
        return TextVerdict(correct=False)
    accepted = [normalise(a) for a in answers]
    if typed in accepted:
        return TextVerdict(correct=True)
    refused = [normalise(r) for r in reject]
    if typed in refused:
        return TextVerdict(correct=False)
    from rapidfuzz import fuzz  # imported here: loading a bank only needs normalise()

    best = max((fuzz.ratio(typed, a) for a in accepted if _fuzzy_allowed(a)), default=0.0)
    if best < TYPO_THRESHOLD:
        return TextVerdict(correct=False)
    # A typo closer to a known look-alike than to the answer is that look-alike.
    if any(fuzz.ratio(typed, r) >= best for r in refused):
        return TextVerdict(correct=False)
    return TextVerdict(correct=True, typo_forgiven=True)


def option_key(text: str) -> str:
    """What makes two options the same option: only case and spacing are folded, so signs,
    symbols and accents still tell options apart (`-40`/`+40`, `C#`/`C++`, `Brasil`/`Brasília`)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
