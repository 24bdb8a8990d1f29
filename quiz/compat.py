"""The one home of the private APIs we cannot avoid: typer 0.28 vendors click as `typer._click`.

Every name here is pinned by tests/test_compat.py; a typer upgrade that moves one fails there.
"""

from __future__ import annotations

from typer._click.exceptions import (
    BadParameter,
    ClickException,
    NoArgsIsHelpError,
    UsageError,
)
from typer._click.types import ParamType

__all__ = [
    "BadParameter",
    "ClickException",
    "NoArgsIsHelpError",
    "ParamType",
    "UsageError",
    "completion_script",
    "register_completion_shells",
]


def register_completion_shells() -> None:
    """Teach typer its shells' completion classes (it does so only when asked)."""
    from typer._completion_classes import completion_init

    completion_init()


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """The script that makes `shell` complete `prog_name` through `complete_var`."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
