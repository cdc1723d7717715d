"""The client against a socket server in the test that speaks the bridge's framing."""

import io
import json
import socket
import struct
import threading

import pytest

from shop_bridge.client import BridgeClient, BridgeError, encode_frame, read_frame
from shop_bridge.watch import OrderWatch


def test_a_frame_is_its_length_then_its_json():
    frame = encode_frame({"type": "ping"})
    assert frame == struct.pack(">I", 15) + b'{"type":"ping"}'
    assert read_frame(io.BytesIO(frame)) == {"type": "ping"}
    assert read_frame(io.BytesIO(frame[:10])) is None


class FakeBridge:
    """Accepts one connection and answers each frame with what ``answer`` returns (a list of frames)."""

    def __init__(self, answer, chunk_size=None):
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.received = []
        self._answer = answer
        self._chunk_size = chunk_size
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        connection, _ = self._server.accept()
        stream = connection.makefile("rb")
        while (frame := read_frame(stream)) is not None:
            self.received.append(frame)
            data = b"".join(encode_frame(answer) for answer in self._answer(frame))
            step = self._chunk_size or len(data) or 1
            for start in range(0, len(data), step):
                connection.sendall(data[start : start + step])
        connection.close()


def test_a_request_gets_the_body_of_its_answer_even_when_it_arrives_in_pieces():
    bridge = FakeBridge(
        lambda f: [{"type": "message", "address": f["replyAddress"], "body": {"ok": True}}],
        chunk_size=3,
    )
    with BridgeClient("127.0.0.1", bridge.port) as client:
        assert client.request("shop.products.list", {"size": 1}, {"authorization": "Bearer t"}) == {
            "ok": True
        }
    assert bridge.received[0]["headers"] == {"authorization": "Bearer t"}
    assert bridge.received[0]["address"] == "shop.products.list"


def test_a_refusal_fails_the_request_with_its_code_and_message():
    bridge = FakeBridge(
        lambda f: [
            {
                "type": "err",
                "address": f["replyAddress"],
                "failureCode": 401,
                "message": "A bearer token is required",
            }
        ]
    )
    with BridgeClient("127.0.0.1", bridge.port) as client, pytest.raises(BridgeError) as refused:
        client.request("shop.products.list", {})
    assert refused.value.failure_code == 401
    assert "bearer token" in refused.value.message


def test_messages_and_an_answer_in_one_read_each_reach_their_handler():
    def answer(frame):
        if frame["type"] == "register":
            return []
        return [
            {"type": "message", "address": "feed", "body": 1},
            {"type": "message", "address": "feed", "body": 2},
            {"type": "err", "message": "not allowed"},
            {"type": "message", "address": frame["replyAddress"], "body": "done"},
        ]

    bridge = FakeBridge(answer)
    received = []
    with BridgeClient("127.0.0.1", bridge.port) as client:
        client.register("feed", received.append)
        assert client.request("x", {}) == "done"
        assert client.errors.get(timeout=5).message == "not allowed"
    assert received == [1, 2]


def test_a_closed_connection_fails_the_pending_request():
    bridge = FakeBridge(lambda f: [])
    with BridgeClient("127.0.0.1", bridge.port, timeout=5) as client, pytest.raises(BridgeError):
        threading.Timer(0.2, client.close).start()
        client.request("x", {})


def test_the_watch_keeps_changes_that_come_before_the_order_id_and_stops_at_a_final_status():
    out = io.StringIO()
    watch = OrderWatch(out)
    change = {"orderId": "o1", "event": "OrderPlaced", "status": "PENDING", "version": 1}
    watch.on_change(change)
    watch.on_change({"orderId": "other", "event": "OrderPlaced", "status": "PENDING", "version": 1})
    watch.watch("o1")
    watch.on_change(change)
    watch.on_change({"orderId": "o1", "event": "OrderConfirmed", "status": "CONFIRMED", "version": 2})
    assert out.getvalue() == "order o1\nOrderPlaced PENDING\nOrderConfirmed CONFIRMED\n"
    assert watch.done.is_set() and watch.final_status == "CONFIRMED"


def test_json_of_a_frame_is_compact():
    assert json.loads(encode_frame({"a": 1})[4:]) == {"a": 1}
