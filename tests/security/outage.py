"""Redis going away and coming back, for the fault tests: a dead address, a gate in front of
the real server, and the Celery application pointed at either."""

import socket
import threading
from contextlib import contextmanager, suppress

from portal.celery import app


def free_port() -> int:
    """A local port where nothing listens (free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Silent:
    """A server that accepts connections and never answers, as a Redis that hangs."""

    def __init__(self):
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self._connections.append(connection)

    def close(self) -> None:
        with suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for connection in self._connections:
            connection.close()


class Gate:
    """A TCP forwarder to a real server. Shut, nothing listens on its port and every open
    connection is cut, as when Redis stops; opened again, it listens on the same port."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def shut(self) -> None:
        if self._listener is not None:
            with suppress(OSError):  # wakes the accepting thread (close alone does not)
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:  # shut
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._connections += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with suppress(OSError):
                    end.close()


@contextmanager
def celery_broker(url: str):
    """Publish tasks to the broker at ``url`` (not eagerly) inside the block; the application's
    own connections are set aside meanwhile and given back afterwards."""
    saved_conf = {
        name: getattr(app.conf, name)
        for name in ("broker_url", "result_backend", "task_always_eager")
    }
    saved_pool, saved_producers = app._pool, app.amqp._producer_pool
    saved_backend = app._local.__dict__.pop("backend", None)
    app._pool = app.amqp._producer_pool = None
    app.conf.update(broker_url=url, result_backend=url, task_always_eager=False)
    try:
        yield
    finally:
        if app._pool is not None:
            app._pool.force_close_all()
        app._pool, app.amqp._producer_pool = saved_pool, saved_producers
        app._local.__dict__.pop("backend", None)
        if saved_backend is not None:
            app._local.backend = saved_backend
        app.conf.update(**saved_conf)
