import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  admin,
  adminToken,
  call,
  gateway,
  logIn,
  newProduct,
  placeOrder,
  registeredShopper,
  screenshots,
  withBrowser,
  type Order,
} from "./support.js";

/** The services every shop runs; Consul may know more (the bridges, each service's capabilities). */
const SERVICES = [
  "gateway",
  "user-service",
  "inventory-service",
  "order-service",
  "payment-service",
  "shipping-service",
  "notification-service",
];
const DRILL = "payment-failures";
/** The breaker the drill opens: payment-service's, around the card provider. */
const BREAKER = "card-provider";

after(async () => {
  // Whatever happened, the shop is left taking payments.
  await call("PUT", `/admin/drills/${DRILL}`, { on: false }, await adminToken());
});

test("an admin flips the payment failure drill and watches the breaker open, then close", async () => {
  const product = await newProduct("Drill kettle", 1500, await adminToken());
  const customer = await registeredShopper();

  await withBrowser({ viewport: { width: 1280, height: 900 } }, async (page) => {
    await logIn(page, admin.email, admin.password);
    await page.getByRole("link", { name: "Operations" }).click();

    const services = page.getByTestId("services");
    for (const service of SERVICES) {
      await services.locator(`tr[data-service="${service}"] [data-testid="health"]`).first().waitFor();
    }
    const health = await services.getByTestId("health").allTextContents();
    assert.deepEqual(
      health.filter((status) => status !== "passing"),
      [],
      "every instance of every service passes its health checks",
    );
    await page.getByTestId("saga-latency").waitFor();

    const drill = page.getByRole("button", { name: DRILL, exact: true });
    assert.equal(await drill.getAttribute("aria-pressed"), "false");
    await drill.click();
    await page.locator(`[data-drill="${DRILL}"][aria-pressed="true"]`).waitFor();

    // Once payment-service has the drill's setting (it reads Consul KV every few seconds; orders placed
    // before are paid), orders cannot be paid: they wait, and their payments are retried; the card
    // provider's breaker opens once 5 charges fail within 10 s.
    const latest = page.getByTestId("latest-orders");
    const waiting: Order[] = [];
    for (let placed = 0; waiting.length < 3; placed++) {
      assert.ok(placed < 30, "orders are still paid long after the drill was switched on");
      const order = await placeOrder(customer.token, product.id);
      const settled = latest.locator(
        `li[data-order="${order.id}"]:is([data-status="PENDING_PAYMENT"], [data-status="CONFIRMED"])`,
      );
      if ((await settled.getAttribute("data-status")) === "PENDING_PAYMENT") {
        waiting.push(order);
      }
    }
    const breaker = page.locator(`[data-testid="breakers"] tr[data-breaker$="/${BREAKER}"]`);
    await breaker
      .getByTestId("breaker-state")
      .filter({ hasText: /^OPEN$/ })
      .first()
      .waitFor();
    for (const order of waiting) {
      await page.getByTestId("waiting-orders").locator(`[data-order="${order.id}"]`).waitFor();
    }
    await page
      .getByTestId("pending-payment")
      .filter({ hasText: /^[1-9]\d* orders? waiting/ })
      .waitFor();
    await page.getByTestId("events").locator("li").first().waitFor();
    await page.screenshot({ path: join(screenshots, "ops.png") });

    await drill.click();
    await page.locator(`[data-drill="${DRILL}"][aria-pressed="false"]`).waitFor();
    await breaker
      .getByTestId("breaker-state")
      .filter({ hasText: /^CLOSED$/ })
      .first()
      .waitFor();
    for (const order of waiting) {
      await latest.locator(`[data-order="${order.id}"][data-status="CONFIRMED"][data-waited]`).waitFor();
    }
    await page
      .getByTestId("pending-payment")
      .filter({ hasText: /^0 orders waiting/ })
      .waitFor();
    for (const order of waiting) {
      const settled = await call<Order>("GET", `/orders/${order.id}`, undefined, customer.token);
      assert.equal(settled.status, "CONFIRMED", `order ${order.id}`);
    }
  });
});

test("a customer gets no operations page", async () => {
  const customer = await registeredShopper();
  await withBrowser({}, async (page) => {
    await logIn(page, customer.email, customer.password);
    assert.equal(await page.getByRole("link", { name: "Operations" }).count(), 0);
    await page.goto(`${gateway}/ops`);
    await page.getByTestId("not-admin").waitFor();
    assert.equal(await page.getByTestId("drills").count(), 0);
  });
});
