// A report alert's mail and the Compliance screen link to one ABC report: the link opens it first, ready to file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { call, desktop, newOrganization, newPage, shoot, signIn, withBrowser } from "./support.mjs";

test("a link to a report opens the reports section on it, and an admin files it from there", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  // Two months back: over in every time zone, so the report is generated (a finished period), as the reminder's drafts are.
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0));
  const day = (d) => d.toISOString().slice(0, 10);
  const report = await call("/api/v1/compliance/reports/abc", org.token, {
    method: "POST",
    body: JSON.stringify({ locationId: org.location.id, periodStart: day(start), periodEnd: day(end) }),
  });
  assert.equal(report.status, "generated");

  await withBrowser(async (browser) => {
    const page = await newPage(browser, desktop);
    // Signed out, as a mail's reader is: the sign-in screen brings them back to the report.
    await signIn(page, org.email, undefined, `/compliance?section=reports&report=${report.id}`);
    const followed = page.getByRole("region", { name: "The report you followed" });
    await followed.getByText(`Main Bar: ${day(start)} to ${day(end)}`).waitFor();
    assert.equal(await page.getByRole("button", { name: "ABC reports" }).getAttribute("aria-current"), "page");
    await shoot(page, "compliance-report-link");

    await followed.getByRole("button", { name: "Mark as filed" }).click();
    await page.getByText("Recorded as filed.").waitFor();
    await followed.locator(".pill.submitted").waitFor();
    assert.equal((await call(`/api/v1/compliance/reports/${report.id}`, org.token)).status, "submitted");
    assert.deepEqual(page.refused, []);
  });
});
