import assert from "node:assert/strict";
import { join } from "node:path";
import { before, test } from "node:test";
import type { Page } from "playwright-core";
import {
  addToCart,
  adminToken,
  call,
  gateway,
  logIn,
  newProduct,
  newShopper,
  registeredShopper,
  screenshots,
  shownOrderId,
  waitForStatus,
  withBrowser,
  type Order,
  type Product,
} from "./support.js";

let lamp: Product;
let mug: Product;

before(async () => {
  const admin = await adminToken();
  lamp = await newProduct("Desk lamp", 2999, admin);
  mug = await newProduct("Enamel mug", 1250, admin);
});

/** The saga's steps of a confirmed order, in the order they happen, by event and as the page words them. */
const CONFIRMED_STEPS = [
  ["StockReserved", "Stock reserved"],
  ["PaymentCaptured", "Payment captured"],
  ["ShipmentCreated", "Shipment created"],
  ["OrderConfirmed", "Confirmed"],
];

/** Checks out the cart, and waits for the order page. */
async function checkOut(page: Page, address: string): Promise<string> {
  await openCheckout(page, address);
  await page.getByRole("button", { name: "Place order" }).click();
  return shownOrderId(page);
}

/** Logs in, puts one product in the cart and fills in the checkout, short of placing the order. */
async function readyToOrder(page: Page, shopper: { email: string; password: string }, product: Product) {
  await logIn(page, shopper.email, shopper.password);
  await addToCart(page, product);
  await openCheckout(page, "1 Main Street");
}

/** The order page shows the shopper's one and only order, and it reaches CONFIRMED. */
async function assertTheOnlyOrderConfirmed(page: Page, token: string, why: string): Promise<void> {
  const orderId = await shownOrderId(page);
  await waitForStatus(page, "CONFIRMED");
  const orders = await call<{ items: Order[] }>("GET", "/orders", undefined, token);
  assert.deepEqual(
    orders.items.map((o) => o.id),
    [orderId],
    why,
  );
}

async function openCheckout(page: Page, address: string): Promise<void> {
  await page.getByRole("link", { name: /^Cart \(/ }).click();
  await page.getByLabel("Shipping address").fill(address);
}

/** The steps the order page shows: event, version, and whether it arrived live. */
async function shownSteps(
  page: Page,
): Promise<{ event: string; version: number; live: boolean; text: string }[]> {
  return page
    .getByTestId("steps")
    .locator("li")
    .evaluateAll((items) =>
      items.map((li) => ({
        event: li.getAttribute("data-event") ?? "",
        version: Number(li.getAttribute("data-version")),
        live: li.hasAttribute("data-live"),
        text: li.textContent ?? "",
      })),
    );
}

test("a shopper registers, fills a cart, checks out and watches the order reach CONFIRMED live, then cancels one", async () => {
  await withBrowser({}, async (page) => {
    const shopper = newShopper();
    await page.goto(`${gateway}/register`);
    await page.getByLabel("Name").fill(shopper.name);
    await page.getByLabel("Email").fill(shopper.email);
    await page.getByLabel("Password (8 characters or more)").fill(shopper.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in" }).waitFor();
    await logIn(page, shopper.email, shopper.password);

    for (const product of [lamp, mug]) {
      const card = await addToCart(page, product);
      await card.getByText(product.sku).waitFor();
      await card.getByText("100 in stock").waitFor();
    }
    await page.getByRole("link", { name: "Catalog" }).click();
    await page.getByTestId("product").first().waitFor();
    await page.screenshot({ path: join(screenshots, "storefront.png") });

    await page.getByRole("link", { name: "Cart (2)" }).click();
    assert.equal(await page.locator("tr[data-product]").count(), 2);
    assert.equal(await page.getByTestId("cart-total").textContent(), "€42.49");
    const orderId = await checkOut(page, "1 Main Street\nSpringfield");

    // Each step shows as it happens, through the bridge: the page listened before the order was placed.
    for (const [event] of CONFIRMED_STEPS) {
      await page.getByTestId("steps").locator(`li[data-event="${event}"]`).waitFor();
    }
    await waitForStatus(page, "CONFIRMED");
    const steps = await shownSteps(page);
    const versions = steps.map((s) => s.version);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      "the steps are in order",
    );
    assert.equal(new Set(versions).size, versions.length, "each step once");
    for (const [event, words] of CONFIRMED_STEPS) {
      const step = steps.find((s) => s.event === event);
      assert.ok(step, `the steps include ${event}: ${JSON.stringify(steps)}`);
      assert.ok(step.text.startsWith(words), `${event} reads "${words}": ${step.text}`);
      assert.ok(step.live, `${event} arrived live: ${JSON.stringify(steps)}`);
    }
    await page.getByTestId("order-total").getByText("€42.49").waitFor();
    await page.getByTestId("payment").getByText("€42.49: CAPTURED").waitFor();
    await page.getByTestId("shipment").getByText("tracking").waitFor();
    await page.getByTestId("notification").getByText("confirmed").waitFor();
    await page.screenshot({ path: join(screenshots, "storefront-order.png") });

    // A reload shows the whole story from the history.
    await page.reload();
    await page.getByTestId("steps").locator('li[data-event="OrderConfirmed"]').waitFor();
    assert.deepEqual(
      (await shownSteps(page)).map((s) => s.event),
      steps.map((s) => s.event),
    );

    // A second order, cancelled: its steps are undone and the payment refunded, live.
    await page.getByRole("link", { name: "Catalog" }).click();
    await addToCart(page, mug);
    const cancelledId = await checkOut(page, "1 Main Street");
    assert.notEqual(cancelledId, orderId);
    await waitForStatus(page, "CONFIRMED");
    await page.getByRole("button", { name: "Cancel order" }).click();
    for (const event of ["PaymentRefunded", "OrderCancelled"]) {
      await page.getByTestId("steps").locator(`li[data-event="${event}"][data-live]`).waitFor();
    }
    await waitForStatus(page, "CANCELLED");
    await page.getByTestId("steps").getByText("Payment refunded").waitFor();
    await page.getByTestId("payment").getByText("REFUNDED").waitFor();
    await page.getByTestId("notification").getByText("cancelled").waitFor();
    assert.equal(await page.getByRole("button", { name: "Cancel order" }).isVisible(), false);

    await page.getByRole("link", { name: "My orders" }).click();
    const orders = page.getByTestId("orders");
    await orders.locator(`li[data-order="${orderId}"] [data-status="CONFIRMED"]`).waitFor();
    await orders.locator(`li[data-order="${cancelledId}"] [data-status="CANCELLED"]`).waitFor();
    assert.equal(await orders.locator("li").count(), 2);
  });
});

test("a double click on Place order places one order", async () => {
  const shopper = await registeredShopper();
  await withBrowser({}, async (page) => {
    await readyToOrder(page, shopper, lamp);
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await assertTheOnlyOrderConfirmed(page, shopper.token, "one order for a double click");
  });
});

test("a checkout retried after its answer was lost places one order", async () => {
  const shopper = await registeredShopper();
  // The aborted answer is logged by Chromium itself; the page says it in words.
  await withBrowser({ allowConsole: [/net::ERR_FAILED/] }, async (page) => {
    await readyToOrder(page, shopper, mug);

    // The first attempt reaches the shop, which takes the order, but its answer never comes back.
    let lost = false;
    await page.route("**/api/v1/orders", async (route) => {
      if (lost || route.request().method() !== "POST") {
        return route.continue();
      }
      lost = true;
      await route.fetch();
      await route.abort("failed");
    });
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("alert").filter({ hasText: "cannot be reached" }).waitFor();
    assert.equal(
      (await call<{ items: Order[] }>("GET", "/orders", undefined, shopper.token)).items.length,
      1,
    );

    await page.getByRole("button", { name: "Place order" }).click();
    await assertTheOnlyOrderConfirmed(page, shopper.token, "the retry got the order the lost attempt placed");
  });
});

test("a refusal shows its detail in plain words", async () => {
  await withBrowser(
    { viewport: { width: 390, height: 844 }, allowConsole: [/status of 401/] },
    async (page) => {
      await page.goto(`${gateway}/login`);
      await page.getByLabel("Email").fill("nobody@example.com");
      await page.getByLabel("Password").fill("wrong-password");
      await page.getByRole("button", { name: "Log in" }).click();
      const alert = page.getByRole("alert");
      await alert.filter({ hasText: /\w+ \w+/ }).waitFor();
      const words = (await alert.textContent()) ?? "";
      assert.doesNotMatch(words, /[{}<>]/, "words, not JSON or markup");
    },
  );
});

test("the storefront fits a phone's screen and works from the keyboard", async () => {
  await withBrowser({ viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto(`${gateway}/?q=${encodeURIComponent(lamp.sku)}`);
    const card = page.locator(`[data-testid="product"][data-sku="${lamp.sku}"]`);
    await card.waitFor();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await fits(), "no sideways scrolling on the catalog");

    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await card.getByRole("button", { name: `Add ${lamp.name} to the cart` }).focus();
    await page.keyboard.press("Enter");
    await card.getByText("Added").waitFor();
    await page.getByRole("link", { name: "Cart (1)" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("cart-total").getByText("€29.99").waitFor();
    assert.ok(await fits(), "no sideways scrolling on the cart");
  });
});
