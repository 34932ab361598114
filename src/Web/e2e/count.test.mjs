// Count mode on a phone: a count changes the quantity; counts made offline are applied once when the
// connection returns; a count whose answer was lost is not applied twice; count sheets for managers only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addUser, call, desktop, eventually, newOrganization, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

const quantityOf = async (org, item) => (await call(`/api/v1/inventory/items/${item.id}`, org.token)).quantity;

/** How many `count` rows the ledger holds for one product at the organisation's bar. */
async function countRows(org, product) {
  const page = await call(`/api/v1/transactions?type=count&locationId=${org.location.id}&productId=${product.id}&limit=50`, org.token);
  return page.pagination.total;
}

const status = (page, text) => page.getByRole("status").filter({ hasText: text });

/** Finds a product by search, opens it, and steps the count down from what is on record. */
async function count(page, search, name, onRecord, target) {
  await page.getByLabel("Find a product").fill(search);
  await page.getByRole("list", { name: "Search results" }).getByRole("button", { name: new RegExp(name) }).click();
  await page.getByRole("heading", { name }).waitFor();
  const counted = page.getByLabel("Counted");
  await eventually(async () => (await counted.inputValue()) === String(onRecord), { what: `the count to start at ${onRecord}` });
  for (let n = onRecord; n > target; n--) await page.getByRole("button", { name: "−1", exact: true }).click();
  assert.equal(await counted.inputValue(), String(target));
  await page.getByRole("button", { name: "Save count" }).click();
  await page.getByLabel("Find a product").waitFor();
}

test("a count made in count mode changes the quantity", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email, undefined, "/count");
    await page.getByRole("heading", { name: "Count", exact: true }).waitFor();

    await page.getByLabel("Find a product").fill("hendrick");
    const results = page.getByRole("list", { name: "Search results" }).getByRole("button");
    await eventually(async () => (await results.count()) === 1 && /Hendrick's Gin/.test(await results.first().innerText()), { what: "only Hendrick's in the results" });
    await shoot(page, "count");

    await results.first().click();
    await page.getByRole("heading", { name: "Hendrick's Gin" }).waitFor();
    assert.equal(await page.locator('[data-label="on-record"]').innerText(), "12");
    await page.getByRole("button", { name: "−1", exact: true }).click();
    await page.getByRole("button", { name: "−1", exact: true }).click();
    assert.equal(await page.getByLabel("Counted").inputValue(), "10");
    await page.getByText("Variance −2 against 12 on record.").waitFor();
    await shoot(page, "count-panel");
    await page.getByRole("button", { name: "Save count" }).click();

    await status(page, "Hendrick's Gin counted at 10: variance −2, saved.").waitFor();
    await status(page, "All counts synced").waitFor();
    assert.equal(await quantityOf(org, org.ginItem), 10);
    assert.equal(await countRows(org, org.gin), 2, "the opening count and this one");
    await page.setViewportSize(desktop);
    await shoot(page, "count");

    await page.getByRole("link", { name: "Inventory" }).first().click();
    const ginRow = page.locator(`tr[data-product-id="${org.gin.id}"]`);
    await eventually(async () => (await ginRow.locator('[data-label="quantity"]').innerText()) === "10", { what: "/inventory to show 10" });
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("counts made offline are applied once when the connection returns", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    // The list kept for offline search is loaded when count mode opens.
    const kept = page.waitForResponse((r) => r.url().includes("/api/v1/inventory/items?") && r.url().includes("limit=200") && r.ok(), { timeout: 30_000 });
    await signIn(page, org.email, undefined, "/count");
    await kept;

    await page.context().setOffline(true);
    await page.getByText("Offline: searching the list of this location kept on this phone.").waitFor();
    await count(page, "hendrick", "Hendrick's Gin", 12, 11);
    await status(page, "variance −1, saved on this phone").waitFor();
    await count(page, "tito", "Tito's Handmade Vodka", 9, 7);

    await status(page, "2 counts waiting to sync").waitFor();
    const held = page.getByRole("region", { name: "Counts on this phone" }).getByRole("listitem");
    assert.equal(await held.count(), 2);
    assert.match(await held.nth(0).innerText(), /Hendrick's Gin counted 11/);
    assert.match(await held.nth(1).innerText(), /Tito's Handmade Vodka counted 7/);
    assert.equal(await quantityOf(org, org.ginItem), 12, "nothing reached the Api while offline");

    await page.context().setOffline(false);
    await status(page, "All counts synced").waitFor({ timeout: 30_000 });
    assert.equal(await held.count(), 0);
    assert.equal(await quantityOf(org, org.ginItem), 11);
    assert.equal(await quantityOf(org, org.vodkaItem), 7);
    assert.equal(await countRows(org, org.gin), 2, "gin: the opening count plus one");
    assert.equal(await countRows(org, org.vodka), 2, "vodka: the opening count plus one");
  });
});

test("a count whose first answer is lost is sent again and applied once", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    const attempts = [];
    // An admin's counts go in batches, a staff member's alone: either way the resend carries the first key.
    const sent = /\/api\/v1\/inventory\/(items\/[^/]+\/count|batch)$/;
    await page.route(sent, async (route) => {
      attempts.push(route.request().headers()["idempotency-key"]);
      if (attempts.length === 1) {
        // The server applies the count; the phone never hears back.
        const reached = await route.fetch();
        assert.equal(reached.status(), 200);
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    const replayed = [];
    page.on("response", (response) => {
      if (sent.test(response.url())) replayed.push(response.headers()["idempotent-replayed"]);
    });
    await signIn(page, org.email, undefined, "/count");

    await count(page, "hendrick", "Hendrick's Gin", 12, 10);
    await status(page, "All counts synced").waitFor({ timeout: 30_000 });
    assert.equal(attempts.length, 2);
    assert.ok(attempts[0], "the count was sent with an Idempotency-Key");
    assert.equal(attempts[1], attempts[0], "the resend used the same key");
    assert.deepEqual(replayed, ["true"], "the Api answered the resend as a replay");
    assert.equal(await quantityOf(org, org.ginItem), 10);
    assert.equal(await countRows(org, org.gin), 2, "the opening count plus one, not two");
    await status(page, "variance −2, saved.").waitFor();
  });
});

test("a manager imports a count sheet and sees each rejected line; staff do not see the import", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  const staff = await addUser(org, "staff");
  await withBrowser(async (browser) => {
    const barback = await newPage(browser, phone);
    await signIn(barback, staff, undefined, "/count");
    await barback.getByLabel("Find a product").waitFor();
    assert.equal(await barback.getByRole("heading", { name: "Import a count sheet" }).count(), 0);

    const owner = await newPage(browser, desktop);
    await signIn(owner, org.email, undefined, "/count");
    await owner.getByLabel("Count sheet (CSV)").setInputFiles({
      name: "count-sheet.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`sku,count,notes\n${org.gin.sku},8,back bar\nNO-SUCH-SKU,3,\n`),
    });
    await owner.getByRole("button", { name: "Upload count sheet" }).click();
    await status(owner, "1 of 2 rows applied, 1 rejected.").waitFor();
    const rejected = owner.getByRole("list", { name: "Rejected rows" }).getByRole("listitem");
    assert.equal(await rejected.count(), 1);
    assert.match(await rejected.first().innerText(), /^Line 3: /);
    assert.equal(await quantityOf(org, org.ginItem), 8);
    await shoot(owner, "count-import");
  });
});

test("a refused camera is said plainly, and a typed barcode still finds the bottle", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email, undefined, "/count");
    await page.getByRole("button", { name: "Scan a barcode" }).click();
    // The test browser has no camera to give (and the page may be refused one): either way, plain words.
    await page.getByRole("alert").filter({ hasText: /camera/ }).filter({ hasText: "Type the barcode below, or search by name." }).waitFor();
    await page.getByRole("button", { name: "Close the camera" }).click();

    await page.getByLabel("Barcode").fill("00000000000");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "No product has the barcode 00000000000." }).waitFor();

    await page.getByLabel("Barcode").fill("083664868780");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByRole("heading", { name: "Hendrick's Gin" }).waitFor();
    assert.equal(await page.locator('[data-label="on-record"]').innerText(), "12");
  });
});

test("an open bottle is counted in tenths and on a scale, and the stock takes the exact figure", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  // The bottle: 750 ml, 1,250 g full, 500 g empty, a liquid of 0.95 g/ml.
  const tequila = await call("/api/v1/products", org.token, {
    method: "POST",
    body: JSON.stringify({ sku: `TEQ-${org.suffix}`, name: "Blanco Tequila", category: "spirits", sizeMl: 750, abv: 40, cost: 18, price: 30, fullWeightG: 1250, emptyWeightG: 500, densityGPerMl: 0.95 }),
  });
  const item = await call("/api/v1/inventory/items", org.token, { method: "POST", body: JSON.stringify({ locationId: org.location.id, productId: tequila.id, quantity: 3 }) });
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email, undefined, "/count");

    async function open() {
      await page.getByLabel("Find a product").fill("blanco");
      await page.getByRole("list", { name: "Search results" }).getByRole("button", { name: /Blanco Tequila/ }).click();
      await page.getByRole("heading", { name: "Blanco Tequila" }).waitFor();
    }

    // Nothing full on the shelf, one bottle open at four tenths.
    await open();
    await page.getByLabel("Counted").fill("0");
    await page.getByRole("radio", { name: "Tenths" }).check();
    await page.getByRole("button", { name: ".4", exact: true }).click();
    await page.getByText("Counted 0.4. Variance −2.6 against 3 on record.").waitFor();
    await shoot(page, "count-open-bottle");
    await page.getByRole("button", { name: "Save count" }).click();
    await status(page, "Blanco Tequila counted at 0.4").waitFor();
    // The synced status may still be the one from before this count: the stock itself says when it landed.
    await eventually(async () => (await quantityOf(org, item)) === 0.4, { what: "the stock at 0.4" });

    // Two full and one on the scale at 880 g: (880 - 500) / 0.95 = 400 ml, 0.53333333 of a bottle.
    await open();
    await page.getByLabel("Counted").fill("2");
    await page.getByRole("radio", { name: "Weight" }).check();
    await page.getByLabel("Weight of the open bottle (g)").fill("880");
    await page.getByText("Counted 2.53333333.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Save count" }).click();
    await status(page, "Blanco Tequila counted at 2.53333333").waitFor();
    await eventually(async () => (await quantityOf(org, item)) === 2.53333333, { what: "the stock at 2.53333333" });
    const live = await call(`/api/v1/inventory/items/${item.id}`, org.token);
    assert.equal(live.volumeMl, 1900);
    assert.equal(await countRows(org, tequila), 3, "the opening count and these two");
    await page.context().close();
  });
});
