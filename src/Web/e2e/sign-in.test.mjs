// End to end: the built web app, served by a running Api, signs in as the demo admin and lists a location's stock.
// scripts/test.sh starts the Api and sets IPF_E2E_*; Chromium is the system one, never downloaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const base = process.env.IPF_E2E_URL;
const email = process.env.IPF_E2E_EMAIL;
const password = process.env.IPF_E2E_PASSWORD;
const shots = process.env.IPF_E2E_SHOTS ?? "../../build/test-results/web";
const executablePath = process.env.IPF_CHROMIUM ?? "/usr/bin/chromium";
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function call(path, token, init = {}) {
  const response = await fetch(new URL(path, base), {
    ...init,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  const body = await response.json();
  assert.ok(body.success, `${path}: ${JSON.stringify(body.error)}`);
  return body.data;
}

// The demo catalogue carries no stock yet: start carrying one product at the first location, as a manager would.
async function stockOneProduct() {
  const { accessToken } = await call("/api/v1/auth/login", null, { method: "POST", body: JSON.stringify({ email, password }) });
  const locations = await call("/api/v1/locations?page=1&limit=100", accessToken);
  const products = await call("/api/v1/products?page=1&limit=1", accessToken);
  const item = { locationId: locations.items[0].id, productId: products.items[0].id, quantity: 12, parLevel: 6, reorderPoint: 3 };
  await call("/api/v1/inventory/items", accessToken, { method: "POST", body: JSON.stringify(item) });
  return products.items[0].name;
}

test("the demo admin signs in and sees a location's inventory", { timeout: 120_000 }, async () => {
  assert.ok(base && email && password, "IPF_E2E_URL, IPF_E2E_EMAIL and IPF_E2E_PASSWORD must be set");
  mkdirSync(shots, { recursive: true });
  const stocked = await stockOneProduct();
  const browser = await chromium.launch({ executablePath, args: flags, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const refused = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });

    // A deep link is answered by the app itself, which sends a stranger to sign in.
    await page.goto(new URL("/inventory", base).href);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();

    const rows = page.getByRole("table", { name: "Inventory items" }).locator("tbody tr");
    await rows.first().waitFor({ timeout: 30_000 });
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), new RegExp(stocked.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.notEqual(await page.getByLabel("Location").inputValue(), "");
    assert.deepEqual(refused, [], "the security policy refused part of the app");
    await page.screenshot({ path: join(shots, "inventory-390x844.png"), fullPage: false });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(shots, "inventory-1280x800.png"), fullPage: false });
    await context.close();
  } finally {
    await browser.close();
  }
});
