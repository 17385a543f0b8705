"""Where requests run: a bounded queue drained by a fixed number of workers, in one or more lanes.

A lane owns some hosts, one HTTP client, one host pool and one resolver; its
queue is bounded, so extraction waits when checking falls behind and memory
stays flat however long the list.  Workers take the host's slot first, then
the global gate, and reserve the host's interval only then (``HostPool.slot``).

Through httpx one event loop spent about 1 ms of CPU per request, which
made a list of thousands of links CPU-bound.  ``ProcessLane`` runs a lane in
a forked worker process: hosts are dealt to lanes, a host lives in exactly
one lane, so its cap, interval and backoff hold as in one process, and the
global limit is split between the lanes.  With HEAD requests on the lean
path (headclient.py) one process is latency-bound again, and on two busy
cores the pickling between processes cost more than it saved, so one lane
is the default (``--jobs``).  Workers are forked when the run starts, before
the lists are read, so they share little memory with the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from awesomelint.links.model import HostStat, Job, Outcome, Settings, Verdict
from awesomelint.links.urls import host_of

_FRAME = struct.Struct("!I")
_STOP = None
# The parent's ends of every worker's pipes: a worker forked later must not hold them open.
_PARENT_ENDS: set[int] = set()


#: ``emit(job, outcome)`` is called in the parent's loop for every finished job.
Emit = Callable[[Job, Outcome], None]


def failure_kind(outcome: Outcome) -> str:
    """``dns`` or ``connect`` when no HTTP answer came at all, else empty."""
    if outcome.status is not None or outcome.failure:
        return outcome.failure
    detail = outcome.detail
    if detail.startswith("DNS ") or (detail.startswith("DNS lookup") and "timed out" in detail):
        return "dns"
    if detail.startswith("cannot connect"):
        return "connect"
    return ""


async def _one(checker: Any, job: Job, hand_off: bool = False) -> Outcome:
    from awesomelint.links.hostpool import HostBlocked

    blocked = checker.pool.blocked(host_of(job.base))
    try:
        if blocked is not None:
            raise blocked
        outcome = await checker.outcome(job.base, job.anchors, job.chain, hand_off)
    except HostBlocked as exc:
        return Outcome(Verdict.BLOCKED, status=exc.status, detail=str(exc))
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # one odd URL must not sink the whole run
        return Outcome(Verdict.DEAD, detail=f"checker error: {exc!r}")
    kind = failure_kind(outcome)
    return replace(outcome, failure=kind) if kind else outcome


class Lane:
    """Workers over a bounded queue, in this process.  ``submit`` waits while the queue is full."""

    def __init__(self, settings: Settings, emit: Emit, hand_off: bool = False) -> None:
        self.settings = settings
        self._emit = emit
        self._hand_off = hand_off  # leave redirects to other hosts to their own lane
        workers = max(1, 2 * settings.max_concurrency)  # some wait on a busy host's slot
        self._queue: asyncio.Queue[Job | None] = asyncio.Queue(maxsize=2 * workers)
        self._workers = workers
        self._task: asyncio.Task[None] | None = None
        self.requests = 0
        self.hosts: tuple[HostStat, ...] = ()

    async def submit(self, job: Job) -> None:
        if self._task is None:
            self._task = asyncio.ensure_future(self._serve())
        await self._queue.put(job)

    async def finish(self) -> None:
        """Wait until every submitted job is answered."""
        if self._task is None:
            return
        for _ in range(self._workers):
            await self._queue.put(_STOP)
        await self._task

    async def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    async def _serve(self) -> None:
        # httpx is imported only when something must actually be requested
        from awesomelint.links import fetch, transport
        from awesomelint.links.headclient import HeadClient

        resolver = fetch.Resolver(self.settings.allow_private, self.settings.timeout)
        async with HeadClient(
            transport.make_client(self.settings, resolver),
            resolver,
            transport.default_headers(self.settings),
        ) as client:
            checker = fetch.Checker(self.settings, client, resolver)  # type: ignore[arg-type]

            async def work() -> None:
                while True:
                    job = await self._queue.get()
                    if job is None:
                        return
                    self._emit(job, await _one(checker, job, self._hand_off))

            try:
                async with asyncio.TaskGroup() as group:
                    for _ in range(self._workers):
                        group.create_task(work())
            finally:
                self.requests = checker.requests
                self.hosts = tuple(checker.pool.stats())


# -- worker processes ---------------------------------------------------------------------------


def can_fork() -> bool:
    """Worker processes are forked (cheap, nothing to re-import); Linux only."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def _frame(value: object) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(data)) + data


async def _read_frame(reader: asyncio.StreamReader) -> Any:
    head = await reader.readexactly(_FRAME.size)
    return pickle.loads(await reader.readexactly(_FRAME.unpack(head)[0]))


async def _pipe_reader(fd: int) -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=1 << 20)
    await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(fd, "rb", buffering=0)
    )
    return reader


async def _pipe_writer(fd: int) -> asyncio.StreamWriter:
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.connect_write_pipe(
        asyncio.streams.FlowControlMixin, os.fdopen(fd, "wb", buffering=0)
    )
    return asyncio.StreamWriter(transport, protocol, None, loop)


def _child(settings: Settings, jobs_fd: int, results_fd: int) -> None:
    """The worker process: jobs in on one pipe, outcomes out on the other, then its figures."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it closes our pipe
    with contextlib.suppress(ValueError):
        signal.set_wakeup_fd(-1)  # the parent loop's wakeup socket is not ours
    asyncio.events._set_running_loop(None)  # forked from inside the parent's running loop

    async def main() -> None:
        reader = await _pipe_reader(jobs_fd)
        writer = await _pipe_writer(results_fd)

        def emit(job: Job, outcome: Outcome) -> None:
            writer.write(_frame((job, outcome)))

        lane = Lane(settings, emit, hand_off=True)
        try:
            while True:
                job = await _read_frame(reader)
                if job is None:
                    break
                await lane.submit(job)
                await writer.drain()
            await lane.finish()
            writer.write(_frame(("stats", lane.requests, lane.hosts)))
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, BrokenPipeError):
            await lane.cancel()  # the parent is gone or gave up: stop at once

    code = 0
    try:
        asyncio.run(main())
    except BaseException:
        code = 1
    finally:
        os._exit(code)


class ProcessLane:
    """A Lane in a forked worker process, fed and read over two pipes."""

    def __init__(self, settings: Settings, emit: Emit) -> None:
        self.settings = settings
        self._emit = emit
        self._pid = 0
        self._writer: asyncio.StreamWriter | None = None
        self._reading: asyncio.Task[None] | None = None
        self._ends: tuple[int, ...] = ()
        self.requests = 0
        self.hosts: tuple[HostStat, ...] = ()

    async def start(self) -> None:
        if self._writer is not None:
            return
        jobs_r, jobs_w = os.pipe()
        results_r, results_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            for fd in (jobs_w, results_r, *_PARENT_ENDS):  # or a sibling's pipe never ends
                with contextlib.suppress(OSError):
                    os.close(fd)
            _child(self.settings, jobs_r, results_w)
        self._pid = pid
        os.close(jobs_r)
        os.close(results_w)
        _PARENT_ENDS.update((jobs_w, results_r))
        self._ends = (jobs_w, results_r)
        self._writer = await _pipe_writer(jobs_w)
        reader = await _pipe_reader(results_r)
        self._reading = asyncio.ensure_future(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while True:
            try:
                item = await _read_frame(reader)
            except asyncio.IncompleteReadError:
                raise RuntimeError("a link-checking worker process died") from None
            if item[0] == "stats":
                self.requests, self.hosts = item[1], item[2]
                return
            self._emit(item[0], item[1])

    async def submit(self, job: Job) -> None:
        await self.start()
        assert self._writer is not None
        self._writer.write(_frame(job))
        await self._writer.drain()  # a full pipe: the worker is behind, extraction waits

    async def finish(self) -> None:
        if self._writer is None:
            return
        self._writer.write(_frame(_STOP))
        await self._writer.drain()
        assert self._reading is not None
        finished = False
        try:
            await self._reading
            finished = True
        finally:
            self._close(kill=not finished)  # never wait on a worker that is still busy

    async def cancel(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
        self._close(kill=True)

    def _close(self, kill: bool = False) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        _PARENT_ENDS.difference_update(self._ends)
        if self._pid:
            with contextlib.suppress(ChildProcessError, OSError):
                if kill:
                    os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0


class Lanes:
    """Deals hosts to lanes (each host to one lane, least loaded first) and feeds them."""

    def __init__(self, settings: Settings, emit: Emit, processes: int) -> None:
        processes = max(1, min(processes, settings.max_concurrency))
        if processes > 1 and not can_fork():
            processes = 1
        self._emit = emit
        if processes == 1:
            self._lanes: list[Lane | ProcessLane] = [Lane(settings, emit)]
        else:
            share = replace(settings, max_concurrency=max(1, settings.max_concurrency // processes))
            self._lanes = [ProcessLane(share, self._answer) for _ in range(processes)]
        self._load = [0] * len(self._lanes)
        self._home: dict[str, int] = {}
        self._open = 0  # jobs submitted and not answered yet, continuations included
        self._idle = asyncio.Event()
        self._idle.set()
        self._handing: set[asyncio.Task[None]] = set()
        self._failure: BaseException | None = None

    async def start(self) -> None:
        """Fork the worker processes now, while the parent is still small."""
        for lane in self._lanes:
            if isinstance(lane, ProcessLane):
                await lane.start()

    async def submit(self, job: Job) -> None:
        self._open += 1
        self._idle.clear()
        await self._send(job)

    async def _send(self, job: Job) -> None:
        host = host_of(job.base).rstrip(".")
        index = self._home.get(host)
        if index is None:
            index = self._home[host] = self._load.index(min(self._load))
        self._load[index] += 1
        await self._lanes[index].submit(job)

    def _answer(self, job: Job, outcome: Outcome) -> None:
        """An answer from a worker: final, or a redirect to pass on to its host's own lane.

        A host lives in one lane, so its cap and interval hold for the hops of
        redirects from other hosts too, not only for the links written to it.
        """
        if outcome.hand_off:  # the job stays open until its last hop is answered
            onward = Job(outcome.hand_off, job.anchors, outcome.chain, job.origin or job.base)
            task = asyncio.ensure_future(self._send(onward))
            self._handing.add(task)
            task.add_done_callback(self._handed)
            return
        self._open -= 1
        self._emit(Job(job.origin, job.anchors) if job.origin else job, outcome)
        if self._open == 0:
            self._idle.set()

    def _handed(self, task: asyncio.Task[None]) -> None:
        self._handing.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self._failure = task.exception()
            self._idle.set()  # finish() must not wait for an answer that cannot come

    async def finish(self) -> None:
        if len(self._lanes) > 1:
            await self._idle.wait()  # every continuation is answered: none can come any more
            if self._failure is not None:
                raise self._failure
        await asyncio.gather(*(lane.finish() for lane in self._lanes))

    async def cancel(self) -> None:
        for task in list(self._handing):
            task.cancel()
        for lane in self._lanes:
            await lane.cancel()

    @property
    def requests(self) -> int:
        return sum(lane.requests for lane in self._lanes)

    @property
    def hosts(self) -> tuple[HostStat, ...]:
        rows = [row for lane in self._lanes for row in lane.hosts]
        return tuple(sorted(rows, key=lambda r: r.mean_seconds, reverse=True))
