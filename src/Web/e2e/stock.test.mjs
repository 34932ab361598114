// Receiving, transfers, the transactions log and the product catalogue, driven through the screens and
// checked against the Api. Each test signs up its own organisation (a bar, a supplier, gin 12 and vodka 9).
import { test } from "node:test";
import assert from "node:assert/strict";
import { addUser, call, desktop, eventually, newOrganization, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

const ledger = (org, query) => call(`/api/v1/transactions?${new URLSearchParams(query)}`, org.token);
const quantityOf = async (org, item) => (await call(`/api/v1/inventory/items/${item.id}`, org.token)).quantity;

test("a delivery received on the Receiving screen adds its bottles and shows in the log; a zero line records nothing", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/receiving");
    await page.getByRole("heading", { name: "Receiving" }).waitFor();
    await eventually(async () => (await page.getByLabel("Supplier").inputValue()) === org.supplier.id, { what: "the supplier chosen" });
    assert.equal(await page.getByLabel("Receive into").inputValue(), org.location.id);
    await page.getByLabel("Invoice number").fill(`INV-${org.suffix}`);
    await page.getByLabel("Add a product").fill("hendrick");
    await page.getByRole("button", { name: /^Add Hendrick's Gin/ }).click();
    const bottles = page.getByLabel("Bottles of Hendrick's Gin");
    assert.equal(await page.getByLabel("Unit cost of Hendrick's Gin").inputValue(), "12.50", "the unit cost is prefilled from the product");

    await bottles.fill("0");
    await page.getByRole("button", { name: /^Receive \d+ bottle/ }).click();
    await page.getByRole("alert").filter({ hasText: "Hendrick's Gin: the quantity must be at least 1 bottle." }).waitFor();
    assert.equal(await quantityOf(org, org.ginItem), 12, "a refused delivery changed stock");
    assert.equal((await ledger(org, { type: "purchase" })).pagination.total, 0, "a refused delivery reached the ledger");

    await bottles.fill("6");
    await eventually(async () => /\$75\.00/.test(await page.getByLabel("Totals").innerText()), { what: "the total of 6 x $12.50" });
    await shoot(page, "receiving");
    await page.setViewportSize(phone);
    await shoot(page, "receiving");
    await page.setViewportSize(desktop);
    await page.getByRole("button", { name: "Receive 6 bottles" }).click();
    await page.getByRole("status").filter({ hasText: "Received 6 bottles" }).waitFor();
    assert.match(await page.getByRole("status").filter({ hasText: "Received 6 bottles" }).innerText(), /Hendrick's Gin 18/);

    assert.equal(await quantityOf(org, org.ginItem), 18);
    const purchases = await ledger(org, { type: "purchase", productId: org.gin.id });
    assert.equal(purchases.pagination.total, 1, "the delivery was recorded once");
    assert.equal(purchases.items[0].quantity, 6);
    assert.equal(purchases.items[0].referenceId, `INV-${org.suffix}`);
    assert.equal(purchases.items[0].supplierId, org.supplier.id);

    await page.getByRole("navigation", { name: "Screens" }).getByRole("link", { name: "Transactions" }).click();
    const row = page.locator(`tr[data-type="purchase"][data-product-id="${org.gin.id}"]`);
    await row.waitFor();
    assert.equal(await row.locator('[data-label="quantity"]').innerText(), "+6");
    assert.match(await row.innerText(), /Receiving/);
    assert.match(await row.innerText(), /Hendrick's Gin/);
    assert.match(await row.innerText(), /\$75\.00/);
    await shoot(page, "transactions");
    await page.setViewportSize(phone);
    await shoot(page, "transactions");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("a transfer moves vodka to a second bar, both rows show in the log, and asking too much is explained", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const back = await call("/api/v1/locations", org.token, { method: "POST", body: JSON.stringify({ name: "Back Bar" }) });
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/transfers");
    await page.getByRole("heading", { name: "Transfers" }).waitFor();
    await page.getByLabel("From", { exact: true }).selectOption(org.location.id);
    await eventually(async () => (await page.getByLabel("To", { exact: true }).inputValue()) === back.id, { what: "Back Bar as the destination" });
    await page.getByLabel("Add a product").fill("tito");
    await page.getByRole("button", { name: /^Add Tito's Handmade Vodka .*9 on hand/ }).click();
    const line = page.locator(`table[aria-label="Lines"] tr[data-product-id="${org.vodka.id}"]`);
    await eventually(async () => (await line.locator('[data-label="on-hand"]').innerText()) === "9", { what: "9 on hand at the source" });

    await page.getByLabel("Bottles of Tito's Handmade Vodka").fill("20");
    await page.getByRole("button", { name: "Move to Back Bar" }).click();
    await page.getByRole("alert").filter({ hasText: `Not enough stock at Main Bar, so nothing was moved. Only 9 of VOD-${org.suffix} on hand at this location; 20 asked.` }).waitFor();
    assert.equal(await quantityOf(org, org.vodkaItem), 9, "a refused transfer changed stock");
    assert.equal((await ledger(org, { type: "transfer_out" })).pagination.total, 0);

    await page.getByLabel("Bottles of Tito's Handmade Vodka").fill("2");
    await page.getByRole("button", { name: "Move to Back Bar" }).click();
    await page.getByRole("status").filter({ hasText: "Moved 2 bottles from Main Bar to Back Bar." }).waitFor();
    const stock = await call(`/api/v1/inventory/products/${org.vodka.id}`, org.token);
    assert.deepEqual(
      Object.fromEntries(stock.locations.map((l) => [l.locationId, l.quantity])),
      { [org.location.id]: 7, [back.id]: 2 },
    );

    await page.getByRole("navigation", { name: "Screens" }).getByRole("link", { name: "Transactions" }).click();
    const out = page.locator(`tr[data-type="transfer_out"][data-product-id="${org.vodka.id}"]`);
    const into = page.locator(`tr[data-type="transfer_in"][data-product-id="${org.vodka.id}"]`);
    await out.waitFor();
    await into.waitFor();
    assert.equal(await out.locator('[data-label="quantity"]').innerText(), "−2");
    assert.equal(await into.locator('[data-label="quantity"]').innerText(), "+2");
    assert.match(await out.innerText(), /Transfer out/);
    assert.match(await into.innerText(), /Transfer in/);
    assert.match(await out.innerText(), /Main Bar → Back Bar/);

    await page.getByLabel("Type").selectOption("transfer_in");
    await eventually(async () => (await page.locator("table.ledger tbody tr").count()) === 1, { what: "only the transfer in" });
  });
});

test("a manager adds a product and finds it by search; staff see the catalogue without write buttons", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const manager = await addUser(org, "manager");
  const staff = await addUser(org, "staff");
  const sku = `RYE-${org.suffix}`;
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, manager, undefined, "/products");
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.getByRole("button", { name: "Add product" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Rittenhouse Rye");
    await page.getByLabel("SKU", { exact: true }).fill(`GIN-${org.suffix}`);
    await page.getByRole("form", { name: "New product" }).getByLabel("Category", { exact: true }).fill("Rye Whiskey");
    await page.getByLabel("ABV (%)").fill("50");
    await page.getByLabel("Cost per bottle").fill("21.50");
    await page.getByRole("button", { name: "Add product" }).click();
    // The form's own check: nothing is sent without a price.
    await page.getByText("Enter the price of one bottle.").waitFor();
    await page.getByLabel("Price per bottle").fill("45");
    await page.getByRole("button", { name: "Add product" }).click();
    // The Api's refusal, beside the field it names.
    await page.locator("#product-sku-error").filter({ hasText: "Another product already has this SKU." }).waitFor();
    await page.getByLabel("SKU", { exact: true }).fill(sku);
    await page.getByRole("button", { name: "Add product" }).click();
    await page.getByRole("status").filter({ hasText: `Saved Rittenhouse Rye (${sku}).` }).waitFor();

    // q is typo-tolerant, so the other products sharing the suffix may match too: pick by sku.
    const created = (await call(`/api/v1/products?q=${sku}`, org.token)).items.filter((p) => p.sku === sku);
    assert.equal(created.length, 1);
    assert.deepEqual([created[0].name, created[0].price, created[0].cost, created[0].abv], ["Rittenhouse Rye", 45, 21.5, 50]);
    // The merchant's own category, and the class for reports derived from it.
    assert.deepEqual([created[0].category, created[0].complianceClass], ["Rye Whiskey", "spirits"]);

    await page.getByLabel("Search").fill("rittenhouse");
    const rows = page.getByRole("table", { name: "Products" }).locator("tbody tr");
    await eventually(async () => (await rows.count()) === 1 && (await rows.first().innerText()).includes(sku), { what: "only the rye" });
    await page.getByLabel("Search").fill("");
    await eventually(async () => (await rows.count()) === 3, { what: "all three products" });
    await shoot(page, "products");
    await page.setViewportSize(phone);
    await shoot(page, "products");

    const staffPage = await newPage(browser, desktop);
    await signIn(staffPage, staff, undefined, "/products");
    const staffRows = staffPage.getByRole("table", { name: "Products" }).locator("tbody tr");
    await eventually(async () => (await staffRows.count()) === 3, { what: "staff see the three products" });
    assert.equal(await staffPage.getByRole("button", { name: "Add product" }).count(), 0, "staff were offered Add product");
    assert.equal(await staffPage.getByRole("button", { name: /^(Edit|Delete) / }).count(), 0, "staff were offered Edit or Delete");
  });
});
