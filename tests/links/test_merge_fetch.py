"""``merge``'s fetch of upstream lists: the link checker's address policy on every hop,
decoded-size bound, a deadline on the whole fetch, and one-line errors at the edge."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.fetch import MAX_LIST_BYTES
from awesomelint.links import netguard

from .server import Server, gzip_bomb

# Cut from lists/upstream (a heading and two entries are enough to make a list).
LIST = (
    b"# A\n\n## Papers\n\n"
    b"- [Toy Models of Superposition](https://arxiv.org/abs/2209.10652) - Toy models.\n"
    b"- [TransformerLens](https://github.com/TransformerLensOrg/TransformerLens) - Library.\n"
)


def merge(tmp_path: Path, *args: str) -> tuple[int, Path]:
    out = tmp_path / "out.md"
    code = main(["merge", *args, "-o", str(out), "--cache-dir", str(tmp_path / "cache")])
    return code, out


@pytest.fixture
def public_127_0_0_2(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pretend 127.0.0.2 is a public host (there is no public server in a test); the rest of
    the policy is the real one, so 127.0.0.3 stays private."""
    real = netguard.is_public
    monkeypatch.setattr(netguard, "is_public", lambda a: a == "127.0.0.2" or real(a))
    yield


def test_loopback_list_is_refused_without_allow_private_and_nothing_written(
    tmp_path: Path, farm: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = farm.route("/list.md", body=LIST)  # on 127.0.0.2
    code, out = merge(tmp_path, url)
    assert code == 2 and not out.exists()
    assert farm.requests == []
    err = capsys.readouterr().err
    assert "refused" in err and "non-public address 127.0.0.2" in err and "--allow-private" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

    code, out = merge(tmp_path, "--allow-private", url)
    assert code == 0 and b"TransformerLens" in out.read_bytes()
    out.unlink()
    # a cached copy from that run does not stand in for a refused fetch
    code, out = merge(tmp_path, url)
    assert code == 2 and not out.exists()


def test_redirect_into_private_space_is_refused_on_the_hop(
    tmp_path: Path, farm: Server, public_127_0_0_2: None, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = farm.url("/latest/meta-data", "127.0.0.3")
    farm.route("/latest/meta-data", body=b"# Secret\n\n- [key](https://example.org/key)\n")
    url = farm.route("/redirect", status=302, location=secret)
    code, out = merge(tmp_path, url)
    assert code == 2 and not out.exists()
    assert [(r.host, r.path) for r in farm.requests] == [("127.0.0.2", "/redirect")]
    assert "non-public address 127.0.0.3" in capsys.readouterr().err
    # the link checker applies the same policy on the same hop
    from .conftest import one

    result = one(url, allow_private=False)
    assert result.verdict == "skipped" and "127.0.0.3" in result.detail
    assert farm.hits("/latest/meta-data") == 0


def test_gzip_gzip_bomb_is_refused_with_bounded_memory(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = gzip_bomb(1024)  # 1 GiB of zeros in about 2 KB
    assert len(bomb) < 4096
    url = server.route("/list.md", body=bomb, headers=(("Content-Encoding", "gzip, gzip"),))
    tracemalloc.start()
    try:
        code, out = merge(tmp_path, "--allow-private", url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 2 and not out.exists()
    assert f"larger than {MAX_LIST_BYTES} bytes decoded" in capsys.readouterr().err
    assert peak < 4 * MAX_LIST_BYTES  # the limit and a copy, not the gigabyte


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(LIST)),
        ("gzip, gzip", gzip.compress(gzip.compress(LIST))),
        ("deflate", zlib.compress(LIST)),
        ("deflate", zlib.compress(LIST, wbits=-15)),  # raw deflate, as some servers send it
    ],
)
def test_encoded_lists_are_decoded(
    tmp_path: Path, server: Server, encoding: str, body: bytes
) -> None:
    url = server.route("/list.md", body=body, headers=(("Content-Encoding", encoding),))
    code, out = merge(tmp_path, "--allow-private", url)
    assert code == 0 and b"Toy Models of Superposition" in out.read_bytes()


def test_unsupported_encoding_is_one_line_exit_2(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.route("/list.md", body=b"\x1b\x00", headers=(("Content-Encoding", "br"),))
    code, out = merge(tmp_path, "--allow-private", url)
    err = capsys.readouterr().err
    assert code == 2 and not out.exists() and "unsupported Content-Encoding 'br'" in err


def test_timeout_is_a_deadline_on_the_whole_fetch(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each byte comes well within the timeout; the whole body would take 20 s."""
    url = server.route("/list.md", body=LIST[:50], drip=0.4)
    code, out = merge(tmp_path, "--allow-private", "--timeout", "1.5", url)
    assert code == 2 and not out.exists()
    assert "no complete answer within 1.5s" in capsys.readouterr().err
    assert server.streamed < 10  # cut at the deadline, not after the last byte


@pytest.mark.parametrize(
    "args",
    [
        ["http://[::1"],
        ["--timeout", "-1", "x.md"],
        ["--timeout", "nan", "x.md"],
        ["--timeout", "inf", "x.md"],
        ["--timeout", "0", "x.md"],
    ],
)
def test_bad_url_and_timeout_are_exit_2_without_traceback(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = merge(tmp_path, *args)
    captured = capsys.readouterr()
    assert code == 2 and not out.exists()
    assert "Traceback" not in captured.err + captured.out
    if args[0] == "--timeout":
        assert "Invalid value for '--timeout'" in captured.err and args[1] in captured.err
    else:
        assert captured.err.count("\n") == 1 and "not a fetchable URL" in captured.err


def test_cached_copy_is_read_under_the_size_limit(
    tmp_path: Path,
    server: Server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from awesomelint import fetch

    url = server.route("/list.md", body=LIST)
    assert merge(tmp_path, "--allow-private", url)[0] == 0  # fills the cache
    server.route("/list.md", status=503)  # upstream down: the cached copy stands in
    code, out = merge(tmp_path, "--allow-private", url)
    assert code == 0 and b"TransformerLens" in out.read_bytes()
    capsys.readouterr()

    cached = fetch._cache_file(url, tmp_path / "cache")
    cached.write_bytes(LIST + b"- [x](https://example.org/) - y.\n" * 100)
    monkeypatch.setattr(fetch, "MAX_LIST_BYTES", len(LIST) + 100)
    out.unlink()
    code, out = merge(tmp_path, "--allow-private", url)
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert "cached copy" in err and "larger than" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
