"""`quiz play` and `quiz scores` without typer, when their options are plain and valid.

typer and click take ~40 ms to import and build. The options come from `fast_options.py`,
generated from the typer commands themselves (see `fast_spec`), and the parsed values go to
the very function the typer command calls. Only forms whose meaning is certain are taken:
anything else (help, an unknown option, a value typer would question or reject, a stray
argument) returns None, and the typer app runs as usual with its own messages.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from quiz.cli.commands import COMPLETE_VAR
from quiz.cli.failures import report_failures
from quiz.cli.fast_spec import BODIES, FastOption


def _value(option: FastOption, text: str) -> Any:
    """The value typer would give for `text`, or None when typer should judge it."""
    if option.kind == "str":
        return text
    if option.kind == "path":
        return Path(text)
    if option.kind == "choice":
        return text if text in option.choices else None
    if option.kind == "number":
        # More than 9 digits is "far too large" for typer's whole-number type.
        if not (text.isascii() and text.isdigit() and len(text) <= 9):
            return None
        number = int(text)
        too_low = option.low is not None and number < option.low
        too_high = option.high is not None and number > option.high
        return None if too_low or too_high else number
    return None


def parse(args: list[str], options: tuple[FastOption, ...]) -> dict[str, Any] | None:
    """Every parameter's value for `args` (the defaults for the rest), or None when typer
    should read the arguments."""
    by_flag = {flag: option for option in options for flag in option.flags}
    given: dict[str, Any] = {}
    rest = iter(args)
    for arg in rest:
        option = by_flag.get(arg)
        if option is not None and option.kind == "flag":
            given[option.dest] = True
            continue
        name, equals, text = arg.partition("=")
        if equals and not name.startswith("--"):
            return None  # click reads -n=5 as the value "=5"
        short = by_flag.get(arg[:2]) if not equals and not arg.startswith("--") else None
        if short is not None and len(arg) > 2:
            name, text = arg[:2], arg[2:]
        elif not equals:
            text = next(rest, "")
        option = by_flag.get(name)
        if option is None or option.kind in ("flag", "other"):
            return None
        if not text or text.startswith("-") or not text.isprintable():
            return None
        value = _value(option, text)
        if value is None:
            return None
        if option.multiple:
            given.setdefault(option.dest, []).append(value)
        else:
            given[option.dest] = value
    return {option.dest: given.get(option.dest, option.default) for option in options}


def run_directly(argv: list[str]) -> int | None:
    """Run `quiz ARGV` without typer; the exit code, or None to leave it to typer."""
    name = argv[0] if argv else ""
    if name not in BODIES or os.environ.get(COMPLETE_VAR):
        return None  # other commands, and a shell asking for completions, are typer's
    from quiz.cli.fast_options import OPTIONS

    params = parse(argv[1:], OPTIONS[name])
    if params is None:
        return None
    module, function = BODIES[name]
    body = getattr(importlib.import_module(module), function)
    return report_failures(lambda: body(**params), f"quiz {name}")
