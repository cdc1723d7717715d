import assert from "node:assert/strict";
import { join } from "node:path";
import { before, test } from "node:test";
import {
  adminToken,
  call,
  gateway,
  logIn,
  newProduct,
  newShopper,
  openBrowser,
  screenshots,
  waitForStatus,
  type Browser,
  type Product,
} from "./support.js";

let lamp: Product;
let mug: Product;

before(async () => {
  const admin = await adminToken();
  lamp = await newProduct("Desk lamp", 2999, admin);
  mug = await newProduct("Enamel mug", 1250, admin);
});

test("a shopper registers, fills a cart, checks out and watches the order reach CONFIRMED live", async () => {
  const browser = await openBrowser();
  const { page } = browser;
  try {
    const shopper = newShopper();
    await page.goto(`${gateway}/register`);
    await page.getByLabel("Name").fill(shopper.name);
    await page.getByLabel("Email").fill(shopper.email);
    await page.getByLabel("Password (8 characters or more)").fill(shopper.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await logIn(page, shopper.email, shopper.password);

    for (const product of [lamp, mug]) {
      await page.getByLabel("Search the catalog").fill(product.sku);
      await page.getByRole("button", { name: "Search" }).click();
      const card = page.locator(`[data-sku="${product.sku}"]`);
      await card.getByText("€").waitFor();
      await card.getByText("100 in stock").waitFor();
      await card.getByRole("button", { name: `Add ${product.name} to the cart` }).click();
      await card.getByText("Added").waitFor();
    }
    await page.goto(`${gateway}/?q=E2E-`);
    await page.locator(".product").first().waitFor();
    await page.screenshot({ path: join(screenshots, "storefront.png") });

    await page.getByRole("link", { name: "Cart (2)" }).click();
    assert.equal(await page.getByTestId("cart-total").textContent(), "€42.49");
    await page.getByLabel("Shipping address").fill("1 Main Street\nSpringfield");
    await page.getByRole("button", { name: "Place order" }).click();

    await waitForStatus(page, "CONFIRMED");
    const steps = await page.getByTestId("steps").locator("li").allTextContents();
    for (const step of [
      "Order placed",
      "Stock reserved",
      "Payment captured",
      "Shipment created",
      "Confirmed",
    ]) {
      assert.ok(
        steps.some((s) => s.startsWith(step)),
        `the steps shown include ${step}: ${steps}`,
      );
    }
    await page.getByTestId("payment").getByText("€42.49").waitFor();
    await page.getByTestId("shipment").getByText("tracking").waitFor();
    await page.getByTestId("notification").locator("li").first().waitFor();
    await page.screenshot({ path: join(screenshots, "storefront-order.png"), fullPage: true });

    // A second order, cancelled: its steps are undone and the payment refunded.
    await page.goto(`${gateway}/`);
    await page.getByLabel("Search the catalog").fill(mug.sku);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: `Add ${mug.name} to the cart` }).click();
    await page.getByRole("link", { name: "Cart (1)" }).click();
    await page.getByLabel("Shipping address").fill("1 Main Street");
    await page.getByRole("button", { name: "Place order" }).click();
    await waitForStatus(page, "CONFIRMED");
    await page.getByRole("button", { name: "Cancel order" }).click();
    await waitForStatus(page, "CANCELLED");
    await page.getByTestId("steps").getByText("Payment refunded").waitFor();
    await page.getByTestId("payment").getByText("REFUNDED").waitFor();

    await page.getByRole("link", { name: "My orders" }).click();
    assert.equal(await page.locator(".orders li").count(), 2);
  } finally {
    await browser.close();
  }
});

test("a double click on Place order places one order", async () => {
  const shopper = newShopper();
  await call("POST", "/users", shopper);
  const browser = await openBrowser();
  const { page } = browser;
  try {
    await logIn(page, shopper.email, shopper.password);
    await page.getByLabel("Search the catalog").fill(lamp.sku);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: `Add ${lamp.name} to the cart` }).click();
    await page.getByRole("link", { name: "Cart (1)" }).click();
    await page.getByLabel("Shipping address").fill("1 Main Street");
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await waitForStatus(page, "CONFIRMED");

    const token = (
      await call<{ accessToken: string }>("POST", "/auth/token", {
        email: shopper.email,
        password: shopper.password,
      })
    ).accessToken;
    const orders = await call<{ items: unknown[] }>("GET", "/orders", undefined, token);
    assert.equal(orders.items.length, 1);
  } finally {
    await browser.close();
  }
});

test("a refusal shows its detail in plain words", async () => {
  const browser = await openBrowser({ width: 390, height: 844 });
  const { page } = browser;
  try {
    await page.goto(`${gateway}/login`);
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Log in" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /\w+ \w+/);
    assert.doesNotMatch((await alert.textContent()) ?? "", /[{}]/, "words, not JSON");
  } finally {
    await browser.close();
  }
});
