"""The private typer APIs fenced in `quiz.compat` behave as the command line relies on."""

from __future__ import annotations

from quiz import compat


def test_click_errors_are_the_ones_typer_raises() -> None:
    assert issubclass(compat.UsageError, compat.ClickException)
    assert issubclass(compat.BadParameter, compat.UsageError)
    assert issubclass(compat.NoArgsIsHelpError, compat.UsageError)
    assert hasattr(compat.ParamType, "convert")


def test_completion_script_names_the_program_and_its_variable() -> None:
    compat.register_completion_shells()
    script = compat.completion_script("quiz", "_QUIZ_COMPLETE", "bash")
    assert "_QUIZ_COMPLETE" in script
    assert "quiz" in script
