"""Live play under load: 100 players as coroutines on loopback against `quiz host`.

Each player answers every question the moment it arrives; the time from an answer sent to
its acknowledgement is taken for every answer, and the host's CPU time (from /proc) over
the questions is divided by their number.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import threading
import time
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

JOIN = re.compile(r"quiz join 127\.0\.0\.1:(\d+) (\w+)")
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def _player(port: int, code: str, n: int, latencies: list[float]) -> None:
    ws: ClientConnection = await connect(f"ws://127.0.0.1:{port}/", compression=None)
    hello = {"type": "hello", "version": 1, "code": code, "name": f"player-{n}", "token": None}
    await ws.send(json.dumps(hello))
    sent = 0.0
    async for text in ws:
        message = json.loads(text)
        if message["type"] == "question":
            options = message["question"]["options"] or ["true"]
            given = (
                options
                if message["question"]["type"] == "order"
                else options[n % len(options) :][:1]
            )
            sent = time.perf_counter()
            await ws.send(
                json.dumps({"type": "answer", "number": message["number"], "given": given})
            )
        elif message["type"] == "ack":
            latencies.append(time.perf_counter() - sent)


def measure(quiz: str, env: dict[str, str], players: int = 100, questions: int = 10) -> str:
    """One table row: p50 and p99 answer-to-ack latency, and host CPU seconds a question."""
    host = subprocess.Popen(
        [quiz, "host", "--plain", "--bind", "127.0.0.1", "--no-save", "--start-with", str(players),
         "--count", str(questions), "--reveal-seconds", "0", "--time-limit", "30", "--seed", "1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    assert host.stdout is not None
    found = None
    while found is None:
        found = JOIN.search(host.stdout.readline())
    lines: list[str] = []
    started = threading.Event()

    def drain() -> None:
        assert host.stdout is not None
        for line in host.stdout:
            lines.append(line)
            if line.startswith("Question 1/"):
                started.set()

    threading.Thread(target=drain, daemon=True).start()
    latencies: list[float] = []
    cpu_at_start = [0.0]

    async def room() -> None:
        async def mark() -> None:
            while not started.is_set():
                await asyncio.sleep(0.001)
            cpu_at_start[0] = cpu_seconds(host.pid)

        await asyncio.gather(
            mark(), *(_player(int(found[1]), found[2], n, latencies) for n in range(players))
        )

    asyncio.run(room())
    cpu_used = cpu_seconds(host.pid) - cpu_at_start[0]
    host.wait(30)
    quantiles = statistics.quantiles(latencies, n=100)
    return (
        f"| live: {players} players x {questions} questions on loopback"
        f" | answer->ack p50 {quantiles[49] * 1000:.1f} ms, p99 {quantiles[98] * 1000:.1f} ms"
        f" ({len(latencies):,} answers) | host CPU {cpu_used / questions:.3f} s a question"
        f" | p99 <= 50 ms | {'ok' if quantiles[98] <= 0.05 else 'OVER'} |"
    )
