"""The few HTTP API calls the bridge does not offer: registration, login and who am I."""

from __future__ import annotations

import json
import urllib.error
import urllib.request


class HttpError(Exception):
    pass


def call(gateway: str, method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
    request = urllib.request.Request(gateway.rstrip("/") + path, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = json.dumps(body).encode("utf-8") if body is not None else None
    try:
        with urllib.request.urlopen(request, data=data, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        raise HttpError(f"{method} {path}: {e.code} {detail}") from None


def register(gateway: str, email: str, name: str, password: str) -> dict:
    return call(gateway, "POST", "/api/v1/users", {"email": email, "name": name, "password": password})


def login(gateway: str, email: str, password: str) -> str:
    return call(gateway, "POST", "/api/v1/auth/token", {"email": email, "password": password})["accessToken"]


def me(gateway: str, token: str) -> dict:
    return call(gateway, "GET", "/api/v1/users/me", token=token)
