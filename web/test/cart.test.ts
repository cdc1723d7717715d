import assert from "node:assert/strict";
import { test } from "node:test";
import {
  add,
  count,
  orderItems,
  parse,
  remove,
  setQuantity,
  totals,
  MAX_QUANTITY,
} from "../src/shop/cart.js";

const lamp = { productId: "p1", name: "Lamp", priceMinor: 1999, currency: "EUR" };
const mug = { productId: "p2", name: "Mug", priceMinor: 500, currency: "USD" };

test("adding a product twice makes one line with both quantities", () => {
  const cart = add(add([], lamp), lamp, 2);
  assert.deepEqual(cart, [{ ...lamp, quantity: 3 }]);
  assert.equal(count(cart), 3);
});

test("quantities stay whole numbers within the API's limit, and 0 removes the line", () => {
  const cart = add([], lamp);
  assert.equal(setQuantity(cart, "p1", 2.7)[0].quantity, 2);
  assert.equal(setQuantity(cart, "p1", MAX_QUANTITY + 5)[0].quantity, MAX_QUANTITY);
  assert.deepEqual(setQuantity(cart, "p1", 0), []);
  assert.deepEqual(remove(add(cart, mug), "p1"), [{ ...mug, quantity: 1 }]);
});

test("totals are per currency, in minor units", () => {
  const cart = add(add(add([], lamp, 2), mug), mug);
  assert.deepEqual(
    [...totals(cart)],
    [
      ["EUR", 3998],
      ["USD", 1000],
    ],
  );
  assert.deepEqual(orderItems(cart), [
    { productId: "p1", quantity: 2 },
    { productId: "p2", quantity: 2 },
  ]);
});

test("a stored cart that is not one is read as empty, and bad lines are dropped", () => {
  assert.deepEqual(parse(null), []);
  assert.deepEqual(parse("{not json"), []);
  assert.deepEqual(parse('{"productId":"p1"}'), []);
  const stored = JSON.stringify([{ ...lamp, quantity: 1 }, { ...mug, quantity: -3 }, { productId: 7 }]);
  assert.deepEqual(parse(stored), [{ ...lamp, quantity: 1 }]);
});
