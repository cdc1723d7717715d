import assert from "node:assert/strict";
import { test } from "node:test";
import { cancellable, merge, stepLabel } from "../src/shop/steps.js";

test("the saga's events read as steps in plain words", () => {
  assert.equal(stepLabel("StockReserved"), "Stock reserved");
  assert.equal(stepLabel("PaymentCaptured"), "Payment captured");
  assert.equal(stepLabel("ShipmentCreated"), "Shipment created");
  assert.equal(stepLabel("OrderConfirmed"), "Confirmed");
  assert.equal(stepLabel("PaymentRefunded"), "Payment refunded");
  assert.equal(stepLabel("OrderCancelled"), "Cancelled");
  assert.equal(stepLabel("SomethingNew"), "Something New");
});

test("the history and the live feed make one list: each version once, in order", () => {
  const live = [
    { version: 3, type: "PaymentCaptured", at: "t3", live: true },
    { version: 1, type: "OrderPlaced", at: "t1", live: true },
  ];
  const history = [
    { version: 1, type: "OrderPlaced", at: "t1" },
    { version: 2, type: "StockReserved", at: "t2" },
    { version: 3, type: "PaymentCaptured", at: "t3" },
  ];
  const steps = merge(live, history);
  assert.deepEqual(
    steps.map((s) => s.version),
    [1, 2, 3],
  );
  assert.deepEqual(
    steps.map((s) => s.live ?? false),
    [true, false, true],
    "a step keeps how it was first seen",
  );
  assert.deepEqual(merge(steps, live), steps);
});

test("an order can be cancelled until it is being cancelled", () => {
  for (const status of ["PENDING", "PENDING_PAYMENT", "CONFIRMED"]) {
    assert.equal(cancellable(status), true, status);
  }
  for (const status of ["CANCELLING", "CANCELLED"]) {
    assert.equal(cancellable(status), false, status);
  }
});
