"""Bounded decoding of Content-Encoding chains: a bomb costs its limit, not its size."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator

import pytest

from awesomelint.links.decoding import (
    STEP,
    BodyError,
    Decoder,
    UnsupportedEncoding,
    read_limited,
)

from .server import gzip_bomb


async def _chunks(data: bytes, size: int = 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def read(data: bytes, encoding: str | None, limit: int):  # type: ignore[no-untyped-def]
    return asyncio.run(read_limited(_chunks(data), encoding, limit))


def test_gzip_bomb_is_decoded_in_small_steps() -> None:
    bomb = gzip_bomb(1024)  # 1 GiB of zeros
    decoder = Decoder.for_header("gzip, gzip")
    seen = biggest = 0
    for piece in decoder.feed(bomb):  # the whole bomb in one network chunk
        biggest = max(biggest, len(piece))
        seen += len(piece)
        if seen >= 4 * STEP:
            break
    assert biggest <= STEP and seen == 4 * STEP


def test_read_limited_stops_at_the_limit() -> None:
    body = read(gzip_bomb(1024), "gzip, gzip", 1_000_000)
    assert body.truncated and len(body.data) == 1_000_000 and set(body.data) == {0}
    assert body.raw_bytes < 4096  # the whole bomb was read; only a megabyte came out


def test_full_bomb_decodes_to_its_size_when_allowed() -> None:
    body = read(gzip_bomb(8), "GZIP,gzip", 10 << 20)
    assert not body.truncated and len(body.data) == 8 << 20


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        (None, b"plain"),
        ("identity", b"plain"),
        ("gzip", gzip.compress(b"plain")),
        ("x-gzip", gzip.compress(b"plain")),
        ("deflate", zlib.compress(b"plain")),
        ("deflate", zlib.compress(b"plain", wbits=-15)),
        ("deflate, gzip", gzip.compress(zlib.compress(b"plain"))),
    ],
)
def test_each_encoding(encoding: str | None, data: bytes) -> None:
    assert read(data, encoding, 100).data == b"plain"


def test_exact_limit_is_not_truncated() -> None:
    body = read(gzip.compress(b"x" * 100), "gzip", 100)
    assert body.data == b"x" * 100 and not body.truncated


def test_unsupported_and_corrupt() -> None:
    with pytest.raises(UnsupportedEncoding, match="br"):
        read(b"\x00", "br", 100)
    with pytest.raises(BodyError, match="corrupt"):
        read(b"not gzip at all", "gzip", 100)
    with pytest.raises(BodyError, match="corrupt"):
        read(gzip.compress(b"x")[:10] + b"\xff" * 50, "gzip", 100_000)  # reserved block type
