"""The room's limits on connections: message size and rate, silence, and wrong codes."""

from __future__ import annotations

import hmac
import re
import secrets
from collections import deque
from dataclasses import dataclass, field

from quiz.errors import UsageError

# Letters and digits nobody mistakes for another: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_GIVEN_CODE = re.compile(r"[A-Za-z0-9]{4,12}")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def check_code(text: str, what: str = "--code") -> str:
    """A room's code as the room keeps it; UsageError when it is not 4-12 letters or digits."""
    if not _GIVEN_CODE.fullmatch(text):
        raise UsageError(f"{what} is 4 to 12 letters or digits, not '{text}'")
    return text.upper()


def same_code(given: str, code: str) -> bool:
    """Whether a player typed the room's code (any case), compared in constant time."""
    return hmac.compare_digest(given.strip().upper().encode(), code.encode())


@dataclass(frozen=True, slots=True)
class Limits:
    """What a connection may do before the host ends it."""

    max_size: int = 64 * 1024  # bytes in one message
    rate: int = 10  # messages in any one second
    hello_within: float = 30.0  # seconds a new connection may stay silent
    read_within: float = 10.0  # seconds a player may leave the host's messages unread
    wrong_codes: int = 5  # wrong codes from one address before it must wait
    wrong_code_wait: float = 10.0


class RateGuard:
    """Counts one connection's messages over the last second."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self._times: deque[float] = deque(maxlen=rate)

    def allows(self, now: float) -> bool:
        """Whether one more message at `now` keeps within the rate."""
        full = len(self._times) == self.rate and now - self._times[0] < 1.0
        self._times.append(now)
        return not full


@dataclass(slots=True)
class CodeGuard:
    """Wrong codes per address: after `limit` of them the address waits `wait` seconds."""

    limit: int
    wait: float
    _wrong: dict[str, int] = field(default_factory=dict)
    _until: dict[str, float] = field(default_factory=dict)

    def waiting(self, address: str, now: float) -> bool:
        until = self._until.get(address)
        if until is not None and now >= until:
            del self._until[address]
            return False
        return until is not None

    def wrong(self, address: str, now: float) -> None:
        count = self._wrong.get(address, 0) + 1
        if count >= self.limit:
            self._until[address] = now + self.wait
            count = 0
        self._wrong[address] = count
