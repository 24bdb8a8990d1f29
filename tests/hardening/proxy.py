"""A TCP proxy on 127.0.0.1 in front of the test PostgreSQL server's socket, that can go silent
(the network stops forwarding), drop its connections (a restart), refuse new ones (the server
is down), or never answer at all."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit


class Proxy:
    """Forwards 127.0.0.1:`port` to a PostgreSQL unix socket until told otherwise."""

    def __init__(self, server_uri: str) -> None:
        folder = parse_qs(urlsplit(server_uri).query)["host"][0]
        self.target = f"{folder}/.s.PGSQL.5432"
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.silent = threading.Event()  # set: nothing more is forwarded, nothing is closed
        self.silence_on: bytes | None = None  # go silent when a client sends this
        self.refusing = threading.Event()  # set: every new connection is reset at once
        self.accepted = 0
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database: str, host: str = "127.0.0.1") -> str:
        return f"postgresql://postgres@{host}:{self.port}/{database}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refusing.is_set():
                # Closed with a reset, as a port nothing listens on answers a connect.
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()
                continue
            with self.lock:
                self.accepted += 1
                self.open.append(client)
            if self.silent.is_set():
                continue  # a black hole: the connection is accepted, and nothing ever comes back
            upstream = socket.socket(socket.AF_UNIX)
            upstream.connect(self.target)
            with self.lock:
                self.open.append(upstream)
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        with contextlib.suppress(OSError):
            while not self.silent.is_set():
                data = source.recv(65536)
                if not data:
                    break
                if from_client and self.silence_on and self.silence_on in data:
                    self.silent.set()
                if self.silent.is_set():
                    break
                sink.sendall(data)
            if not self.silent.is_set():
                sink.shutdown(socket.SHUT_WR)

    def go_silent(self) -> None:
        """From now on nothing is forwarded either way; connections stay open."""
        self.silent.set()

    def refuse(self) -> None:
        """From now on new connections are reset at once: the server is down, and says so."""
        self.refusing.set()

    def speak_again(self) -> None:
        """Forward new connections again (silenced ones stay silent, as after a long outage)."""
        self.refusing.clear()
        self.silent.clear()
        self.silence_on = None

    def drop_all(self) -> None:
        """Close every connection, as a server restart does."""
        with self.lock:
            for sock in self.open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.open.clear()

    def close(self) -> None:
        self.listener.close()
        self.drop_all()


@contextlib.contextmanager
def proxy_to(server_uri: str) -> Iterator[Proxy]:
    proxy = Proxy(server_uri)
    try:
        yield proxy
    finally:
        proxy.close()
