"""The HTTP side of the checker: one client, HEAD then GET, redirects by hand, retries.

Every hop passes the host pool and the address guard; bodies are streamed and
dropped after a small cap unless the page's anchors are wanted.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from awesomelint.links.decoding import BodyError, UnsupportedEncoding, close_stream, read_limited
from awesomelint.links.fragments import page_anchors
from awesomelint.links.hostpool import HostPool, parse_retry_after
from awesomelint.links.model import Hop, Outcome, Settings, Verdict
from awesomelint.links.netguard import DNSError, PrivateAddressError, Resolver, host_key
from awesomelint.links.urls import host_of, invalid_reason, split_fragment

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
REDIRECTS = _REDIRECTS  # for the list fetcher, which follows them the same way
_PERMANENT = frozenset({301, 308})
_BLOCKED = frozenset({401, 403, 407, 429, 999})
_TRANSIENT = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
_BACKOFF = frozenset({429, 503})
# HEAD answers that say nothing about GET: servers that refuse or botch HEAD.
_HEAD_SUSPECT = frozenset({400, 401, 403, 404, 405, 406, 410, 500, 501, 999})
# Hosts known to answer HEAD wrongly (or not at all); config adds more.
KNOWN_GET_ONLY = frozenset({"www.amazon.com", "amazon.com", "medium.com", "www.linkedin.com"})
_HTML = re.compile(r"html|xml", re.IGNORECASE)
_GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})


@dataclass(frozen=True)
class _Answer:
    """One HTTP exchange (or its failure), before any verdict is drawn."""

    status: int | None = None
    location: str | None = None
    retry_after: float | None = None
    anchors: frozenset[str] | None = None
    error: str | None = None  # "timeout", "connection" or "invalid"
    detail: str = ""


def _backoff(settings: Settings, attempt: int) -> float:
    """Exponential backoff with full jitter, so retries of many URLs do not synchronise."""
    ceiling = min(settings.backoff_cap, settings.backoff_base * 2 ** (attempt - 1))
    return random.uniform(ceiling / 2, ceiling)


def _switch_to(chain: tuple[Hop, ...]) -> str | None:
    """The URL to switch to: the end of the leading run of permanent redirects."""
    target = None
    for hop in chain:
        if hop.status not in _PERMANENT:
            break
        target = hop.location
    return target


def redirect_target(current: str, location: str) -> tuple[str, str | None]:
    """Where a ``Location`` header points from ``current`` (fragment dropped), and why that
    target cannot be requested (None when it can).  Never raises: the header is the server's."""
    try:
        target = split_fragment(urljoin(current, location.strip()))[0]
    except ValueError as exc:  # "http://[::1": urljoin itself refuses it
        return location, f"malformed: {exc}"
    return target, invalid_reason(target)


def verdict_for(status: int, chain: tuple[Hop, ...], settings: Settings) -> Verdict:
    """The verdict for the final status of a request (after redirects and retries)."""
    if status in settings.accept:
        return Verdict.REDIRECTED if _switch_to(chain) else Verdict.OK
    if status in _BLOCKED:
        return Verdict.BLOCKED
    return Verdict.DEAD


_SENDING = frozenset({"http11.send_request_headers.started", "http2.send_request_headers.started"})


def _on_send(request: object, sent: Callable[[], None]) -> None:
    """Have ``sent`` called when ``request``'s bytes go out, after any connecting.

    The lean HEAD path calls it itself; an httpx request reports it through
    httpcore's ``trace`` extension.
    """
    if hasattr(request, "on_send"):
        request.on_send = sent
        return

    async def trace(event: str, info: object) -> None:
        if event in _SENDING:
            sent()

    request.extensions["trace"] = trace  # type: ignore[attr-defined]


class Checker:
    """Holds the run's client, pool and resolver; answers one URL at a time, many at once."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient, resolver: Resolver) -> None:
        self.settings = settings
        self.client = client
        self.resolver = resolver
        self.pool = HostPool(settings)
        self.gate = asyncio.Semaphore(settings.max_concurrency)
        self.get_only = set(KNOWN_GET_ONLY | settings.get_only_hosts)
        self.requests = 0
        self.decoded_bytes = 0  # body bytes held in memory after decoding, over the run
        self._headers: dict[str, dict[str, str]] = {}

    def _headers_for(self, host: str, url: str) -> dict[str, str]:
        headers = self._headers.get(host)
        if headers is None:
            headers = dict(self.settings.headers)
            headers.update(self.settings.host(host).headers)
            token = self.settings.github_token
            if token and host in _GITHUB_HOSTS and "authorization" not in map(str.lower, headers):
                headers["Authorization"] = f"Bearer {token}"
            self._headers[host] = headers
        if not url.startswith("https:") and "Authorization" in headers and host in _GITHUB_HOSTS:
            return {k: v for k, v in headers.items() if k != "Authorization"}
        return headers

    async def outcome(
        self,
        url: str,
        want_anchors: bool,
        chain_so_far: tuple[Hop, ...] = (),
        hand_off: bool = False,
    ) -> Outcome:
        """Follow ``url`` to its final answer and judge it.

        ``chain_so_far``: the hops that led here in another lane.  With
        ``hand_off`` a redirect to another host is not followed but returned
        (``Outcome.hand_off``): in a worker process that host may belong to
        another lane, and only its own lane may keep its cap and interval.
        """
        began = time.monotonic()
        chain: list[Hop] = list(chain_so_far)
        current = url
        seen = {url, *(hop.url for hop in chain)}
        for _ in range(self.settings.max_redirects + 1 - len(chain)):
            host = host_key(host_of(current))
            try:
                await self.resolver.resolve(host)
            except PrivateAddressError as exc:
                return Outcome(Verdict.SKIPPED, detail=f"refused: {exc} (see --allow-private)")
            except DNSError as exc:
                return Outcome(Verdict.DEAD, detail=f"DNS failure: {exc}", chain=tuple(chain))
            except TimeoutError:
                return Outcome(Verdict.TIMEOUT, detail=f"DNS lookup of {host} timed out")
            answer = await self._request(current, host, want_anchors)
            elapsed = time.monotonic() - began
            if answer.error == "invalid":
                return Outcome(Verdict.INVALID, detail=answer.detail, chain=tuple(chain))
            if answer.error == "timeout":
                return Outcome(Verdict.TIMEOUT, detail=answer.detail, chain=tuple(chain))
            if answer.error:
                return Outcome(Verdict.DEAD, detail=answer.detail, chain=tuple(chain))
            assert answer.status is not None
            if answer.status in _REDIRECTS and answer.location:
                target, reason = redirect_target(current, answer.location)
                chain.append(Hop(current, answer.status, target))
                if reason:
                    return Outcome(
                        Verdict.DEAD,
                        answer.status,
                        detail=f"redirects to malformed URL {target}",
                        chain=tuple(chain),
                    )
                if target in seen:
                    return Outcome(
                        Verdict.DEAD, answer.status, detail="redirect loop", chain=tuple(chain)
                    )
                seen.add(target)
                if hand_off and host_key(host_of(target)) != host:  # the target's lane goes on
                    return Outcome(
                        Verdict.SKIPPED, answer.status, chain=tuple(chain), hand_off=target
                    )
                current = target
                continue
            hops = tuple(chain)
            verdict = verdict_for(answer.status, hops, self.settings)
            return Outcome(
                verdict,
                answer.status,
                redirect_to=_switch_to(hops) if verdict is Verdict.REDIRECTED else None,
                detail=answer.detail,
                chain=hops,
                final_url=current,
                anchors=answer.anchors,
                elapsed=elapsed,
            )
        return Outcome(
            Verdict.DEAD,
            chain[-1].status if chain else None,
            detail=f"more than {self.settings.max_redirects} redirects",
            chain=tuple(chain),
        )

    async def _request(self, url: str, host: str, want_body: bool) -> _Answer:
        """One hop with retries: backoff with jitter on transient failures, none on 404/410."""
        attempt = 0
        force_get = want_body
        while True:
            answer, force_get = await self._attempt(url, host, want_body, force_get)
            if answer.status in _BACKOFF:
                self.pool.back_off(host, answer.retry_after, answer.status)
            elif answer.status is not None and answer.status < 400:
                self.pool.relax(host)
            transient = answer.error is not None or answer.status in _TRANSIENT
            if not transient or attempt >= self.settings.retries:
                return answer
            attempt += 1
            if answer.status not in _BACKOFF:  # the pool already makes the host wait
                await asyncio.sleep(_backoff(self.settings, attempt))

    async def _attempt(
        self, url: str, host: str, want_body: bool, force_get: bool
    ) -> tuple[_Answer, bool]:
        """HEAD (or GET when HEAD cannot be trusted) inside the host's slot and the global gate.

        Also returns whether a retry should go straight to GET.
        """
        async with self.pool.slot(host, self.gate):
            use_get = force_get or host in self.get_only  # decided late: earlier slots teach
            answer = await self._send("GET" if use_get else "HEAD", url, host, want_body)
            if not use_get and answer.error == "timeout":
                self.get_only.add(host)  # some servers ignore HEAD: retry with GET
            elif not use_get and (
                answer.status in _HEAD_SUSPECT or (answer.error and "protocol" in answer.detail)
            ):
                fallback = await self._send("GET", url, host, want_body)
                if fallback.status != answer.status:
                    self.get_only.add(host)  # this server's HEAD lies: skip it from now on
                return fallback, True
        return answer, use_get

    async def _send(self, method: str, url: str, host: str, want_body: bool) -> _Answer:
        """One request, streamed: never reads more of the body than needed."""
        self.requests += 1
        try:
            async with asyncio.timeout(self.settings.timeout):
                request = self.client.build_request(
                    method, url, headers=self._headers_for(host, url)
                )
                sent = self.pool.sending(host)
                if sent is not None:
                    _on_send(request, sent)
                try:
                    response = await self.client.send(request, stream=True)
                except httpx.InvalidURL as exc:  # httpx parses a redirect's Location in send
                    return _Answer(error="connection", detail=f"redirects to malformed URL: {exc}")
                try:
                    # Read HEAD's empty body too: only a finished response frees the connection.
                    anchors = await self._read_body(response, want_body and method == "GET")
                    return _Answer(
                        status=response.status_code,
                        location=response.headers.get("location"),
                        retry_after=parse_retry_after(response.headers.get("retry-after")),
                        anchors=anchors,
                        detail=f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                    )
                finally:
                    await response.aclose()
        except httpx.InvalidURL as exc:
            return _Answer(error="invalid", detail=str(exc))
        except BodyError as exc:
            return _Answer(error="connection", detail=f"cannot decode the page: {exc}")
        except (TimeoutError, httpx.TimeoutException):
            return _Answer(error="timeout", detail=f"no answer within {self.settings.timeout:g}s")
        except httpx.ConnectError as exc:
            return _Answer(error="connection", detail=f"cannot connect: {exc}".rstrip(": "))
        except httpx.RemoteProtocolError as exc:
            return _Answer(error="connection", detail=f"protocol error: {exc}")
        except httpx.HTTPError as exc:
            return _Answer(error="connection", detail=f"{type(exc).__name__}: {exc}")

    async def _read_body(
        self, response: httpx.Response, want_anchors: bool
    ) -> frozenset[str] | None:
        """Anchors of an HTML page when asked for; otherwise drain at most a small cap."""
        html = _HTML.search(response.headers.get("content-type", "html"))
        if want_anchors and response.status_code < 300 and html:
            # Decoded here, under the cap: httpx would inflate a gzip bomb whole.
            try:
                body = await read_limited(
                    response.aiter_raw(),
                    response.headers.get("content-encoding"),
                    self.settings.fragment_body_cap,
                )
            except UnsupportedEncoding:
                return None  # not offered by us; the page may be fine, its anchors are unknown
            self.decoded_bytes += len(body.data)
            try:
                text = body.data.decode(response.encoding or "utf-8", errors="replace")
            except LookupError:  # a charset Python knows but that is no text codec (rot13)
                text = body.data.decode("utf-8", errors="replace")
            return page_anchors(text)
        size = 0
        chunks = response.aiter_raw()
        try:
            async for chunk in chunks:
                size += len(chunk)
                if size >= self.settings.body_cap:
                    break  # closing the response drops the connection; cheaper than reading on
        finally:
            await close_stream(chunks)
        return None
