"""Fake provider APIs on 127.0.0.1, answering in each provider's documented format.

One real HTTP server (the standard library's, one thread per connection)
serves all five APIs under their own path prefix; each prefix is configured
as that provider's API root.  The fakes record every request (path, method,
how many ids it carried), can add latency, cap page sizes (to exercise
pagination), and play scripted failures (status, headers, body) before
answering normally.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

ATOM_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<feed xmlns="http://www.w3.org/2005/Atom" '
    'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
    '  <title type="html">ArXiv Query: {query}</title>\n'
    "  <id>http://arxiv.org/api/fake</id>\n"
    "  <updated>2024-01-01T00:00:00-05:00</updated>\n"
    "  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
    "  <opensearch:startIndex>{start}</opensearch:startIndex>\n"
    "  <opensearch:itemsPerPage>{per_page}</opensearch:itemsPerPage>\n"
)


@dataclass(frozen=True)
class Seen:
    """One request: provider prefix, path, method, ids it carried, when."""

    provider: str
    path: str
    method: str
    ids: int
    at: float


@dataclass
class Paper:
    title: str
    journal_ref: str = ""
    comment: str = ""
    doi: str = ""
    year: int = 2023


@dataclass
class Repo:
    name: str  # current owner/name
    archived: bool = False
    # a month ago, whenever the tests run: a fixed date would turn stale with time
    pushed_at: str = field(
        default_factory=lambda: (dt.datetime.now(dt.UTC) - dt.timedelta(days=30)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
    )
    stars: int = 10
    id: int = 0


@dataclass
class Fakes:
    """What the fake APIs know, and how they behave."""

    arxiv: dict[str, Paper] = field(default_factory=dict)
    openreview: dict[str, dict[str, str]] = field(default_factory=dict)
    crossref: dict[str, dict[str, Any]] = field(default_factory=dict)
    s2: dict[str, dict[str, Any]] = field(default_factory=dict)  # "ARXIV:x" -> paper
    repos: dict[str, Repo] = field(default_factory=dict)  # lower owner/name -> repo
    renamed: dict[str, str] = field(default_factory=dict)  # old lower name -> new lower name
    latency: float = 0.0
    latencies: dict[str, float] = field(default_factory=dict)  # per prefix, over latency
    page_cap: dict[str, int] = field(default_factory=dict)
    script: dict[str, list[tuple[int, dict[str, str], bytes]]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    index: list[set[str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, provider: str | None = None) -> int:
        with self.lock:
            return sum(1 for s in self.seen if provider in (None, s.provider))

    def ids_per_request(self, provider: str) -> list[int]:
        with self.lock:
            return [s.ids for s in self.seen if s.provider == provider]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._serve("GET", b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self._serve("POST", self.rfile.read(length))

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        headers = dict(headers or {})
        self.send_response(status)
        declared = headers.pop("content-length", None)
        self.send_header("Content-Length", declared or str(len(body)))
        self.send_header("Content-Type", headers.pop("content-type", "application/json"))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        if declared:  # a truncated body: promise more than is sent, then hang up
            self.close_connection = True

    def _serve(self, method: str, body: bytes) -> None:
        fakes = self.server.fakes
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        provider, _, rest = parts.path.lstrip("/").partition("/")
        ids = _ids(provider, rest, query, body)
        with fakes.lock:
            fakes.seen.append(Seen(provider, "/" + rest, method, ids, time.monotonic()))
            scripted = fakes.script.get(provider)
            step = scripted.pop(0) if scripted else None
        delay = fakes.latencies.get(provider, fakes.latency)
        if delay:
            time.sleep(delay)
        if step is not None:
            self._send(step[0], step[2], step[1])
            return
        handler = getattr(self, f"_{provider}", None)
        if handler is None:
            self._send(404, b'{"message": "Not Found"}')
            return
        handler(method, "/" + rest, query, body)

    # -- arXiv: Atom XML ---------------------------------------------------------------------

    def _arxiv(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        fakes = self.server.fakes
        wanted = [i for i in query.get("id_list", "").split(",") if i]
        start = int(query.get("start", "0"))
        per_page = min(int(query.get("max_results", "10")), fakes.page_cap.get("arxiv", 2000))
        known = [i for i in wanted if i in fakes.arxiv]
        page = known[start : start + per_page]
        parts = [
            ATOM_HEAD.format(
                query=escape(f"id_list={','.join(wanted)}"),
                total=len(known),
                start=start,
                per_page=per_page,
            )
        ]
        for ident in page:
            paper = fakes.arxiv[ident]
            extra = ""
            if paper.journal_ref:
                extra += f"    <arxiv:journal_ref>{escape(paper.journal_ref)}</arxiv:journal_ref>\n"
            if paper.comment:
                extra += f"    <arxiv:comment>{escape(paper.comment)}</arxiv:comment>\n"
            if paper.doi:
                extra += f"    <arxiv:doi>{escape(paper.doi)}</arxiv:doi>\n"
            parts.append(
                "  <entry>\n"
                f"    <id>http://arxiv.org/abs/{ident}v2</id>\n"
                f"    <updated>{paper.year}-06-01T00:00:00Z</updated>\n"
                f"    <published>{paper.year}-01-15T00:00:00Z</published>\n"
                f"    <title>{escape(paper.title)}</title>\n"
                "    <summary>An abstract.</summary>\n"
                "    <author><name>A. Author</name></author>\n"
                f"{extra}"
                f'    <link href="http://arxiv.org/abs/{ident}v2" rel="alternate"/>\n'
                '    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>\n'
                "  </entry>\n"
            )
        parts.append("</feed>\n")
        self._send(200, "".join(parts).encode(), {"content-type": "application/atom+xml"})

    # -- OpenReview API v2 ---------------------------------------------------------------------

    def _openreview(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        fakes = self.server.fakes
        wanted = [i for i in query.get("ids", "").split(",") if i]
        offset = int(query.get("offset", "0"))
        limit = min(int(query.get("limit", "1000")), fakes.page_cap.get("openreview", 1000))
        known = [i for i in wanted if i in fakes.openreview]
        notes = []
        for ident in known[offset : offset + limit]:
            note = fakes.openreview[ident]
            content = {name: {"value": value} for name, value in note.items()}
            content["authors"] = {"value": ["A. Author"]}
            notes.append(
                {
                    "id": ident,
                    "forum": ident,
                    "invitations": ["ICLR.cc/2024/Conference/-/Submission"],
                    "cdate": 1695000000000,
                    "content": content,
                }
            )
        self._send(200, json.dumps({"notes": notes, "count": len(known)}).encode())

    # -- Crossref ------------------------------------------------------------------------------

    def _crossref(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        fakes = self.server.fakes
        wanted = [f.removeprefix("doi:") for f in query.get("filter", "").split(",") if f]
        offset = int(query.get("offset", "0"))
        rows = min(int(query.get("rows", "20")), fakes.page_cap.get("crossref", 1000))
        known = [d for d in wanted if d in fakes.crossref]
        items = [
            {"DOI": d, "type": "proceedings-article", **fakes.crossref[d]}
            for d in known[offset : offset + rows]
        ]
        message = {"total-results": len(known), "items": items, "items-per-page": rows}
        answer = {"status": "ok", "message-type": "work-list", "message": message}
        self._send(200, json.dumps(answer).encode())

    # -- Semantic Scholar ---------------------------------------------------------------------

    def _s2(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        fakes = self.server.fakes
        if path == "/paper/batch" and method == "POST":
            asked = json.loads(body)["ids"]
            self._send(200, json.dumps([fakes.s2.get(i) for i in asked]).encode())
            return
        if path == "/paper/search":
            words = set(query.get("query", "").lower().split())
            if len(fakes.index) != len(fakes.s2):  # word sets, built once per content
                fakes.index[:] = [set(p["title"].lower().split()) for p in fakes.s2.values()]
            overlap = [
                (len(words & title_words), n, p)
                for n, (title_words, p) in enumerate(
                    zip(fakes.index, fakes.s2.values(), strict=True)
                )
            ]
            ranked = sorted(
                (o for o in overlap if o[0] * 2 >= len(words) > 0), key=lambda o: (-o[0], o[1])
            )
            hits = [p for _, _, p in ranked]
            answer = {"total": len(hits), "offset": 0, "data": hits[:5]}
            if len(hits) > 5:
                answer["next"] = 5
            self._send(200, json.dumps(answer).encode())
            return
        self._send(404, b'{"error": "Not found"}')

    # -- GitHub --------------------------------------------------------------------------------

    def _repo(self, name: str) -> Repo | None:
        fakes = self.server.fakes
        name = fakes.renamed.get(name.lower(), name.lower())
        return fakes.repos.get(name)

    def _github(self, method: str, path: str, query: dict[str, str], body: bytes) -> None:
        fakes = self.server.fakes
        if path == "/graphql" and method == "POST":
            import re

            text = json.loads(body)["query"]
            data: dict[str, Any] = {}
            errors = []
            for alias, owner, name in re.findall(
                r'(\w+): repository\(owner: "([^"]+)", name: "([^"]+)"\)', text
            ):
                repo = self._repo(f"{owner}/{name}")
                if repo is None:
                    data[alias] = None
                    errors.append(
                        {
                            "type": "NOT_FOUND",
                            "path": [alias],
                            "locations": [{"line": 1, "column": 9}],
                            "message": f"Could not resolve to a Repository with the name "
                            f"'{owner}/{name}'.",
                        }
                    )
                else:
                    data[alias] = {
                        "nameWithOwner": repo.name,
                        "isArchived": repo.archived,
                        "pushedAt": repo.pushed_at,
                        "stargazerCount": repo.stars,
                    }
            answer: dict[str, Any] = {"data": data}
            if errors:
                answer["errors"] = errors
            self._send(200, json.dumps(answer).encode())
            return
        segments = path.strip("/").split("/")
        if segments[0] == "repositories" and len(segments) == 2:
            repo = next((r for r in fakes.repos.values() if str(r.id) == segments[1]), None)
        elif segments[0] == "repos" and len(segments) == 3:
            lower = f"{segments[1]}/{segments[2]}".lower()
            if lower in fakes.renamed:
                target = fakes.repos[fakes.renamed[lower]]
                root = f"http://{self.headers['host']}/github"
                location = f"{root}/repositories/{target.id}"
                moved = {"message": "Moved Permanently", "url": location}
                self._send(301, json.dumps(moved).encode(), {"location": location})
                return
            repo = fakes.repos.get(lower)
        else:
            repo = None
        if repo is None:
            self._send(404, b'{"message": "Not Found", "status": "404"}')
            return
        answer = {
            "id": repo.id,
            "full_name": repo.name,
            "name": repo.name.split("/")[1],
            "archived": repo.archived,
            "pushed_at": repo.pushed_at,
            "stargazers_count": repo.stars,
        }
        self._send(200, json.dumps(answer).encode())


def _ids(provider: str, rest: str, query: dict[str, str], body: bytes) -> int:
    if provider == "arxiv":
        return len([i for i in query.get("id_list", "").split(",") if i])
    if provider == "openreview":
        return len([i for i in query.get("ids", "").split(",") if i])
    if provider == "crossref":
        return len([i for i in query.get("filter", "").split(",") if i])
    if provider == "s2" and body:
        return len(json.loads(body).get("ids", []))
    if provider == "github" and body:
        return json.loads(body).get("query", "").count("repository(")
    return 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fakes: Fakes


class FakeApis:
    """The running server and the API roots to configure."""

    PREFIX = {
        "arxiv": "arxiv",
        "openreview": "openreview",
        "crossref": "crossref",
        "semanticscholar": "s2",
        "github": "github",
    }

    def __init__(self, fakes: Fakes) -> None:
        self.fakes = fakes
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.fakes = fakes
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FakeApis:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def roots(self) -> dict[str, str]:
        return {name: f"{self.base}/{prefix}" for name, prefix in self.PREFIX.items()}

    def write_config(self, directory: Path, **extra: object) -> Path:
        """An ``.awesomelint.toml`` pointing every provider at the fakes, no intervals."""
        lines = ["[meta]"]
        for key, value in extra.items():
            if key in ("intervals",):
                continue
            lines.append(f"{key.replace('_', '-')} = {json.dumps(value)}")
        lines.append("[meta.api]")
        lines += [f'{name} = "{root}"' for name, root in self.roots().items()]
        intervals = extra.get("intervals") or {}
        lines.append("[meta.intervals]")
        for name in self.PREFIX:
            lines.append(f"{name} = {intervals.get(name, 0.0)}")  # type: ignore[union-attr]
        path = directory / ".awesomelint.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
