"""shop-watch: places an order over the TCP bridge and prints each step of its saga until it is final.

Prints ``order <id>``, then ``<event> <status>`` per step. Exits 0 when the order is CONFIRMED, 1 when
CANCELLED, 2 after 60 s without either, 3 on an error.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import uuid

from shop_bridge import shop_http
from shop_bridge.client import BridgeClient, BridgeError

FINAL = ("CONFIRMED", "CANCELLED")
TIMEOUT_SECONDS = 60


class OrderWatch:
    """The changes of one order, from a feed that may deliver them before the order's id is known."""

    def __init__(self, out):
        self._out = out
        self._lock = threading.Lock()
        self._early: list[dict] = []
        self._order_id: str | None = None
        self._versions: set[int] = set()
        self.final_status: str | None = None
        self.done = threading.Event()

    def on_change(self, change: dict) -> None:
        with self._lock:
            if self._order_id is None:
                self._early.append(change)
            else:
                self._print(change)

    def watch(self, order_id: str) -> None:
        with self._lock:
            self._order_id = order_id
            print(f"order {order_id}", file=self._out, flush=True)
            for change in self._early:
                self._print(change)
            self._early.clear()

    def _print(self, change: dict) -> None:
        if change.get("orderId") != self._order_id or change.get("version") in self._versions:
            return
        self._versions.add(change.get("version"))
        print(f"{change['event']} {change['status']}", file=self._out, flush=True)
        if change["status"] in FINAL:
            self.final_status = change["status"]
            self.done.set()


def run(gateway: str, bridge: str, email: str | None, password: str, out=sys.stdout) -> int:
    if not email:
        email = f"watch-{uuid.uuid4()}@example.com"
        shop_http.register(gateway, email, "Watcher", password)
    token = shop_http.login(gateway, email, password)
    user_id = shop_http.me(gateway, token)["id"]
    auth = {"authorization": f"Bearer {token}"}

    watch = OrderWatch(out)
    with BridgeClient.connect(bridge) as client:
        products = client.request("shop.products.list", {"size": 100}, auth)
        product = next((p for p in products["items"] if p.get("stock", 0) > 0), None)
        if product is None:
            raise BridgeError("no product in stock")
        client.register(f"shop.orders.status.{user_id}", watch.on_change, auth)
        order = client.request(
            "shop.orders.place",
            {
                "idempotencyKey": str(uuid.uuid4()),
                "items": [{"productId": product["id"], "quantity": 1}],
                "shippingAddress": "1 Main Street",
            },
            auth,
        )
        watch.watch(order["id"])
        if not watch.done.wait(TIMEOUT_SECONDS):
            return 2
    return 0 if watch.final_status == "CONFIRMED" else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="shop-watch", description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default=os.environ.get("SHOP_GATEWAY_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--bridge", default=os.environ.get("SHOP_BRIDGE_TCP", "127.0.0.1:7000"))
    parser.add_argument("--email", default=os.environ.get("SHOP_EMAIL"))
    parser.add_argument("--password", default=os.environ.get("SHOP_PASSWORD", "correct horse"))
    args = parser.parse_args(argv)
    try:
        return run(args.gateway, args.bridge, args.email, args.password)
    except (BridgeError, shop_http.HttpError, OSError) as e:
        print(f"shop-watch: {e}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
