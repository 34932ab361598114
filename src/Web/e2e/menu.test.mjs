// The bar's menu written on the Menu screen (a recipe, a modifier rule), and a POS item the till sent before it was
// on the menu mapped from the Integrations screen: its waiting line is poured once, by volume, and later lines follow.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, connectPos, desktop, eventually, newOrganization, newPage, pushPosSale, shoot, signIn, withBrowser } from "./support.mjs";

// 1.5 US fl oz, as the ledger keeps it (to the thousandth of a millilitre).
const shotMl = 44.36;

test("a recipe and a modifier rule written on the Menu screen pour a POS item mapped from its waiting line, once", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const pos = await connectPos(org);
  const itemId = `VS-${org.suffix}`;
  const doubleId = `DBL-${org.suffix}`;
  const vodka = async () => (await call(`/api/v1/inventory/items?locationId=${org.location.id}`, org.token)).items.find((i) => i.productId === org.vodka.id).quantity;
  const sale = { transactionId: `vs-${org.suffix}`, locationId: org.location.id, timestamp: new Date().toISOString(), items: [{ itemId, name: "Vodka Soda", quantity: 2, price: 8 }] };
  const first = await pushPosSale(pos.apiKey, pos.secret, sale);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.data.linesUnmapped, 1, "the till sent an item the menu does not know yet");
  assert.equal(await vodka(), 9);

  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/menu");

    // A recipe: refused while unnamed, then a tracked pour in ounces and an untracked ingredient.
    await page.getByRole("button", { name: "Add recipe" }).click();
    const recipe = page.getByRole("form", { name: "New recipe" });
    await recipe.getByRole("button", { name: "Add recipe" }).click();
    await recipe.getByRole("alert").filter({ hasText: "Nothing was saved. Name the recipe." }).waitFor();
    await recipe.getByLabel("Recipe name").fill("Vodka Soda");
    await recipe.getByRole("button", { name: "Add a product" }).click();
    await recipe.getByLabel("Ingredient 1", { exact: true }).fill("tito");
    await recipe.getByRole("button", { name: /^Choose Tito's Handmade Vodka/ }).click();
    await recipe.getByLabel("Pour of Tito's Handmade Vodka: oz").fill("1,5");
    await recipe.getByRole("button", { name: "Add an untracked ingredient" }).click();
    await recipe.getByLabel("Ingredient 2 (not tracked)").fill("Soda water");
    await recipe.getByRole("button", { name: "Add recipe" }).click();
    await page.getByRole("status").filter({ hasText: "Saved the recipe Vodka Soda." }).waitFor();
    const row = page.getByRole("table", { name: "Recipes" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Vodka Soda", exact: true }) });
    await eventually(async () => /1\.5 oz Tito's Handmade Vodka, Soda water \(not tracked\)/.test(await row.innerText()), { what: "the recipe's pours named" });

    // A modifier rule: a factor of 0 is refused on the screen, 2 is kept.
    await page.getByRole("button", { name: "Add modifier rule" }).click();
    const rule = page.getByRole("form", { name: "New modifier rule" });
    await rule.getByLabel("POS modifier id").fill(doubleId);
    await rule.getByLabel("Modifier name").fill("Double");
    await rule.getByLabel("Factor").fill("0");
    await rule.getByRole("button", { name: "Add rule" }).click();
    await rule.getByRole("alert").filter({ hasText: "Type the factor, more than 0" }).waitFor();
    await rule.getByLabel("Factor").fill("2");
    await rule.getByRole("button", { name: "Add rule" }).click();
    const ruleRow = page.getByRole("table", { name: "Modifier rules" }).getByRole("row").filter({ hasText: doubleId });
    await ruleRow.waitFor();
    assert.match(await ruleRow.innerText(), /× 2/);
    await shoot(page, "menu-editing");

    // The waiting line, mapped by its POS item: the form starts from the line.
    await page.goto(new URL("/integrations", process.env.IPF_E2E_URL).href);
    await page.getByRole("link", { name: "Unmapped POS items" }).click();
    await page.getByRole("button", { name: `Map the POS item Vodka Soda (POS item ${itemId})` }).click();
    const map = page.getByRole("form", { name: "Map Vodka Soda" });
    assert.equal(await map.getByLabel("POS item id").inputValue(), itemId);
    await map.getByLabel("Recipe", { exact: true }).selectOption({ label: "Vodka Soda" });
    await map.getByRole("button", { name: "Map POS item" }).click();
    await page.getByRole("status").filter({ hasText: "Vodka Soda is mapped. 1 waiting POS line was recorded as sold." }).waitFor();
    await page.getByRole("status").filter({ hasText: "Every POS line matched" }).waitFor();
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });

  const afterMapping = 9 - (2 * shotMl) / 750;
  await eventually(async () => Math.abs((await vodka()) - afterMapping) < 1e-6, { what: `vodka at ${afterMapping}` });
  const rows = await call(`/api/v1/transactions?type=sale&productId=${org.vodka.id}`, org.token);
  assert.deepEqual(rows.items.map((r) => [r.referenceId, r.volumeMl]), [[sale.transactionId, -2 * shotMl]]);

  const again = await pushPosSale(pos.apiKey, pos.secret, sale);
  assert.equal(again.status, 200, "a sale delivered again is a replay");
  const double = await pushPosSale(pos.apiKey, pos.secret, {
    transactionId: `vs2-${org.suffix}`,
    locationId: org.location.id,
    items: [{ itemId, name: "Vodka Soda", quantity: 1, price: 12, modifiers: [{ id: doubleId, name: "Double" }] }],
  });
  assert.equal(double.status, 201, JSON.stringify(double.body));
  assert.equal(double.body.data.linesApplied, 1);
  const afterDouble = afterMapping - (2 * shotMl) / 750;
  await eventually(async () => Math.abs((await vodka()) - afterDouble) < 1e-6, { what: `vodka at ${afterDouble}: the double poured 3 oz` });
});
