"""Where user data lives: `QUIZ_HOME`, or the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path


def quiz_home() -> Path:
    """The folder for all user data."""
    configured = os.environ.get("QUIZ_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("halpert-quiz", appauthor=False))


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parent as folders only the user may enter, whatever the umask."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)


def user_bank_dir() -> Path:
    return quiz_home() / "bank"


def default_user_bank() -> Path:
    return user_bank_dir() / "user.toml"


def scores_db() -> Path:
    return quiz_home() / "scores.db"


def cache_dir() -> Path:
    """Files the quiz can rebuild at any time: `$QUIZ_HOME/cache`, or the platform's cache folder."""
    if os.environ.get("QUIZ_HOME"):
        return quiz_home() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("halpert-quiz", appauthor=False))


def builtin_bank_dir() -> Path:
    """The packaged `questions/` folder, or the checkout's one in an editable install."""
    # The package is a plain folder (never zipped), so its files sit beside this module;
    # importlib.resources would find the same folder at ~4 ms of imports.
    package = Path(__file__).resolve().parent
    packaged = package / "questions"
    if packaged.is_dir():
        return packaged
    return package.parent / "questions"
