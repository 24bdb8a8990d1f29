"""The one home of the private APIs we cannot avoid; tests/test_compat.py pins each one.

typer 0.28 vendors click as `typer._click` and keeps its completion scripts private. Each
name here says which private call it stands for, so that an upgrade that moves one fails
here and in the test, nowhere else. The names load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_CLICK_MODULES = {
    "BadParameter": "typer._click.exceptions",
    "ClickException": "typer._click.exceptions",
    "NoArgsIsHelpError": "typer._click.exceptions",
    "UsageError": "typer._click.exceptions",
    "ParamType": "typer._click.types",
}


def __getattr__(name: str) -> Any:
    """typer's vendored click classes, imported when first asked for."""
    if name not in _CLICK_MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_CLICK_MODULES[name]), name)


def register_completion_shells() -> None:
    """Teach typer its shells' completion classes (it does so only when asked)."""
    from typer._completion_classes import completion_init

    completion_init()


def completion_script(prog_name: str, complete_var: str, shell: str) -> str:
    """The script that makes `shell` complete `prog_name` through `complete_var`."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
