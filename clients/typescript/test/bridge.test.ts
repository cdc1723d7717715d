import assert from "node:assert/strict";
import { test } from "node:test";
import { BridgeError, ShopBridge } from "../src/bridge.js";

test("a refusal is passed on with its reason, and the bare rejected after it is not", () => {
  const bus = { onerror: (_: unknown) => {}, onclose: () => {} };
  const bridge = Reflect.construct(ShopBridge, [bus]) as ShopBridge;
  const refusals: BridgeError[] = [];
  bridge.onRefusal = (error) => refusals.push(error);

  bus.onerror({
    body: "you may listen to your own orders only",
    message: "you may listen to your own orders only",
  });
  bus.onerror({ body: "rejected" });

  assert.deepEqual(
    refusals.map((error) => error.message),
    ["you may listen to your own orders only"],
  );
});
