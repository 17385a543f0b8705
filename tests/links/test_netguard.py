"""No request reaches a non-public address unless --allow-private: judged on resolved addresses."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from pathlib import Path

import httpcore
import pytest

from awesomelint.links.model import Verdict
from awesomelint.links.netguard import PrivateAddressError, Resolver, host_key, is_public
from awesomelint.links.transport import GuardedBackend

from .conftest import one, run
from .server import Server


def test_loopback_url_is_refused_by_default(server: Server) -> None:
    url = server.route("/secret")
    result = one(url, allow_private=False)
    assert result.verdict is Verdict.SKIPPED and "non-public" in result.detail
    assert server.requests == []


def test_name_resolving_to_loopback_is_refused(server: Server) -> None:
    server.route("/secret")
    url = server.url("/secret", name="localhost")
    assert one(url, allow_private=False).verdict is Verdict.SKIPPED
    assert server.requests == []
    assert one(url, allow_private=True).verdict is Verdict.OK


def test_guarded_backend_never_connects_to_refused_addresses(server: Server) -> None:
    backend = GuardedBackend(Resolver(allow_private=False))

    async def attempt() -> None:
        await backend.connect_tcp("127.0.0.1", server.ports["127.0.0.1"])

    with pytest.raises(httpcore.ConnectError, match="non-public"):
        asyncio.run(attempt())
    assert server.requests == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        # IPv6 forms that embed an IPv4 address are judged by that address:
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::169.254.169.254",  # IPv4-compatible metadata address
        "::ffff:0:7f00:1",  # IPv4-translated (SIIT) 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b:1::a00:1",  # local-use NAT64 prefix
        "fec0::1",  # site-local
        "fec0:0:0:ffff::1",
        "::",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "2606:4700::6810:85e5",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2a00:1450:4001::1",
    ],
)
def test_public_addresses(address: str) -> None:
    assert is_public(address)


@pytest.mark.parametrize(
    "host", ["10.0.0.1", "[::7f00:1]", "[::169.254.169.254]", "[64:ff9b::a00:1]", "[fec0::1]"]
)
def test_resolver_refuses_private_literals(host: str) -> None:
    async def resolve() -> None:
        await Resolver(allow_private=False).resolve(host)

    with pytest.raises(PrivateAddressError):
        asyncio.run(resolve())


def test_trailing_dot_is_the_same_host() -> None:
    assert host_key("Example.ORG.") == host_key("example.org") == "example.org"


def test_trailing_dot_does_not_double_the_per_host_cap(server: Server) -> None:
    """localhost and localhost. are one host: with a cap of 1, never two requests at once."""
    port = server.ports["127.0.0.1"]
    urls = []
    for i in range(6):
        server.route(f"/p{i}", delay=0.15)
        name = "localhost." if i % 2 else "localhost"
        urls.append(f"http://{name}:{port}/p{i}")
    report = run(urls, host_concurrency=1, max_concurrency=8)
    assert {r.verdict for r in report.results} == {Verdict.OK}
    assert {r.host for r in server.requests} == {"localhost"}  # the server strips the dot too
    assert server.max_in_flight("localhost") == 1


def test_tls_handshake_runs_and_untrusted_certificate_is_dead(tmp_path: Path) -> None:
    """The asyncio transport does TLS; a self-signed certificate fails verification."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl not available to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    tls = Server(tls=context).start()
    try:
        result = one(tls.route("/secure"))
        assert result.verdict is Verdict.DEAD and "certificate" in result.detail.lower()
        assert tls.requests == []  # no HTTP request over an unverified channel
    finally:
        tls.stop()
