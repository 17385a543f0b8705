"""Speed of ``awesomelint links`` against markdown-link-check, on a local server farm.

    python benchmarks/links_speed.py [--runs 5] [--mlc-runs 3] [--skip-mlc]

Starts a farm on 127.0.0.2-11 (one process, ~20 ms latency per response, peak
in-flight requests counted per host), writes a list of 2,000 links (90% plain,
10% permanent redirects), times both checkers on it in the same run, and then
times a warm-cache re-run over 10,000 links.  markdown-link-check is installed
with npm into a cache directory when missing.  Linux loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

HOSTS = tuple(f"127.0.0.{i}" for i in range(2, 12))
LATENCY = 0.020
HOST_CAP = 4
MLC_VERSION = "3.12.2"


# -- the farm (runs in a child process: python links_speed.py --serve PORT) ------------------


def serve(port: int, latency: float) -> None:
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
                    body = b"<html><body>ok</body></html>"
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
        servers = [await asyncio.start_server(respond, host, port, backlog=1024) for host in HOSTS]
        print("ready", flush=True)
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOSTS[0], 0))
        return sock.getsockname()[1]


def stats(port: int) -> dict[str, dict[str, int]]:
    """Per-host peak in-flight and request counts since the last call (then reset)."""
    with urllib.request.urlopen(f"http://{HOSTS[0]}:{port}/__stats", timeout=5) as response:
        return json.load(response)


# -- lists and runners ------------------------------------------------------------------------


def write_list(path: Path, port: int, count: int, redirect_share: float, seed: int) -> None:
    """A plain awesome list: ``count`` links spread over the hosts, some redirecting."""
    rng = random.Random(seed)
    lines = ["# Benchmark list", "", "## Links", ""]
    for i in range(count):
        host = HOSTS[i % len(HOSTS)]
        kind = "r" if rng.random() < redirect_share else "p"
        lines.append(f"- [Item {i}](http://{host}:{port}/{kind}/{i}) - Thing number {i}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    return time.perf_counter() - began, done.returncode, done.stdout + done.stderr


def awesomelint(path: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "awesomelint",
        "links",
        "--allow-private",
        "--no-progress",
        "--format",
        "json",
        "--host-concurrency",
        str(HOST_CAP),
        *extra,
        str(path),
    ]


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
        [
            "npm",
            "install",
            "--prefix",
            str(base),
            "--no-audit",
            "--no-fund",
            f"markdown-link-check@{MLC_VERSION}",
        ],
        check=True,
        capture_output=True,
    )
    return binary if binary.exists() else None


def report(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name:<34} median {median:7.2f} s   (runs: {runs})")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mlc-runs", type=int, default=3)
    parser.add_argument("--skip-mlc", action="store_true")
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--warm-links", type=int, default=10000)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, LATENCY)
        return 0

    port = free_port()
    farm = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert farm.stdout is not None and farm.stdout.readline().strip() == "ready"
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            lst = work / "list.md"
            write_list(lst, port, args.links, 0.10, seed=1)
            ideal = args.links * LATENCY / (len(HOSTS) * HOST_CAP)
            print(
                f"{args.links} links, {len(HOSTS)} hosts, {LATENCY * 1000:.0f} ms latency, "
                f"cap {HOST_CAP}/host: ideal {ideal:.2f} s"
            )

            ours: list[float] = []
            engine: list[float] = []
            peaks: list[int] = []
            for _ in range(args.runs):
                seconds, code, out = timed(awesomelint(lst, "--no-cache"))
                if code != 0:
                    print(out[-2000:], file=sys.stderr)
                    raise SystemExit(f"awesomelint failed with exit code {code}")
                data = json.loads(out)
                summary = data["summary"]
                assert summary["ok"] + summary["redirected"] == args.links, summary
                ours.append(seconds)
                engine.append(summary["seconds"])
                peaks.append(max(stats(port)["peak"].values()))
            t_ours = report("awesomelint (wall, process)", ours)
            t_engine = report("awesomelint (engine only)", engine)
            print(
                f"peak in-flight per host: {max(peaks)} (cap {HOST_CAP})"
                f" -> {'OK' if max(peaks) <= HOST_CAP else 'EXCEEDED'}"
            )
            print(
                f"vs ideal: wall {t_ours / ideal:.2f}x, engine {t_engine / ideal:.2f}x"
                f" (goal <= 1.5x)"
            )

            mlc = None if args.skip_mlc else install_mlc()
            if mlc is not None:
                theirs = []
                for _ in range(args.mlc_runs):
                    seconds, code, out = timed([str(mlc), "-q", str(lst)])
                    if code != 0:  # a failed run would not be a fair comparison
                        print(out[-2000:], file=sys.stderr)
                        raise SystemExit(f"markdown-link-check failed with exit code {code}")
                    theirs.append(seconds)
                    stats(port)
                t_mlc = report("markdown-link-check", theirs)
                print(f"speed-up vs markdown-link-check: {t_mlc / t_ours:.1f}x (goal >= 10x)")

            big = work / "big.md"
            cache = work / "cache.sqlite3"
            write_list(big, port, args.warm_links, 0.10, seed=2)
            seconds, code, out = timed(awesomelint(big, "--cache", str(cache)))
            print(f"cold run over {args.warm_links} links (fills the cache): {seconds:.2f} s")
            stats(port)
            warm = []
            for _ in range(args.runs):
                seconds, code, out = timed(awesomelint(big, "--cache", str(cache)))
                summary = json.loads(out)["summary"]
                assert summary["cached"] == args.warm_links, summary
                warm.append(seconds)
            sent = sum(stats(port)["requests"].values())
            t_warm = report(f"warm-cache re-run ({args.warm_links} links)", warm)
            print(
                f"requests sent during warm runs: {sent}; goal < 1 s: "
                f"{'OK' if t_warm < 1 else 'MISSED'}"
            )
    finally:
        farm.terminate()
        farm.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
