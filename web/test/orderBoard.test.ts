import assert from "node:assert/strict";
import { test } from "node:test";
import { OrderBoard, type StatusChange } from "../src/shop/orderBoard.js";

function change(orderId: string, version: number, status: string): StatusChange {
  return { orderId, version, event: "Event", status, at: "2026-01-01T00:00:00Z" };
}
const ids = (changes: StatusChange[]) => changes.map((c) => c.orderId);

test("an order waits for payment while its latest status is PENDING_PAYMENT", () => {
  const board = new OrderBoard();
  board.update(change("a", 1, "PENDING"));
  board.update(change("a", 4, "PENDING_PAYMENT"));
  board.update(change("b", 1, "PENDING"));
  board.update(change("b", 4, "PENDING_PAYMENT"));
  board.update(change("c", 6, "CONFIRMED"));
  assert.deepEqual(ids(board.waiting()), ["a", "b"]);

  board.update(change("a", 7, "CONFIRMED"));
  assert.deepEqual(ids(board.waiting()), ["b"]);
});

test("the latest orders come first, each saying whether it waited for payment", () => {
  const board = new OrderBoard();
  board.update(change("a", 4, "PENDING_PAYMENT"));
  board.update(change("b", 6, "CONFIRMED"));
  board.update(change("a", 7, "CONFIRMED"));
  assert.deepEqual(
    board.latest().map((o) => `${o.orderId} ${o.status} ${o.waited}`),
    ["a CONFIRMED true", "b CONFIRMED false"],
  );
  assert.deepEqual(ids(board.latest(1)), ["a"]);
});

test("a change older than the one known does not count", () => {
  const board = new OrderBoard();
  board.update(change("a", 7, "CONFIRMED"));
  board.update(change("a", 4, "PENDING_PAYMENT"));
  assert.deepEqual(board.waiting(), []);
  assert.equal(board.latest()[0].waited, false);
});

test("the board forgets first the orders that do not wait", () => {
  const board = new OrderBoard(2);
  board.update(change("waiting", 4, "PENDING_PAYMENT"));
  board.update(change("done-1", 6, "CONFIRMED"));
  board.update(change("done-2", 6, "CONFIRMED"));
  board.update(change("done-3", 6, "CONFIRMED"));
  assert.deepEqual(ids(board.waiting()), ["waiting"]);
  assert.deepEqual(ids(board.latest()), ["done-3", "waiting"]);
});
