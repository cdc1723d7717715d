import assert from "node:assert/strict";
import { test } from "node:test";
import { BreakerBoard, LIVE_PRECEDENCE_MS } from "../src/shop/breakers.js";

const payments = { service: "order-service", instance: "order-service-1", breaker: "payments" };
const states = (board: BreakerBoard) => board.all().map((b) => `${b.breaker} ${b.state}`);

test("the metrics tell every breaker's state", () => {
  const board = new BreakerBoard();
  board.snapshot(
    [
      { ...payments, state: "CLOSED" },
      { ...payments, breaker: "inventory", state: "OPEN" },
    ],
    0,
  );
  assert.deepEqual(states(board), ["inventory OPEN", "payments CLOSED"]);
});

test("a live change shows at once, and the metrics, which lag, do not undo it", () => {
  const board = new BreakerBoard();
  board.snapshot([{ ...payments, state: "CLOSED" }], 0);
  board.live({ ...payments, state: "OPEN" }, 1000);
  board.snapshot([{ ...payments, state: "CLOSED" }], 5000);
  assert.deepEqual(states(board), ["payments OPEN"]);
});

test("after a while the metrics are the truth again: a change the page missed still shows", () => {
  const board = new BreakerBoard();
  board.live({ ...payments, state: "OPEN" }, 0);
  board.snapshot([{ ...payments, state: "CLOSED" }], LIVE_PRECEDENCE_MS);
  assert.deepEqual(states(board), ["payments CLOSED"]);
});

test("breakers of other instances are told apart", () => {
  const board = new BreakerBoard();
  board.live({ ...payments, state: "OPEN" }, 0);
  board.live({ ...payments, instance: "order-service-2", state: "CLOSED" }, 0);
  assert.deepEqual(
    board.all().map((b) => `${b.instance} ${b.state}`),
    ["order-service-1 OPEN", "order-service-2 CLOSED"],
  );
});

test("open breakers come first, then half-open ones", () => {
  const board = new BreakerBoard();
  board.snapshot(
    [
      { ...payments, breaker: "inventory", state: "CLOSED" },
      { ...payments, breaker: "shipping", state: "HALF_OPEN" },
      { ...payments, state: "OPEN" },
      { ...payments, breaker: "users", state: "CLOSED" },
    ],
    0,
  );
  assert.deepEqual(states(board), [
    "payments OPEN",
    "shipping HALF_OPEN",
    "inventory CLOSED",
    "users CLOSED",
  ]);
});
