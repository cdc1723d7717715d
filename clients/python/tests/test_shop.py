"""Against the running shop: SHOP_GATEWAY_URL and SHOP_BRIDGE_TCP say where (``./shop test`` sets them)."""

import os
import subprocess
import sys
import uuid

import pytest

from shop_bridge import shop_http
from shop_bridge.client import BridgeClient, BridgeError

GATEWAY = os.environ.get("SHOP_GATEWAY_URL")
BRIDGE = os.environ.get("SHOP_BRIDGE_TCP")

pytestmark = pytest.mark.skipif(
    not (GATEWAY and BRIDGE),
    reason="needs a running shop: set SHOP_GATEWAY_URL and SHOP_BRIDGE_TCP",
)


def customer_auth():
    email = f"py-{uuid.uuid4()}@example.com"
    shop_http.register(GATEWAY, email, "Py", "correct horse")
    token = shop_http.login(GATEWAY, email, "correct horse")
    return {"authorization": f"Bearer {token}"}


def test_shop_watch_places_an_order_and_prints_each_step_until_confirmed():
    run = subprocess.run(
        [sys.executable, "-m", "shop_bridge.watch", "--gateway", GATEWAY, "--bridge", BRIDGE],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("order ")
    assert lines[1] == "OrderPlaced PENDING"
    assert lines[-1] == "OrderConfirmed CONFIRMED"


def test_refusals_come_back_with_their_reason_and_the_connection_goes_on():
    auth = customer_auth()
    forged = {"authorization": auth["authorization"][:-4] + "AAAA"}
    with BridgeClient.connect(BRIDGE) as client:
        with pytest.raises(BridgeError) as no_token:
            client.request("shop.products.list", {})
        assert no_token.value.failure_code == 401

        with pytest.raises(BridgeError) as bad_token:
            client.request("shop.products.list", {}, forged)
        assert bad_token.value.failure_code == 401
        assert "invalid or expired" in bad_token.value.message

        with pytest.raises(BridgeError) as internal:
            client.request("users", {}, auth)
        assert "address not allowed" in internal.value.message

        someone_else = str(uuid.uuid4())
        client.register(f"shop.orders.status.{someone_else}", lambda body: None, auth)
        assert "your own orders only" in client.errors.get(timeout=10).message

        assert client.request("shop.products.list", {"size": 1}, auth)["items"] is not None
