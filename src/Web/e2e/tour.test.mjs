// A walk through the demo organisation as its owner would take it on a first `make run`: every main screen
// shows the demo's sixteen weeks of trade. Its screenshots are the ones docs/screenshots/ keeps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { call, desktop, eventually, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

const email = process.env.IPF_E2E_EMAIL;
const password = process.env.IPF_E2E_PASSWORD;

test("the demo's owner finds stock, sales, a forecast and a licence due on the main screens", { timeout: 300_000 }, async () => {
  const { accessToken } = await call("/api/v1/auth/login", null, { method: "POST", body: JSON.stringify({ email, password }) });
  const [store] = (await call("/api/v1/locations?page=1&limit=100", accessToken)).items.sort((a, b) => a.name.localeCompare(b.name));
  await withBrowser(async (browser) => {
    for (const viewport of [desktop, phone]) {
      const page = await newPage(browser, viewport);
      await signIn(page, email, password, "/");

      // The dashboard: thirty days of sales at the chosen store, and its top sellers.
      await page.getByRole("table", { name: "Top products" }).locator("tbody tr").first().waitFor({ timeout: 60_000 });
      assert.equal(await page.getByRole("table", { name: "Top products" }).locator("tbody tr").count(), 5);
      await page.locator("figure.chart canvas").first().waitFor();
      await shoot(page, "demo-dashboard");

      // A signed-in person opening the app cold: when it first paints, and when the dashboard's figures are in.
      await page.reload();
      await page.getByRole("table", { name: "Top products" }).locator("tbody tr").first().waitFor({ timeout: 60_000 });
      const timing = await page.evaluate(() => ({
        firstContentfulPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        figuresShownMs: Math.round(performance.now()),
      }));
      assert.ok(timing.firstContentfulPaintMs > 0, "the browser recorded no first paint");
      const results = process.env.IPF_E2E_SHOTS ?? "../../build/test-results/web";
      writeFileSync(join(results, `demo-dashboard-timing-${viewport.width}.json`), JSON.stringify(timing));

      // Inventory: the store carries the whole catalogue, fifty to a page, some of it below par.
      await page.goto(new URL("/inventory", process.env.IPF_E2E_URL).href);
      const rows = page.getByRole("table", { name: "Inventory items" }).locator("tbody tr");
      await rows.first().waitFor({ timeout: 30_000 });
      assert.equal(await rows.count(), 50);
      await page.getByText(/of \d+ · 338 items/).waitFor();
      await shoot(page, "demo-inventory");

      // Count mode on the bottle a bar manager reaches for first.
      await page.goto(new URL("/count", process.env.IPF_E2E_URL).href);
      await page.getByLabel("Location").selectOption(store.id);
      await page.getByRole("searchbox").first().fill("balvenie");
      await page.getByRole("button", { name: /Balvenie 12yr/ }).first().click();
      await page.getByRole("button", { name: /Save count/ }).waitFor();
      await shoot(page, "demo-count");

      if (viewport === desktop) {
        // Compliance: one demo licence is due for renewal within the month.
        await page.goto(new URL("/compliance", process.env.IPF_E2E_URL).href);
        await page.getByText(/Class E Liquor License/).first().waitFor({ timeout: 30_000 });
        await shoot(page, "demo-compliance");

        // A forecast from the demo's sixteen weeks: the first one trains the organisation's model.
        await page.goto(new URL("/forecasts", process.env.IPF_E2E_URL).href);
        await page.getByLabel("Location").selectOption(store.id);
        await page.getByLabel("Product", { exact: true }).fill("Balvenie 12yr");
        await page.getByRole("button", { name: /Balvenie 12yr Doublewood/ }).first().click();
        await page.getByRole("button", { name: "Forecast", exact: true }).click();
        await page.locator("figure.chart canvas").first().waitFor({ timeout: 240_000 });
        await page.getByRole("heading", { name: "What to order now" }).waitFor();
        await shoot(page, "demo-forecasts");

        // The cocktail bar's variance: the heavy-handed bartender's tequila is the biggest loss.
        const bar = (await call("/api/v1/locations?page=1&limit=100", accessToken)).items.find((l) => l.locationType === "bar");
        const variance = await call(`/api/v1/analytics/variance?locationId=${bar.id}`, accessToken);
        const worst = await call(`/api/v1/products/${variance.products[0].productId}`, accessToken);
        assert.match(worst.subcategory, /TEQUILA/);
        await page.goto(new URL("/variance", process.env.IPF_E2E_URL).href);
        await page.getByLabel("Location").selectOption(bar.id);
        const losses = page.getByRole("figure", { name: /^Biggest losses/ }).locator("li");
        await losses.first().waitFor({ timeout: 30_000 });
        assert.ok((await losses.first().innerText()).includes(worst.name), `the first loss is ${worst.name}`);
        await page.getByRole("table", { name: "Variance by product" }).locator("tbody tr").first().waitFor();
        await shoot(page, "demo-variance");

        // The bar's menu: what a Margarita pours, and a serving size added on the screen.
        await page.goto(new URL("/menu", process.env.IPF_E2E_URL).href);
        const recipes = page.getByRole("table", { name: "Recipes" });
        const margarita = recipes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Margarita", exact: true }) });
        await margarita.waitFor({ timeout: 30_000 });
        await eventually(async () => /2 oz .+, 1 oz .+, Lime juice \(not tracked\)/.test(await margarita.innerText()), { what: "the Margarita's pours named" });
        await page.getByRole("button", { name: "Add serving size" }).click();
        const size = page.getByRole("form", { name: "New serving size" });
        await size.getByLabel("Serving size", { exact: true }).fill("Pint");
        await size.getByLabel("Volume").fill("16");
        await size.getByRole("button", { name: "Add serving size" }).click();
        await page.getByRole("table", { name: "Serving sizes" }).getByRole("rowheader", { name: "Pint" }).waitFor();
        await shoot(page, "demo-menu");

        // The ledger, newest first.
        await page.goto(new URL("/transactions", process.env.IPF_E2E_URL).href);
        const ledger = page.getByRole("table", { name: "Transactions" }).locator("tbody tr");
        await ledger.first().waitFor({ timeout: 30_000 });
        assert.ok((await ledger.count()) > 10, "the ledger shows a page of the demo's trade");
        await shoot(page, "demo-transactions");
      }
      assert.deepEqual(page.refused, [], "the security policy refused part of the app");
      await page.context().close();
    }
  });
});
