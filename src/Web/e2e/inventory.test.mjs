// Sign in through a deep link, see a location's stock, and see a sale made elsewhere change it live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, desktop, eventually, newOrganization, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

test("the demo admin signs in through a deep link and lands on the screen asked for", { timeout: 120_000 }, async () => {
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, process.env.IPF_E2E_EMAIL, process.env.IPF_E2E_PASSWORD, "/inventory");
    await page.getByRole("heading", { name: "Inventory" }).waitFor();
    // The location is chosen by itself once the locations are in.
    await eventually(async () => (await page.getByLabel("Location").inputValue()) !== "", { what: "a chosen location" });
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("a sale made through the Api changes the open inventory page without a reload", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email, undefined, "/inventory");
    const ginRow = page.locator(`tr[data-product-id="${org.gin.id}"]`);
    await ginRow.waitFor({ timeout: 30_000 });
    assert.equal(await ginRow.locator('[data-label="quantity"]').innerText(), "12");
    await eventually(async () => (await page.getByRole("status", { name: "Connection" }).innerText()) === "Live", { what: "the live connection" });
    let navigations = 0;
    page.on("framenavigated", () => navigations++);

    await call("/api/v1/transactions/sales", org.token, {
      method: "POST",
      body: JSON.stringify({ locationId: org.location.id, items: [{ productId: org.gin.id, quantity: 3 }] }),
    });

    await eventually(async () => (await ginRow.locator('[data-label="quantity"]').innerText()) === "9", { what: "the live quantity 9" });
    assert.equal(navigations, 0, "the page reloaded");
    await shoot(page, "inventory");
    await page.setViewportSize(desktop);
    await shoot(page, "inventory");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("search, category and below-par filters narrow the list on the server", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/inventory");
    const rows = page.getByRole("table", { name: "Inventory items" }).locator("tbody tr");
    await eventually(async () => (await rows.count()) === 2, { what: "two rows" });
    await page.getByLabel("Search").fill("tito");
    await eventually(async () => (await rows.count()) === 1 && /Tito/.test(await rows.first().innerText()), { what: "only Tito's" });
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Below par only").check();
    await page.getByRole("status").filter({ hasText: "No items match" }).waitFor();
  });
});
