// Against the running shop: SHOP_GATEWAY_URL says where (./shop test sets it).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { BridgeError, ShopBridge } from "../src/bridge.js";
import { login, register } from "../src/shop-http.js";

const gateway = process.env.SHOP_GATEWAY_URL;
const skip = gateway ? false : "needs a running shop: set SHOP_GATEWAY_URL";
const cli = fileURLToPath(new URL("../src/watch-cli.js", import.meta.url));

test("shop-watch places an order and prints each step until it is confirmed", { skip }, async () => {
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      const child = execFile(
        process.execPath,
        [cli, "--gateway", gateway!],
        { timeout: 120_000 },
        (_, out, err) => resolve({ code: child.exitCode ?? -1, stdout: out, stderr: err }),
      );
    },
  );
  assert.equal(code, 0, stderr);
  const lines = stdout.trim().split("\n");
  assert.match(lines[0], /^order [0-9a-f-]{36}$/);
  assert.equal(lines[1], "OrderPlaced PENDING");
  assert.equal(lines.at(-1), "OrderConfirmed CONFIRMED");
});

test("refusals say why and the connection goes on", { skip }, async () => {
  const email = `ts-${randomUUID()}@example.com`;
  await register(gateway!, email, "Ts", "correct horse");
  const token = await login(gateway!, email, "correct horse");
  const bridge = await ShopBridge.connect(gateway!);
  try {
    await assert.rejects(bridge.request("shop.products.list", {}), (e: BridgeError) => e.failureCode === 401);
    await assert.rejects(
      bridge.request("shop.products.list", {}, token.slice(0, -4) + "AAAA"),
      (e: BridgeError) => e.failureCode === 401 && /invalid or expired/.test(e.message),
    );
    const refusal = new Promise<BridgeError>((resolve) => (bridge.onRefusal = resolve));
    bridge.subscribe(`shop.orders.status.${randomUUID()}`, token, () => {});
    assert.match((await refusal).message, /your own orders only/);
    const page = await bridge.request<{ items: unknown[] }>("shop.products.list", { size: 1 }, token);
    assert.ok(Array.isArray(page.items));
  } finally {
    bridge.close();
  }
});
