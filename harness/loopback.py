"""Running the real service in a test: `lapor serve` under uvicorn on an ephemeral 127.0.0.1 port."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator

import uvicorn
from sqlalchemy import create_engine, text
from starlette.applications import Starlette
from starlette.routing import BaseRoute
from uvicorn._types import ASGIApplication

from bot.app import create_app
from bot.config import Settings
from handlers.engine import Engine
from storage import db as database


def empty_postgres(url: str) -> None:
    """Drops everything in a PostgreSQL database: a test's or a benchmark's, never the service's."""
    engine = create_engine(database.sync_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


async def until(condition: Callable[[], bool], seconds: float = 60.0, what: str = "the service") -> None:
    """Waits for something the service does on its own time; fails the test if it never happens. The wait
    is generous (a loaded machine is slow) and ends as soon as the condition holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"waited {seconds:.0f} s for {what}")
        await asyncio.sleep(0.02)


class _Server(uvicorn.Server):
    """A uvicorn server that leaves signal handling alone, so Ctrl-C still interrupts pytest."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class LoopbackServer:
    """An ASGI app served by uvicorn on 127.0.0.1 (an ephemeral port unless given one), as a task in the
    running loop."""

    def __init__(self, app: ASGIApplication, *, lifespan: str = "off", port: int = 0) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan=lifespan,
                                timeout_graceful_shutdown=2)
        self._server = _Server(config)
        self._task: asyncio.Task[None] | None = None
        self.port = 0

    async def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())
        await until(lambda: self._server.started or self._task is None or self._task.done(), seconds=120,
                    what="uvicorn to start")
        if not self._server.started:
            raise RuntimeError("the server did not start")
        self.port = self._server.servers[0].sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._task is not None:
            self._server.should_exit = True
            await self._task
            self._task = None


@contextlib.asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[tuple[str, Engine]]:
    """The HTTP service for real, with its lifespan (channels, dispatcher); yields its URL and engine."""
    app = create_app(settings)
    server = LoopbackServer(app, lifespan="on")
    await server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", app.state.engine
    finally:
        await server.stop()


class FaultyAPI:
    """What a fake provider API shares to fail on purpose: a seeded share of its sends answered with a
    fault, evenly among a 500, a 429 asking to wait a second, a page that is no JSON (a proxy's), and a
    stall of ``stall_seconds`` after the message was taken (the sender times out although it went: the
    one unavoidable duplicate). A test reads the faults injected and when each send came."""

    FAULTS = ("500", "429", "garbage", "stall")

    def __init__(self) -> None:
        self.request_times: list[float] = []  # monotonic time of each send that reached the API (the fake notes it)
        self.faults: Counter[str] = Counter()  # faults injected, by kind
        self.drawn: list[str | None] = []  # the fault drawn for each send (None: none), as request_times
        self._fault_rate, self._random, self._fault_kinds = 0.0, random.Random(0), self.FAULTS
        self.stall_seconds = 0.0
        self._server: LoopbackServer | None = None
        self._port = 0

    async def _serve(self, routes: list[BaseRoute], port: int = 0) -> None:
        """Serves `routes` on `port` (an ephemeral one by default) in the running loop; returns once
        connections are accepted."""
        self._server = LoopbackServer(Starlette(routes=routes), port=port)
        await self._server.start()
        self._port = self._server.port

    async def stop(self) -> None:
        """Shuts down gracefully; a request still waiting (a long poll, a stall) ends within its own wait."""
        if self._server is not None:
            await self._server.stop()
            self._server = None

    def inject_faults(self, rate: float, stall_seconds: float, seed: int = 0, kinds: tuple[str, ...] = FAULTS) -> None:
        """From now on answer about ``rate`` of sends with a fault, evenly among ``kinds``."""
        if not kinds or set(kinds) - set(self.FAULTS):
            raise ValueError(f"fault kinds are among {self.FAULTS}")
        self._fault_rate, self.stall_seconds, self._random = rate, stall_seconds, random.Random(seed)
        self._fault_kinds = kinds

    def _draw_fault(self) -> str | None:
        """The fault to answer a send with, if any."""
        fault = self._random.choice(self._fault_kinds) if self._random.random() < self._fault_rate else None
        if fault:
            self.faults[fault] += 1
        self.drawn.append(fault)
        return fault
