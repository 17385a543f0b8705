"""Speed of ``awesomelint meta`` against what the providers' rate limits allow.

    python benchmarks/meta_speed.py [--runs 5] [--scale 0.2] [--entries 5000]

Writes a list of 5,000 entries (60% arXiv papers, 10% OpenReview, 10% DOIs,
20% GitHub repositories, 20 of the papers under a wrong title) and checks it
against the fake APIs of the test suite on 127.0.0.1, each answering with a
realistic latency (arXiv 1 s a query, Semantic Scholar 0.8 s, GitHub GraphQL
1.5 s ...).  A GitHub token is set, so repositories go through GraphQL.

The peer is the providers' own limit: a provider's requests times its
courtesy interval (arXiv 3 s), plus the title searches that follow the
resolution.  ``--scale`` multiplies every interval *and* latency so that a
run takes seconds instead of minutes; the ratio is unchanged by it, and the
output says which scale was used.  Medians of ``--runs`` cold runs (empty
cache), then one warm run (0 requests expected).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from awesomelint.meta.cache import MetaCache  # noqa: E402
from awesomelint.meta.config import DEFAULT_INTERVALS, meta_config  # noqa: E402
from awesomelint.meta.engine import check  # noqa: E402
from awesomelint.meta.findings import Options  # noqa: E402
from meta.fakes import FakeApis, Fakes, Paper, Repo  # noqa: E402

LATENCY = {"arxiv": 1.0, "openreview": 0.3, "crossref": 0.5, "s2": 0.8, "github": 1.5}
PREFIX = {"arxiv": "arxiv", "openreview": "openreview", "crossref": "crossref",
          "semanticscholar": "s2", "github": "github"}  # fmt: skip
WRONG = 20


def build(entries: int) -> tuple[Fakes, str]:
    """The fakes' knowledge and the list text."""
    fakes = Fakes()
    lines = ["# Benchmark list", "", "## Entries", ""]
    papers, reviews, dois = int(entries * 0.6), int(entries * 0.1), int(entries * 0.1)
    repos = entries - papers - reviews - dois
    for n in range(papers):
        ident = f"2401.{n:05d}"
        title = f"Studying topic {n} of interpretable language models"
        fakes.arxiv[ident] = Paper(title)
        fakes.s2[f"ARXIV:{ident}"] = {"paperId": ident, "title": title, "venue": "",
                                      "externalIds": {"ArXiv": ident}}  # fmt: skip
        listed = f"Unrelated work number {n} on graph colouring" if n < WRONG else title
        lines.append(f"- [{listed}](https://arxiv.org/abs/{ident}) - A paper.")
    for n in range(reviews):
        ident = f"or{n:08d}"
        fakes.openreview[ident] = {"title": f"Reviewed paper {n} on circuits",
                                   "venue": "Submitted to ICLR 2024"}  # fmt: skip
        lines.append(f"- [Reviewed paper {n} on circuits](https://openreview.net/forum?id={ident})")
    for n in range(dois):
        doi = f"10.1145/{3600000 + n}"
        fakes.crossref[doi] = {"title": [f"Journal paper {n} on probing"],
                               "container-title": ["ACM Computing Surveys"]}  # fmt: skip
        lines.append(f"- [Journal paper {n} on probing](https://doi.org/{doi})")
    for n in range(repos):
        name = f"owner{n}/tool{n}"
        fakes.repos[name] = Repo(name, archived=n % 50 == 0, id=n + 1)
        lines.append(f"- [Tool {n}](https://github.com/{name}) - A tool.")
    return fakes, "\n".join(lines) + "\n"


def _serve(fakes: Fakes, roots: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    """The fakes in a process of their own, so their work does not share the client's GIL."""
    apis = FakeApis(fakes).start()
    roots.put(apis.roots())
    stop.wait()
    apis.stop()


def run_once(roots: dict[str, str], path: Path, cache_path: Path | None, scale: float):  # type: ignore[no-untyped-def]
    from awesomelint.config import Config

    table = {
        "meta": {
            "api": roots,
            "intervals": {k: v * scale for k, v in DEFAULT_INTERVALS.items()},
            "timeout": 60.0,
        }
    }
    conf = meta_config(Config(None, table))
    cache = MetaCache(cache_path, 7 * 86400) if cache_path else None
    began = time.perf_counter()
    try:
        report = asyncio.run(
            check([str(path)], conf, allow_private=True, cache=cache, options=Options())
        )
    finally:
        if cache is not None:
            cache.close()
    return time.perf_counter() - began, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=0.2)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    os.environ["GITHUB_TOKEN"] = "benchmark-token"  # GraphQL: 100 repositories a query
    fakes, text = build(args.entries)
    fakes.latencies = {k: v * args.scale for k, v in LATENCY.items()}
    context = multiprocessing.get_context("fork")
    queue, stop = context.Queue(), context.Event()
    server = context.Process(target=_serve, args=(fakes, queue, stop), daemon=True)
    server.start()
    roots = queue.get(timeout=30)
    work = Path(tempfile.mkdtemp(prefix="meta-speed-"))
    path = work / "list.md"
    path.write_text(text, encoding="utf-8")
    times, reports = [], []
    try:
        for n in range(args.runs):
            seconds, report = run_once(roots, path, work / f"cache{n}.sqlite3", args.scale)
            times.append(seconds)
            reports.append(report)
        warm_seconds, warm = run_once(roots, path, work / "cache0.sqlite3", args.scale)
    finally:
        stop.set()
        server.join(10)
    report = reports[-1]
    print(f"awesomelint meta on {len(report.entries)} entries against the fake APIs")
    print(f"intervals and latencies scaled by {args.scale:g} (real: arXiv 3 s, S2 1 s ...)")
    floor = 0.0
    for name, requests, ids in report.per_provider:
        interval = DEFAULT_INTERVALS[name] * args.scale
        searches = WRONG if name == "semanticscholar" else 0
        print(
            f"  {name:16} {requests:4d} requests, {ids / max(requests, 1):6.1f} ids/request,"
            f" interval {interval * 1000:.0f} ms -> {requests * interval:.2f} s"
        )
        floor = max(floor, (requests - searches) * interval)
    s2_interval = DEFAULT_INTERVALS["semanticscholar"] * args.scale
    floor += WRONG * s2_interval  # title searches follow the resolution
    median = statistics.median(times)
    print(f"requests: {report.requests}, ids sent: {report.ids_sent}, findings:"
          f" {len(report.findings)}")  # fmt: skip
    print(f"rate-limit floor (requests x interval, searches after): {floor:.2f} s")
    print(f"median of {args.runs} cold runs: {median:.2f} s"
          f" (runs: {', '.join(f'{t:.2f}' for t in times)})")  # fmt: skip
    print(f"ratio to the floor: {median / floor:.2f}x (goal: within 1.2x)")
    print(f"warm cache: {warm_seconds:.2f} s, {warm.requests} requests")
    print(
        f"(the warm run is the local work, parsing and matching, which does not scale:"
        f" at --scale 1 the floor is {floor / args.scale:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
