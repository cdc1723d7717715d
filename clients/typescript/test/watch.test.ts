import assert from "node:assert/strict";
import { test } from "node:test";
import { OrderWatch } from "../src/watch.js";

test("changes before the order id are kept, others skipped, and a final status ends the watch", async () => {
  const lines: string[] = [];
  const watch = new OrderWatch((line) => lines.push(line));
  const placed = { orderId: "o1", version: 1, event: "OrderPlaced", status: "PENDING" };
  watch.onChange(placed);
  watch.onChange({ orderId: "other", version: 1, event: "OrderPlaced", status: "PENDING" });
  watch.watch("o1");
  watch.onChange(placed);
  watch.onChange({ orderId: "o1", version: 2, event: "OrderConfirmed", status: "CONFIRMED" });

  assert.deepEqual(lines, ["order o1", "OrderPlaced PENDING", "OrderConfirmed CONFIRMED"]);
  assert.equal(await watch.finalStatus, "CONFIRMED");
});
