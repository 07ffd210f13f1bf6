"""Running the real service in a test: `lapor serve` under uvicorn on an ephemeral 127.0.0.1 port."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import uvicorn

from bot.app import create_app
from bot.config import Settings
from handlers.engine import Engine


async def until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Waits for something the service does on its own time; fails the test if it never happens."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the service")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[tuple[str, Engine]]:
    """The HTTP service for real, with its lifespan (channels, dispatcher); yields its URL and engine."""
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, lifespan="on"))
    task = asyncio.create_task(server.serve())
    await until(lambda: server.started or task.done(), seconds=30)
    assert server.started, "the service did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", app.state.engine
    finally:
        server.should_exit = True
        await task
