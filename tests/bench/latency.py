"""LatencyProxy: a TCP proxy on 127.0.0.1 that delivers what the server sends `delay` later.

Each chunk is held until `delay` after it arrived, not after the previous one left: replies the
server sends together arrive together, as over a real network with that round trip. So a
client's elapsed time divided by `delay` counts its round trips, the TLS handshake included.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading

from tests.helpers.servers import free_port


class LatencyProxy:
    """Listens on `port` (its own thread and event loop) and forwards to 127.0.0.1:`target`."""

    def __init__(self, target: int, delay: float) -> None:
        self.port = free_port()
        self._target, self._delay = target, delay
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()  # asyncio keeps tasks weakly
        self._thread = threading.Thread(target=self._run, name="latency-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the latency proxy did not start")

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._connect, "127.0.0.1", self.port)
        )
        self._ready.set()
        self._loop.run_forever()

    async def _connect(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter):
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
            task.add_done_callback(self._connections.discard)
        server_in, server_out = await asyncio.open_connection("127.0.0.1", self._target)
        try:
            await asyncio.gather(
                self._pump(client_in, server_out, 0.0),
                self._pump(server_in, client_out, self._delay),
                return_exceptions=True,
            )
        except asyncio.CancelledError:
            pass  # close(): the bench is over
        finally:
            for writer in (client_out, server_out):
                writer.close()

    async def _pump(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, delay: float
    ) -> None:
        loop = asyncio.get_running_loop()
        held: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        releaser = asyncio.create_task(self._release(held, sink))
        try:
            while chunk := await source.read(65536):
                held.put_nowait((loop.time() + delay, chunk))
        except ConnectionError:
            pass  # a reset ends this direction like the end of the stream does
        finally:
            held.put_nowait((loop.time() + delay, b""))  # the end of the stream, delayed too
            await releaser

    @staticmethod
    async def _release(held: asyncio.Queue[tuple[float, bytes]], sink: asyncio.StreamWriter):
        loop = asyncio.get_running_loop()
        while True:
            due, chunk = await held.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not chunk:
                with contextlib.suppress(OSError):
                    sink.write_eof()
                return
            sink.write(chunk)
            with contextlib.suppress(OSError):
                await sink.drain()
