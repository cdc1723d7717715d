import assert from "node:assert/strict";
import { test } from "node:test";
import { CheckoutKey } from "../src/shop/checkout.js";

function keys(): CheckoutKey {
  let n = 0;
  return new CheckoutKey(() => `key-${++n}`);
}

test("retrying the same order reuses its key, so the shop takes it once", () => {
  const key = keys();
  const order = { items: [{ productId: "p1", quantity: 1 }], shippingAddress: "1 Main Street" };
  assert.equal(key.for(order), "key-1");
  assert.equal(key.for({ ...order }), "key-1");
});

test("a changed order, or the next one after an accepted order, gets a new key", () => {
  const key = keys();
  const order = { items: [{ productId: "p1", quantity: 1 }], shippingAddress: "1 Main Street" };
  key.for(order);
  assert.equal(key.for({ ...order, shippingAddress: "2 Main Street" }), "key-2");
  key.accepted();
  assert.equal(key.for({ ...order, shippingAddress: "2 Main Street" }), "key-3");
});
