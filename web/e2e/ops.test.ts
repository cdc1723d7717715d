import assert from "node:assert/strict";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  adminToken,
  call,
  gateway,
  logIn,
  newProduct,
  newShopper,
  openBrowser,
  screenshots,
} from "./support.js";

const SERVICES = [
  "gateway",
  "user-service",
  "inventory-service",
  "order-service",
  "payment-service",
  "shipping-service",
  "notification-service",
];

after(async () => {
  // Whatever happened, the shop is left taking payments.
  await call("PUT", "/admin/drills/payment-failures", { on: false }, await adminToken());
});

test("an admin flips the payment failure drill and watches the breaker open, then close", async () => {
  const admin = await adminToken();
  const product = await newProduct("Drill kettle", 1500, admin);
  const shopper = newShopper();
  await call("POST", "/users", shopper);
  const customer = (
    await call<{ accessToken: string }>("POST", "/auth/token", {
      email: shopper.email,
      password: shopper.password,
    })
  ).accessToken;

  const browser = await openBrowser({ width: 1280, height: 900 });
  const { page } = browser;
  try {
    await logIn(
      page,
      process.env.SHOP_ADMIN_EMAIL ?? "admin@shop.local",
      process.env.SHOP_ADMIN_PASSWORD ?? "admin-change-me",
    );
    await page.getByRole("link", { name: "Operations" }).click();
    for (const service of SERVICES) {
      await page
        .getByTestId("services")
        .locator("tr", { hasText: service })
        .locator(".health.passing")
        .first()
        .waitFor();
    }
    await page.getByTestId("metrics").getByText("Orders per second").waitFor();

    const drill = page.locator('[data-drill="payment-failures"]');
    await drill.click();
    await page.locator('[data-drill="payment-failures"][aria-pressed="true"]').waitFor();

    // Once payment-service has the new setting (it reads Consul KV every few seconds), an order placed
    // cannot be paid: it waits, and each retry of its payment fails until order-service's breaker opens.
    const waiting = page.getByTestId("pending-payment").filter({ hasText: /^[1-9]\d* orders? waiting/ });
    for (let placed = 0; !(await waiting.isVisible()); placed++) {
      assert.ok(placed < 20, "an order placed with the drill on waits for its payment");
      await call(
        "POST",
        "/orders",
        { items: [{ productId: product.id, quantity: 1 }], shippingAddress: "1 Main Street" },
        customer,
        { "Idempotency-Key": crypto.randomUUID() },
      );
      await waiting.waitFor({ timeout: 2000 }).catch(() => {});
    }
    const payments = page.locator('[data-breaker$="/payments"]');
    await payments
      .getByTestId("breaker-state")
      .filter({ hasText: /^OPEN$/ })
      .first()
      .waitFor();
    await page
      .getByTestId("pending-payment")
      .filter({ hasText: /^[1-9]\d* orders? waiting/ })
      .waitFor();
    await page.getByTestId("events").locator("li").first().waitFor();
    await page.screenshot({ path: join(screenshots, "ops.png"), fullPage: true });

    await drill.click();
    await page.locator('[data-drill="payment-failures"][aria-pressed="false"]').waitFor();
    await payments
      .getByTestId("breaker-state")
      .filter({ hasText: /^CLOSED$/ })
      .first()
      .waitFor();
    await page.getByTestId("pending-payment").filter({ hasText: "0 orders waiting" }).waitFor();
  } finally {
    await browser.close();
  }
});
