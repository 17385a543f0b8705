"""The floor of any httpx-based link checker on this machine, on links_speed.py's farm.

    python benchmarks/links_floor.py [--requests 2200] [--runs 3]

Issue 4 asks for one ``httpx.AsyncClient`` and a check of 2,000 links (2,200
requests with the redirects) within 1.5x of the ideal time (2,000 x 20 ms /
(10 hosts x 4) = 1.00 s).  This script times what no checker built on httpx can
beat: bare HEAD requests with the same per-host cap and nothing else (no
parsing, verdicts, cache or report), once through ``AsyncClient.head`` and once
straight through the client's transport.  It prints medians and their ratio to
the ideal.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from links_speed import HOST_CAP, HOSTS, LATENCY, free_port  # noqa: E402


async def _bare(port: int, count: int, through_transport: bool) -> float:
    urls = [f"http://{HOSTS[i % len(HOSTS)]}:{port}/p/{i}" for i in range(count)]
    limits = httpx.Limits(max_connections=len(HOSTS) * HOST_CAP)
    async with httpx.AsyncClient(limits=limits, trust_env=False) as client:
        caps = {host: asyncio.Semaphore(HOST_CAP) for host in HOSTS}

        async def one(url: str) -> None:
            async with caps[url.split("/")[2].split(":")[0]]:
                if through_transport:
                    response = await client._transport.handle_async_request(  # noqa: SLF001
                        httpx.Request("HEAD", url)
                    )
                    await response.aread()
                    await response.aclose()
                else:
                    await client.head(url)

        began = time.perf_counter()
        await asyncio.gather(*(one(url) for url in urls))
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    farm_script = Path(__file__).with_name("links_speed.py")
    farm = subprocess.Popen(
        [sys.executable, str(farm_script), "--serve", str(port)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert farm.stdout is not None and farm.stdout.readline().strip() == "ready"
        ideal = 2000 * LATENCY / (len(HOSTS) * HOST_CAP)
        print(f"{args.requests} HEAD requests, cap {HOST_CAP}/host; issue 4's ideal {ideal:.2f} s")
        for label, direct in (("AsyncClient.head", False), ("client transport", True)):
            times = [asyncio.run(_bare(port, args.requests, direct)) for _ in range(args.runs)]
            median = statistics.median(times)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"{label:<18} median {median:5.2f} s ({median / ideal:.2f}x ideal; runs {runs})")
    finally:
        farm.terminate()
        farm.wait(timeout=10)


if __name__ == "__main__":
    main()
