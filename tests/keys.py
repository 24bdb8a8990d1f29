"""Keystrokes for the interactive prompts (pipe input and pty tests), and plain mode's answer lines."""

from __future__ import annotations

from quiz.models import AskedQuestion

DOWN, ENTER, SPACE, CTRL_C, CTRL_D, CTRL_U = "\x1b[B", "\r", " ", "\x03", "\x04", "\x15"


def keys_for(asked: AskedQuestion, option: str) -> str:
    """Arrow down to `option` of a choice question, then Enter."""
    return DOWN * asked.options.index(option) + ENTER


def order_keys(shown: tuple[str, ...], wanted: tuple[str, ...]) -> str:
    """Pick each wanted item among those left, until one is left (it comes last by itself)."""
    left, keys = list(shown), ""
    for item in wanted[:-1]:
        keys += DOWN * left.index(item) + ENTER
        left.remove(item)
    return keys


def right_keys(asked: AskedQuestion) -> str:
    """The keys that answer `asked` right, whatever its type."""
    q = asked.question
    if q.type == "text":
        return q.answers[0] + ENTER
    if q.type == "truefalse":
        return (DOWN if q.answers == ("false",) else "") + ENTER
    if q.type == "choice":
        return keys_for(asked, q.answers[0])
    if q.type == "order":
        return order_keys(asked.options, q.answers)
    return "".join((SPACE if o in q.answers else "") + DOWN for o in asked.options) + ENTER


def skip_keys(asked: AskedQuestion) -> str:
    """Down past the options (and the separator) to the skip entry, or an empty answer."""
    kind = asked.question.type
    if kind in ("choice", "order"):
        return DOWN * len(asked.options) + ENTER
    return DOWN * 2 + ENTER if kind == "truefalse" else ENTER


def wrong_option(asked: AskedQuestion) -> str:
    """A wrong option that is not the first one (the one a stray Enter would pick)."""
    return next(o for o in asked.options[1:] if o not in asked.question.answers)


def right_line(asked: AskedQuestion) -> str:
    """The line that answers `asked` right in plain mode."""
    q = asked.question
    if q.type in ("choice", "multi", "order"):
        return ",".join(str(asked.options.index(a) + 1) for a in q.answers)
    return q.answers[0]
