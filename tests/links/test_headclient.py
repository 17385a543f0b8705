"""The lean HEAD path: keep-alive reuse, stale connections, odd servers, same verdicts as httpx."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from awesomelint.links.model import Verdict

from .conftest import one, run
from .server import Server


def test_connections_are_kept_alive_and_reused(server: Server) -> None:
    urls = [server.route(f"/k{i}") for i in range(40)]
    report = run(urls, host_concurrency=2)
    assert [r.verdict for r in report.results] == [Verdict.OK] * 40
    assert server.hits("/k0", "HEAD") == 1
    assert server.connections <= 2  # the host's cap, not one connection per request


class _RawServer:
    """A server that answers every connection with fixed bytes, then closes or lingers."""

    def __init__(self, answer: bytes, close: bool) -> None:
        self.answer = answer
        self.close = close
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(5)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _start(self) -> asyncio.base_events.Server:
        return await asyncio.start_server(self._handle, "127.0.0.1", 0)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(self.answer)
                await writer.drain()
                if self.close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def raw() -> Iterator[list[_RawServer]]:
    servers: list[_RawServer] = []
    yield servers
    for server in servers:
        server.stop()


def _serve(raw: list[_RawServer], answer: bytes, close: bool = False) -> str:
    server = _RawServer(answer, close)
    raw.append(server)
    return f"http://127.0.0.1:{server.port}"


def test_a_server_that_closes_after_each_answer(raw: list[_RawServer]) -> None:
    base = _serve(raw, b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", close=True)
    report = run([f"{base}/{i}" for i in range(6)], host_concurrency=1, retries=0)
    assert [r.verdict for r in report.results] == [Verdict.OK] * 6


def test_a_head_answer_with_a_body_does_not_spoil_the_next(raw: list[_RawServer]) -> None:
    body = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Length: 5\r\n\r\nHTTP/"
    base = _serve(raw, body)
    result = one(f"{base}/a", retries=0, max_redirects=3)
    assert result.verdict is Verdict.DEAD and "redirect" in result.detail


def test_interim_answers_and_folded_headers(raw: list[_RawServer]) -> None:
    answer = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nX-A: 1\r\nX-A: 2\r\n\r\n"
    result = one(_serve(raw, answer) + "/p", retries=0)
    assert (result.verdict, result.status) == (Verdict.OK, 200)


def test_garbage_is_a_protocol_error_not_a_crash(raw: list[_RawServer]) -> None:
    result = one(_serve(raw, b"SSH-2.0-OpenSSH_9.6\r\n\r\n", close=True) + "/p", retries=0)
    assert result.verdict is Verdict.DEAD and "protocol" in result.detail
