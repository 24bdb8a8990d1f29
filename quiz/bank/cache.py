"""A validated copy of each clean bank file, read back in one go while its bytes are unchanged.

An entry is used only when the bank file's bytes hash to the digest stored in it, under
the same package version, the same validating code and the same facts map (the fact ids
were checked against it), for the same origin; the entry
itself carries a checksum, so a torn or damaged one is a miss. Any miss means a full
parse and validation, and any failure to write an entry is ignored: the cache can make a
load faster, never different.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import sys
from dataclasses import fields
from functools import cache
from hashlib import blake2b
from itertools import chain
from pathlib import Path
from typing import cast

from quiz import __version__, paths
from quiz.bank.facts import facts_digest
from quiz.models import Question

MAGIC = b"halpert-quiz bank cache 3\n"
CHECKSUM_SIZE = 32
QUESTION_FIELDS = tuple(f.name for f in fields(Question))

# Each field of a question: True for text, False for a tuple of texts.
TEXT_FIELDS = tuple(f.type == "str" for f in fields(Question))
# An entry holds each question once, in fewer bytes than TOML: larger is no entry of ours.
MAX_ENTRY_BYTES = 4 * 8 * 1024 * 1024

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
    """Where the entry of bank file `path` lives: one file per bank file path (its name as
    the system spells it, bytes that are no text included)."""
    name = blake2b(os.fsencode(path.resolve()), digest_size=16).hexdigest()
    return paths.cache_dir() / "bank" / f"{name}.marshal"


def _entry_bytes(entry: Path) -> bytes:
    """An entry's bytes, if it is a regular file of an entry's size: a FIFO, a device or a link
    to one is never read (it could block, or never end)."""
    fd = os.open(entry, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            raise OSError(f"{entry} is not a cache entry")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_ENTRY_BYTES)
    finally:
        os.close(fd)


def _questions(rows: tuple[object, ...]) -> list[Question]:
    """The questions of an entry's rows; ValueError when a row has another shape.

    Checked a field at a time over all rows (marshal gives exact types, so `type` sets
    suffice): checking each row field by field cost more than reading the entry."""
    if not set(map(type, rows)) <= {tuple}:
        raise ValueError("not a question")
    table = cast("tuple[tuple[object, ...], ...]", rows)
    if {len(row) for row in table} - {len(TEXT_FIELDS)}:
        raise ValueError("not a question")
    columns = zip(*table, strict=True)  # the lengths are checked above
    for column, text in zip(columns, TEXT_FIELDS, strict=False):  # no rows: no columns
        kinds = set(map(type, column))
        if text:
            sound = kinds <= {str}
        else:
            items = chain.from_iterable(cast("tuple[tuple[object, ...], ...]", column))
            sound = kinds <= {tuple} and set(map(type, items)) <= {str}
        if not sound:
            raise ValueError("not a question")
    return [Question(*row) for row in table]  # type: ignore[arg-type]


def _texts(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, str) for item in value)


def read(path: Path, data: bytes, origin: str) -> Cached | None:
    """The questions and prompt keys validated from exactly `data`, if an entry holds them."""
    try:
        blob = memoryview(_entry_bytes(entry_path(path)))
        stamp = code_stamp()
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return None
    start = len(MAGIC) + CHECKSUM_SIZE
    if blob[: len(MAGIC)] != MAGIC or blob[len(MAGIC) : start] != _checksum(blob[start:]):
        return None
    try:
        cached_stamp, cached_origin, digest, facts, rows, keys = marshal.loads(blob[start:])
        if (cached_stamp, cached_origin, digest) != (stamp, origin, _checksum(data)):
            return None
        if facts != _checksum(facts_digest()):  # fact ids were checked against this map
            return None
        if not (isinstance(rows, tuple) and _texts(keys) and len(keys) == len(rows)):
            return None
        return _questions(rows), list(keys)
    except (ValueError, TypeError, EOFError, MemoryError):
        return None


def write(path: Path, data: bytes, origin: str, questions: list[Question], keys: list[str]) -> None:
    """Keep what a clean load of `data` gave, for the next run; best effort."""
    from quiz.files import write_bytes_atomic

    rows = tuple(tuple(getattr(q, name) for name in QUESTION_FIELDS) for q in questions)
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        facts = _checksum(facts_digest())
        payload = marshal.dumps((code_stamp(), origin, _checksum(data), facts, rows, tuple(keys)))
        entry = entry_path(path)  # its folders are made private by write_bytes_atomic
        # No fsync: after a crash, the checksum turns a torn entry into a miss.
        write_bytes_atomic(entry, MAGIC + _checksum(payload) + payload, sync=False)
