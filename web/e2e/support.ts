import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Locator, type Page } from "playwright-core";

/** The gateway that serves the app and its API, e.g. http://127.0.0.1:8080. */
export const gateway = (process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
/** Where the screenshots go. */
export const screenshots = process.env.SHOP_SCREENSHOTS ?? "screenshots";
export const admin = {
  email: process.env.SHOP_ADMIN_EMAIL ?? "admin@shop.local",
  password: process.env.SHOP_ADMIN_PASSWORD ?? "admin-change-me",
};

/** How long a step of the shop may take to show in the page: a saga runs in a second or two. */
export const STEP_TIMEOUT_MS = 30_000;

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  /**
   * Console messages the test causes on purpose: Chromium itself logs each answer with an error
   * status, and each request that fails, which the page then says in words.
   */
  allowConsole?: RegExp[];
}

/**
 * Runs `body` with a page in a fresh headless Chromium (a profile of its own, removed after). Every
 * console error or warning and every uncaught page error fails the test, after whatever failed it first.
 */
export async function withBrowser(
  options: BrowserOptions,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), "shop-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  const errors: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    page.on("console", (message) => {
      if (message.type() !== "error" && message.type() !== "warning") {
        return;
      }
      if (options.allowConsole?.some((allowed) => allowed.test(message.text()))) {
        return;
      }
      errors.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await body(page);
  } catch (error) {
    if (error instanceof Error) {
      // What the page showed when the test failed, to see why.
      const shot = join(screenshots, `failed-${Date.now()}.png`);
      await page.screenshot({ path: shot, fullPage: true }).then(
        () => (error.message += `\nthe page as it was: ${shot}`),
        () => {},
      );
      if (errors.length > 0) {
        error.message += `\nthe page logged:\n${errors.join("\n")}`;
      }
    }
    throw error;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  if (errors.length > 0) {
    throw new Error(`the page logged errors:\n${errors.join("\n")}`);
  }
}

/** A call to the shop's API outside the browser, as a test's own setup or check. */
export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${gateway}/api/v1${path}`, {
    method,
    headers: {
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

export async function tokenOf(credentials: { email: string; password: string }): Promise<string> {
  const { email, password } = credentials;
  return (await call<{ accessToken: string }>("POST", "/auth/token", { email, password })).accessToken;
}

export function adminToken(): Promise<string> {
  return tokenOf(admin);
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  currency: string;
}

/** A product of its own for a test (a sku no other run has), with plenty of stock. */
export function newProduct(name: string, priceMinor: number, token: string): Promise<Product> {
  const sku = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  return call<Product>("POST", "/products", { sku, name, priceMinor, currency: "EUR", stock: 100 }, token);
}

export interface Shopper {
  name: string;
  email: string;
  password: string;
}

export function newShopper(): Shopper {
  return { name: "Ada Shopper", email: `e2e-${randomUUID()}@example.com`, password: "correct-horse-battery" };
}

/** A shopper registered through the API, with a token. */
export async function registeredShopper(): Promise<Shopper & { token: string }> {
  const shopper = newShopper();
  await call("POST", "/users", shopper);
  return { ...shopper, token: await tokenOf(shopper) };
}

export interface Order {
  id: string;
  status: string;
  version: number;
}

/** Places an order through the API, as a client does: with an Idempotency-Key of its own. */
export function placeOrder(token: string, productId: string, quantity = 1): Promise<Order> {
  return call<Order>(
    "POST",
    "/orders",
    { items: [{ productId, quantity }], shippingAddress: "1 Main Street\nSpringfield" },
    token,
    { "Idempotency-Key": randomUUID() },
  );
}

/** Logs in through the page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${gateway}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}

/** Finds a product by its sku with the catalog's search, and adds it to the cart. */
export async function addToCart(page: Page, product: Product): Promise<Locator> {
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill(product.sku);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const card = page.locator(`[data-testid="product"][data-sku="${product.sku}"]`);
  await card.getByRole("button", { name: `Add ${product.name} to the cart` }).click();
  await card.getByText("Added").waitFor();
  return card;
}

/** Waits until the order page shows the order in this status. */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="order-status"][data-status="${status}"]`).waitFor();
}

/** The path of the order page shown, and so the order's id. */
export async function shownOrderId(page: Page): Promise<string> {
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop() as string;
}
