import assert from "node:assert/strict";
import { test } from "node:test";
import { CheckoutKey, memoryStore } from "../src/shop/checkout.js";

function keys(store = memoryStore()): CheckoutKey {
  let n = 0;
  return new CheckoutKey(() => `key-${++n}`, store);
}

const order = { items: [{ productId: "p1", quantity: 1 }], shippingAddress: "1 Main Street" };

test("retrying the same order reuses its key, so the shop takes it once", () => {
  const key = keys();
  assert.equal(key.for(order), "key-1");
  assert.equal(key.for({ ...order }), "key-1");
});

test("a changed order, or the next one after an accepted order, gets a new key", () => {
  const key = keys();
  key.for(order);
  assert.equal(key.for({ ...order, shippingAddress: "2 Main Street" }), "key-2");
  assert.equal(key.for({ ...order, items: [{ productId: "p1", quantity: 2 }] }), "key-3");
  key.accepted();
  assert.equal(key.for({ ...order, items: [{ productId: "p1", quantity: 2 }] }), "key-4");
});

test("the key outlives the page: a reload retries the same order with the same key", () => {
  const store = memoryStore();
  assert.equal(keys(store).for(order), "key-1");
  assert.equal(new CheckoutKey(() => "another", store).for(order), "key-1");
});

test("a stored key that cannot be read is replaced", () => {
  const store = memoryStore();
  store.set("{not json");
  assert.equal(keys(store).for(order), "key-1");
  store.set(JSON.stringify({ key: 7 }));
  assert.equal(keys(store).for(order), "key-1");
});
