// The dashboard, forecasts and compliance screens against a real Api: each test signs up its own organisation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { addUser, call, desktop, eventually, newOrganization, newPage, phone, shoot, signIn, withBrowser } from "./support.mjs";

// newOrganization's bar keeps the organisation's default time zone; business dates are counted there.
const zone = "America/Chicago";
const businessDate = (instant) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
const daysFromToday = (days) => {
  const date = new Date(`${businessDate(new Date())}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

function sell(org, productId, quantity) {
  return call("/api/v1/transactions/sales", org.token, {
    method: "POST",
    body: JSON.stringify({ locationId: org.location.id, items: [{ productId, quantity }] }),
  });
}

const figure = (page, name) => page.locator(`[data-figure="${name}"]`);

test("the admin's dashboard shows today's sales and a new sale raises them without a reload", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  await sell(org, org.gin.id, 3);
  await sell(org, org.vodka.id, 2);
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, org.email);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    // 5 bottles at 28.00 in two sales.
    await eventually(async () => (await figure(page, "sales-today").innerText()) === "$140.00", { what: "today's sales of $140.00", timeout: 30_000 });
    assert.equal(await figure(page, "transactions-today").innerText(), "2");
    assert.equal(await figure(page, "units-today").innerText(), "5");
    await page.locator("figure.chart canvas").first().waitFor({ timeout: 30_000 });
    const feed = page.getByRole("list", { name: "Latest sales" }).locator("li");
    assert.equal(await feed.count(), 2);
    await page.getByText("Live: new sales appear here").waitFor({ timeout: 30_000 });
    let navigations = 0;
    page.on("framenavigated", () => navigations++);

    await sell(org, org.gin.id, 1);

    await eventually(async () => (await figure(page, "sales-today").innerText()) === "$168.00", { what: "today's sales raised to $168.00" });
    assert.equal(await figure(page, "transactions-today").innerText(), "3");
    await eventually(async () => (await feed.count()) === 3 && (await feed.first().innerText()).includes(`1 × GIN-${org.suffix}`), { what: "the new sale on top of the list" });
    // Gin fell to 8 and vodka to 7: both still above par 6, so nothing is listed below par.
    await page.getByText("Everything here is at or above par").waitFor();
    assert.equal(navigations, 0, "the page reloaded");
    await shoot(page, "dashboard");
    await page.setViewportSize(desktop);
    await shoot(page, "dashboard");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("staff see the latest sales in bottles and what is below par, without money", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await sell(org, org.vodka.id, 4);
  const staff = await addUser(org, "staff");
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, staff);
    const feed = page.getByRole("list", { name: "Latest sales" }).locator("li");
    await eventually(async () => (await feed.count()) === 1, { what: "one sale in the list" });
    assert.match(await feed.first().innerText(), new RegExp(`4 × VOD-${org.suffix}[\\s\\S]*4 btl`));
    // Vodka is down to 5, below its par of 6.
    const low = page.getByRole("table", { name: "Below par" }).locator(`tr[data-product-id="${org.vodka.id}"]`);
    await low.waitFor();
    assert.match(await low.innerText(), /Tito's Handmade Vodka\s+5\s+6/);
    assert.equal(await figure(page, "sales-today").count(), 0);
    assert.equal(await page.getByText("$").count(), 0, "staff saw an amount of money");
  });
});

test("the forecast screen forecasts gin at the bar with a named fallback, an order and a chart", { timeout: 300_000 }, async () => {
  const org = await newOrganization();
  await sell(org, org.gin.id, 2);
  await sell(org, org.gin.id, 3);
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/forecasts");
    await page.getByLabel("Product", { exact: true }).fill("Hendrick");
    await page.getByRole("button", { name: /Hendrick's Gin/ }).click();
    await page.getByText("Chosen: Hendrick's Gin").waitFor();
    await page.getByRole("button", { name: "Forecast", exact: true }).click();
    await figure(page, "method").waitFor({ timeout: 240_000 });
    assert.match(await figure(page, "method").innerText(), /Method: Fallback estimate: \S/);

    const answer = await call("/api/v1/analytics/forecast", org.token, {
      method: "POST",
      body: JSON.stringify({ productId: org.gin.id, locationId: org.location.id, forecastDays: 30 }),
    });
    assert.match(answer.method, /^fallback: /);
    const order = await figure(page, "recommended-order").innerText();
    if (answer.recommendedOrderQuantity > 0) assert.match(order, new RegExp(`${answer.recommendedOrderQuantity} bottles`));
    else assert.match(order, /Nothing yet/);
    await page.locator("figure.chart canvas").first().waitFor();
    assert.match((await page.locator("figure.chart").getAttribute("aria-label")) ?? "", /^Forecast demand for Hendrick's Gin/);
    await page.getByRole("heading", { name: "What to order now" }).waitFor();
    await shoot(page, "forecasts");
    await page.setViewportSize(phone);
    await shoot(page, "forecasts");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("compliance: a licence 10 days from expiry is flagged, and last month's ABC report downloads as CSV", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const number = `MB-${org.suffix}`;
  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    await signIn(page, org.email, undefined, "/compliance");
    // Sign-in returns to the path, not its query, so the section is chosen here.
    await page.getByRole("button", { name: "Licences", exact: true }).click();
    await page.getByRole("button", { name: "Add licence" }).click();
    const form = page.getByRole("form", { name: "Add a licence" });
    await form.getByLabel("Licence type").fill("Mixed Beverage Permit");
    await form.getByLabel("Licence number").fill(number);
    await form.getByLabel("Issuing authority").fill("Texas ABC");
    await form.getByLabel("Expires on").fill(daysFromToday(10));
    await form.getByRole("button", { name: "Add licence" }).click();

    const row = page.getByRole("list", { name: "Licences" }).locator("li").filter({ hasText: number });
    await row.waitFor();
    assert.equal(await row.locator('[data-label="status"]').innerText(), "Expiring · 10 days left");
    const [stored] = (await call("/api/v1/compliance/licenses", org.token)).items;
    assert.deepEqual([stored.licenseNumber, stored.status, stored.daysToExpiry], [number, "expiring", 10]);

    await page.getByRole("button", { name: "Status", exact: true }).click();
    await page.getByRole("list", { name: "Licences needing attention" }).getByText(number).waitFor();
    assert.equal(await figure(page, "overall").innerText(), "Needs attention soon");

    // The 14-day reminder was raised when the licence was recorded; acknowledging it closes it in the Api.
    await page.getByRole("button", { name: "Alerts", exact: true }).click();
    const alert = page.getByRole("list", { name: "Compliance alerts" }).locator("li").filter({ hasText: number });
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByText("No open alerts.").waitFor();
    const closed = (await call("/api/v1/compliance/alerts?open=false", org.token)).items;
    assert.deepEqual(closed.map((a) => [a.kind, a.open]), [["license_expiring", false]]);

    await page.getByRole("button", { name: "ABC reports", exact: true }).click();
    const generate = page.getByRole("form", { name: "Generate an ABC report" });
    const start = await generate.getByLabel("From").inputValue();
    const end = await generate.getByLabel("To").inputValue();
    // Last month: from its first day to the day before this month's first.
    const lastOfLastMonth = daysFromToday(-Number(businessDate(new Date()).slice(8, 10)));
    assert.deepEqual([start, end], [`${lastOfLastMonth.slice(0, 8)}01`, lastOfLastMonth], "the default period is last month");
    await generate.getByRole("button", { name: "Generate report" }).click();
    await page.getByText("generated, ready to download and file").waitFor({ timeout: 60_000 });
    const report = page.getByRole("list", { name: "ABC reports" }).locator("li").first();
    assert.match(await report.innerText(), new RegExp(`Main Bar: ${start} to ${end}[\\s\\S]*generated`));

    const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Download CSV" }).click()]);
    assert.equal(download.suggestedFilename(), `abc-report-main-bar-${start}-to-${end}.csv`);
    const csv = await readFile(await download.path(), "utf8");
    assert.equal(
      csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0],
      "line,category,supplier,openingUnits,purchasedUnits,soldUnits,wastedUnits,compedUnits,adjustedUnits,transferredInUnits,transferredOutUnits," +
        "closingUnits,openingLitres,purchasedLitres,soldLitres,wastedLitres,compedLitres,adjustedLitres,transferredInLitres,transferredOutLitres," +
        "closingLitres,purchasedAmount,soldAmount,wastedAmount,compedAmount,grossReceipts",
    );
    await page.getByRole("button", { name: "Licences", exact: true }).click();
    await row.waitFor();
    await shoot(page, "compliance");
    await page.setViewportSize(phone);
    await shoot(page, "compliance");
    assert.deepEqual(page.refused, [], "the security policy refused part of the app");
  });
});

test("a manager reads compliance but sees none of the admin's controls", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await call("/api/v1/compliance/licenses", org.token, {
    method: "POST",
    body: JSON.stringify({ licenseType: "Retail Beer Permit", issuingAuthority: "Texas ABC", licenseNumber: `BG-${org.suffix}`, expiresOn: daysFromToday(200) }),
  });
  const manager = await addUser(org, "manager");
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, manager, undefined, "/compliance");
    await page.getByRole("button", { name: "Licences", exact: true }).click();
    const row = page.getByRole("list", { name: "Licences" }).locator("li").filter({ hasText: `BG-${org.suffix}` });
    await row.waitFor();
    assert.match(await row.innerText(), /Valid · 200 days left/);
    assert.equal(await page.getByRole("button", { name: /Add licence|Edit|Delete/ }).count(), 0);
    await page.getByRole("button", { name: "ABC reports", exact: true }).click();
    await page.getByText("No ABC reports yet. An admin generates them.").waitFor();
    assert.equal(await page.getByRole("form", { name: "Generate an ABC report" }).count(), 0);

    await page.getByRole("button", { name: "TTB monthly", exact: true }).click();
    const storage = page.getByRole("table").first();
    await storage.getByRole("rowheader", { name: "gin" }).waitFor({ timeout: 30_000 });
    // Three forms, each with its lines and a total; nothing was received or sold last month, so every figure is zero.
    assert.equal(await page.getByRole("rowheader", { name: "Total" }).count(), 3);
    assert.deepEqual([...new Set(await storage.locator("td").allInnerTexts())], ["0.0"]);
  });
});
