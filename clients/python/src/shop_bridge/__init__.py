"""A client for the shop's TCP event-bus bridge (Vert.x's TCP bridge protocol)."""

from shop_bridge.client import BridgeClient, BridgeError

__all__ = ["BridgeClient", "BridgeError"]
