import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const gateway = process.env.SHOP_GATEWAY_URL ?? "http://127.0.0.1:8080";
export const screenshots = process.env.SHOP_SCREENSHOTS ?? "screenshots";
const admin = {
  email: process.env.SHOP_ADMIN_EMAIL ?? "admin@shop.local",
  password: process.env.SHOP_ADMIN_PASSWORD ?? "admin-change-me",
};

/** How long a step of the shop may take to show in the page: a saga runs in a second or two. */
export const STEP_TIMEOUT_MS = 30_000;

/** A page in a fresh headless Chromium (its own profile); every console error or page error fails the test. */
export interface Browser {
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "shop-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  const errors: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    // Chromium reports each answer with an error status itself; the app shows those in words.
    if (message.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
      return;
    }
    if (message.type() === "error" || message.type() === "warning") {
      errors.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return {
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      if (errors.length > 0) {
        throw new Error(`the page logged errors:\n${errors.join("\n")}`);
      }
    },
  };
}

/** A call to the shop's API outside the browser, as a test's own setup. */
export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers = {},
): Promise<T> {
  const response = await fetch(`${gateway}/api/v1${path}`, {
    method,
    headers: {
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

export async function adminToken(): Promise<string> {
  return (await call<{ accessToken: string }>("POST", "/auth/token", admin)).accessToken;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
}

/** A product of its own for a test, with plenty of stock. */
export async function newProduct(name: string, priceMinor: number, token: string): Promise<Product> {
  const sku = `E2E-${crypto.randomUUID().slice(0, 8)}`;
  return call<Product>(
    "POST",
    "/products",
    { sku, name: `${name} ${sku}`, priceMinor, currency: "EUR", stock: 100 },
    token,
  );
}

export function newShopper(): { name: string; email: string; password: string } {
  return {
    name: "Ada Shopper",
    email: `e2e-${crypto.randomUUID()}@example.com`,
    password: "correct-horse-battery",
  };
}

/** Logs in through the page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${gateway}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("button", { name: "Log out" }).waitFor();
}

/** The status the order page shows, once it is `status`. */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page
    .getByTestId("order-status")
    .filter({ hasText: status.replace("_", " ") })
    .waitFor();
}
