"""Response bodies decoded under a bound on the *decoded* bytes, whatever the encoding chain.

httpx inflates each network chunk in one call, so 2.5 KB of ``gzip, gzip``
becomes a gigabyte in memory before any size check sees it.  Here every
decoder step yields at most ``STEP`` bytes and the reader stops as soon as the
decoded total passes its limit, so memory stays near ``limit + STEP`` per stage.
Brotli and zstd are not offered: the interpreter has no bounded decoder for
them here, and a server that sends them anyway gets ``UnsupportedEncoding``.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterable, Iterator
from dataclasses import dataclass

STEP = 64 * 1024
#: What we tell servers we can decode (no br/zstd: see the module docstring).
ACCEPT_ENCODING = "gzip, deflate"


class BodyError(Exception):
    """The body cannot be decoded (corrupt stream or unsupported encoding)."""


class UnsupportedEncoding(BodyError):
    """A Content-Encoding this reader does not decode."""


class _Inflate:
    """One zlib stream (gzip, zlib-wrapped or raw deflate), inflated STEP bytes at a time."""

    def __init__(self, wbits: int, raw_fallback: bool = False) -> None:
        self._obj = zlib.decompressobj(wbits)
        self._raw_fallback = raw_fallback  # "deflate" is sent both zlib-wrapped and raw
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._obj.eof:
            return  # trailing garbage after the stream, as httpx ignores it
        try:
            chunk = self._obj.decompress(data, STEP)
        except zlib.error:
            if self._started or not self._raw_fallback:
                raise BodyError("corrupt compressed body") from None
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
            self._raw_fallback = False
            chunk = self._safe(data)
        self._started = True
        while True:
            if chunk:
                yield chunk
            tail = self._obj.unconsumed_tail
            if self._obj.eof or (not tail and len(chunk) < STEP):
                return
            chunk = self._safe(tail)

    def _safe(self, data: bytes) -> bytes:
        try:
            return self._obj.decompress(data, STEP)
        except zlib.error:
            raise BodyError("corrupt compressed body") from None


def _stage(encoding: str) -> _Inflate:
    if encoding in ("gzip", "x-gzip"):
        return _Inflate(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return _Inflate(zlib.MAX_WBITS, raw_fallback=True)
    raise UnsupportedEncoding(f"unsupported Content-Encoding {encoding!r}")


@dataclass
class Decoder:
    """Decodes a ``Content-Encoding`` chain (applied left to right, so undone right to left)."""

    stages: list[_Inflate]

    @classmethod
    def for_header(cls, header: str | None) -> Decoder:
        """The decoder for a header value such as ``gzip, gzip``; UnsupportedEncoding if unknown."""
        names = [n.strip().lower() for n in (header or "").split(",")]
        return cls([_stage(n) for n in names if n and n != "identity"])

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of ``data``, none longer than STEP (lazily: stop reading to stop work)."""
        return self._through(len(self.stages) - 1, data)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index < 0:
            for start in range(0, len(data), STEP):
                yield data[start : start + STEP]
            return
        for piece in self.stages[index].feed(data):
            yield from self._through(index - 1, piece)


@dataclass(frozen=True)
class Body:
    """What was read: the decoded bytes (at most the limit) and whether more was left."""

    data: bytes
    truncated: bool
    raw_bytes: int  # bytes that came over the wire


async def read_limited(raw: AsyncIterable[bytes], content_encoding: str | None, limit: int) -> Body:
    """Decode ``raw`` chunks, stopping once ``limit`` decoded bytes are in hand.

    Raises BodyError for a corrupt stream or an encoding this module does not decode.
    """
    decoder = Decoder.for_header(content_encoding)
    parts: list[bytes] = []
    size = wire = 0
    try:
        async for chunk in raw:
            wire += len(chunk)
            for piece in decoder.feed(chunk):
                room = limit - size
                if len(piece) > room:
                    parts.append(piece[:room])
                    return Body(b"".join(parts), True, wire)
                parts.append(piece)
                size += len(piece)
    finally:
        await close_stream(raw)
    return Body(b"".join(parts), False, wire)


async def close_stream(raw: AsyncIterable[bytes]) -> None:
    """Close a body iterator left mid-way, now: left to the garbage collector, httpx's
    generator is finalised after the event loop is gone ("Task was destroyed but it is
    pending!" on stderr at exit)."""
    close = getattr(raw, "aclose", None)
    if close is not None:
        await close()
