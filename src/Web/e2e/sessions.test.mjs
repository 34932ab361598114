// A count session on the screen: a manager opens it with two areas, each area is counted (an open bottle in tenths)
// and finished, a finished area refuses more lines, and completing records counted minus what the ledger held at the
// snapshot, so a sale rung while counting stays sold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { attempt, call, eventually, newOrganization, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

test("a count by area on the screen sets stock as of its snapshot, once", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const gin = async () => (await call(`/api/v1/inventory/items/${org.ginItem.id}`, org.token)).quantity;
  assert.equal(await gin(), 12);

  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email, undefined, "/count-sessions");
    const opening = page.getByRole("form", { name: "Open a count session" });
    await opening.getByLabel("Name (optional)").fill("Monday close");
    await opening.getByLabel("Areas").fill("Back bar, Well");
    await opening.getByRole("button", { name: "Open count" }).click();
    await page.getByRole("heading", { name: "Monday close" }).waitFor();
    await page.getByRole("status").filter({ hasText: "0 products counted; still counting Back bar, Well." }).waitFor();
    assert.ok(await page.getByRole("button", { name: "Complete count" }).isDisabled(), "a count with areas still open cannot be completed");
    const sessionId = new URL(page.url()).searchParams.get("session");

    // A sale rung after the snapshot, while the bar is being counted.
    await call("/api/v1/transactions/sales", org.token, { method: "POST", body: JSON.stringify({ locationId: org.location.id, items: [{ productId: org.gin.id, quantity: 1 }] }) });

    await countIn(page, "Back bar", async (form) => {
      await form.getByLabel("Full bottles").fill("3");
      await form.getByLabel("Tenths", { exact: true }).check();
      await form.getByRole("button", { name: ".4" }).click();
      await form.getByText("Counted 3.4 in Back bar.").waitFor();
    });
    await shoot(page, "count-session-area");
    const backBar = page.getByRole("table", { name: "Counted in Back bar" }).getByRole("row").filter({ hasText: "Hendrick's Gin" });
    assert.equal(await backBar.locator('[data-label="counted"]').innerText(), "3.4");
    await page.getByRole("button", { name: "Finish Back bar" }).click();
    await page.getByRole("table", { name: "Areas", exact: true }).waitFor();

    const late = await attempt(`/api/v1/count-sessions/${sessionId}/lines`, org.token, {
      method: "PUT",
      body: JSON.stringify({ area: "Back bar", productId: org.gin.id, quantity: 9 }),
    });
    assert.equal(late.status, 409, "a finished area takes no more lines");
    assert.equal(late.body.error.code, "CONFLICT");

    await countIn(page, "Well", async (form) => form.getByLabel("Full bottles").fill("2"));
    await page.getByRole("button", { name: "Finish Well" }).click();
    await page.getByRole("status").filter({ hasText: "Every area finished, 1 product counted: ready to complete." }).waitFor();
    await page.getByRole("button", { name: "Complete count" }).click();
    await page.getByRole("status").filter({ hasText: "Completed: 1 product counted." }).waitFor();
    const total = page.getByRole("table", { name: "Counted, all areas" }).getByRole("row").filter({ hasText: "Hendrick's Gin" });
    assert.match(await total.innerText(), /5\.4/);
    await shoot(page, "count-session-done");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });

  // 5.4 counted at the snapshot, and the sale rung after it stays sold.
  await eventually(async () => (await gin()) === 4.4, { what: "gin at 4.4" });
  const counts = await call(`/api/v1/transactions?type=count&productId=${org.gin.id}&limit=50`, org.token);
  assert.equal(counts.items.filter((r) => r.quantity === -6.6).length, 1, JSON.stringify(counts.items.map((r) => r.quantity)));
});

/** Opens an area, finds Hendrick's, fills the count with fill(form) and saves the line. */
async function countIn(page, area, fill) {
  await page.getByRole("button", { name: `Count ${area}` }).click();
  await page.getByRole("heading", { name: `Counting ${area}` }).waitFor();
  await page.getByLabel("Count a product").fill("hendrick");
  await page.getByRole("button", { name: /^Count Hendrick's Gin/ }).click();
  const form = page.getByRole("form", { name: "Count Hendrick's Gin" });
  await fill(form);
  await form.getByRole("button", { name: "Save line" }).click();
  await page.getByRole("table", { name: `Counted in ${area}` }).getByRole("row").filter({ hasText: "Hendrick's Gin" }).waitFor();
}
