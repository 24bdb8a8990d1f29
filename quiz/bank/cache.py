"""A validated copy of each clean bank file, read back in one go while its bytes are unchanged.

An entry is used only when the bank file's bytes hash to the digest stored in it, under
the same package version and the same validating code, for the same origin; the entry
itself carries a checksum, so a torn or damaged one is a miss. Any miss means a full
parse and validation, and any failure to write an entry is ignored: the cache can make a
load faster, never different.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from dataclasses import fields
from functools import cache
from hashlib import blake2b
from pathlib import Path

from quiz import __version__, paths
from quiz.models import Question

MAGIC = b"halpert-quiz bank cache 2\n"
CHECKSUM_SIZE = 32
QUESTION_FIELDS = tuple(f.name for f in fields(Question))

Cached = tuple[list[Question], list[str]]
FileStamp = tuple[str, int, int]
Stamp = tuple[str, str, str, tuple[str, ...], tuple[FileStamp, ...]]
# Libraries whose upgrade may change what validation accepts (answer matching, numbers).
LIBRARIES = ("rapidfuzz", "text_to_num")


def _checksum(data: bytes | memoryview) -> bytes:
    return blake2b(data, digest_size=CHECKSUM_SIZE).digest()


def _file_stamp(path: Path, name: str = "") -> FileStamp:
    status = path.stat()
    return (name or path.name, status.st_size, status.st_mtime_ns)


def _library_stamps() -> list[FileStamp]:
    """The installed files of LIBRARIES: they change with every upgrade (no metadata read)."""
    from importlib.util import find_spec

    stamps = []
    for name in LIBRARIES:
        spec = find_spec(name)
        origin = spec.origin if spec else None
        stamps.append(_file_stamp(Path(origin), name) if origin else (name, -1, -1))
    return stamps


@cache
def code_stamp() -> Stamp:
    """What decides validity besides the file: the versions of Python, its Unicode data, the
    package and the libraries that validation uses, and the validating modules.

    Files' sizes and modification times change with every upgrade and every edit of a
    checkout, so an entry never outlives the rules that accepted it.
    """
    import unicodedata

    package = Path(__file__).resolve().parent.parent
    sources = [*sorted((package / "bank").glob("*.py")), package / "models.py"]
    sources.append(package / "textmatch.py")
    stats = [*map(_file_stamp, sources), *_library_stamps()]
    return (__version__, sys.version, unicodedata.unidata_version, QUESTION_FIELDS, tuple(stats))


def entry_path(path: Path) -> Path:
    """Where the entry of bank file `path` lives: one file per bank file path."""
    name = blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    return paths.cache_dir() / "bank" / f"{name}.marshal"


def read(path: Path, data: bytes, origin: str) -> Cached | None:
    """The questions and prompt keys validated from exactly `data`, if an entry holds them."""
    try:
        blob = memoryview(entry_path(path).read_bytes())
        stamp = code_stamp()
    except OSError:
        return None
    start = len(MAGIC) + CHECKSUM_SIZE
    if blob[: len(MAGIC)] != MAGIC or blob[len(MAGIC) : start] != _checksum(blob[start:]):
        return None
    try:
        cached_stamp, cached_origin, digest, rows, keys = marshal.loads(blob[start:])
        if (cached_stamp, cached_origin, digest) != (stamp, origin, _checksum(data)):
            return None
        return [Question(*row) for row in rows], list(keys)
    except (ValueError, TypeError, EOFError):
        return None


def write(path: Path, data: bytes, origin: str, questions: list[Question], keys: list[str]) -> None:
    """Keep what a clean load of `data` gave, for the next run; best effort."""
    from quiz.files import write_bytes_atomic

    rows = tuple(tuple(getattr(q, name) for name in QUESTION_FIELDS) for q in questions)
    with contextlib.suppress(OSError, ValueError):
        payload = marshal.dumps((code_stamp(), origin, _checksum(data), rows, tuple(keys)))
        entry = entry_path(path)  # its folders are made private by write_bytes_atomic
        # No fsync: after a crash, the checksum turns a torn entry into a miss.
        write_bytes_atomic(entry, MAGIC + _checksum(payload) + payload, sync=False)
