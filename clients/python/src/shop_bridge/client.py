"""The TCP bridge protocol: each frame is a 4-byte big-endian length, then that many bytes of JSON."""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import struct
import threading
import uuid
from collections.abc import Callable
from typing import Any, Self

Handler = Callable[[Any], None]

PING_INTERVAL_SECONDS = 20


class BridgeError(Exception):
    """An err frame from the bridge: a refused request, or a refusal of its own (no failure code)."""

    def __init__(self, message: str, failure_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.failure_code = failure_code


def encode_frame(frame: dict) -> bytes:
    payload = json.dumps(frame, separators=(",", ":")).encode("utf-8")
    return struct.pack(">I", len(payload)) + payload


def read_frame(stream) -> dict | None:
    """The next frame from a binary file-like stream, or None once the connection is closed."""
    header = stream.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    payload = stream.read(length)
    if len(payload) < length:
        return None
    return json.loads(payload.decode("utf-8"))


class BridgeClient:
    """One connection to the bridge. A reader thread dispatches answers and messages as they come.

    Refusals that answer no request (a register that is not allowed, say) go to ``errors``.
    """

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self._socket = socket.create_connection((host, port), timeout=timeout)
        self._socket.settimeout(None)
        self._stream = self._socket.makefile("rb")
        self._write_lock = threading.Lock()
        self._pending: dict[str, queue.Queue] = {}
        self._handlers: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self.errors: queue.Queue[BridgeError] = queue.Queue()
        self._timeout = timeout
        threading.Thread(target=self._read_loop, name="bridge-reader", daemon=True).start()
        threading.Thread(target=self._ping_loop, name="bridge-ping", daemon=True).start()

    @classmethod
    def connect(cls, address: str, timeout: float = 30.0) -> Self:
        """Connects to ``host:port``."""
        host, _, port = address.rpartition(":")
        return cls(host, int(port), timeout)

    def request(self, address: str, body: Any, headers: dict[str, str] | None = None) -> Any:
        """Sends a request and returns the body of its answer; raises BridgeError on a refusal."""
        reply_address = str(uuid.uuid4())
        answer: queue.Queue = queue.Queue(maxsize=1)
        with self._lock:
            self._pending[reply_address] = answer
        frame = {"type": "send", "address": address, "replyAddress": reply_address, "body": body}
        if headers:
            frame["headers"] = headers
        try:
            self._send(frame)
            try:
                reply = answer.get(timeout=self._timeout)
            except queue.Empty:
                raise BridgeError(f"no answer to {address} in {self._timeout} s") from None
        finally:
            with self._lock:
                self._pending.pop(reply_address, None)
        if reply is None:
            raise BridgeError("the bridge closed the connection")
        if reply.get("type") == "err":
            raise BridgeError(reply.get("message", "refused"), reply.get("failureCode"))
        return reply.get("body")

    def register(self, address: str, handler: Handler, headers: dict[str, str] | None = None) -> None:
        """Calls ``handler`` with the body of every message sent to ``address`` (on the reader thread)."""
        with self._lock:
            self._handlers[address] = handler
        frame = {"type": "register", "address": address}
        if headers:
            frame["headers"] = headers
        self._send(frame)

    def unregister(self, address: str, headers: dict[str, str] | None = None) -> None:
        with self._lock:
            self._handlers.pop(address, None)
        frame = {"type": "unregister", "address": address}
        if headers:
            frame["headers"] = headers
        self._send(frame)

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _send(self, frame: dict) -> None:
        with self._write_lock:
            self._socket.sendall(encode_frame(frame))

    def _read_loop(self) -> None:
        try:
            while True:
                frame = read_frame(self._stream)
                if frame is None:
                    break
                self._dispatch(frame)
        except (OSError, ValueError):
            pass
        finally:
            self._closed.set()
            with self._lock:
                pending = list(self._pending.values())
            for answer in pending:
                answer.put(None)

    def _dispatch(self, frame: dict) -> None:
        address = frame.get("address")
        with self._lock:
            answer = self._pending.get(address) if address else None
            handler = self._handlers.get(address) if address else None
        if answer is not None:
            answer.put(frame)
        elif frame.get("type") == "message" and handler is not None:
            handler(frame.get("body"))
        elif frame.get("type") == "err":
            self.errors.put(BridgeError(frame.get("message", "refused"), frame.get("failureCode")))

    def _ping_loop(self) -> None:
        while not self._closed.wait(PING_INTERVAL_SECONDS):
            try:
                self._send({"type": "ping"})
            except OSError:
                return
