"""Fixtures of the hardening tests: a proxy in front of the test server, that can go silent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.hardening.hostile import quiz_env
from tests.hardening.playing import database_of
from tests.hardening.proxy import Proxy, proxy_to

if TYPE_CHECKING:
    from pgserver.postgres_server import PostgresServer


@pytest.fixture
def proxy(postgres_server: PostgresServer) -> Iterator[Proxy]:
    with proxy_to(postgres_server.get_uri()) as running:
        yield running


@pytest.fixture
def via_proxy(proxy: Proxy, postgres_url: str, quiz_home: Path) -> dict[str, str]:
    """The environment of a quiz whose server is behind the proxy."""
    return quiz_env(quiz_home, QUIZ_DATABASE_URL=proxy.url(database_of(postgres_url)))
