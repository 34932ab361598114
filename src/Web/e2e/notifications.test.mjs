// A person chooses what they receive by mail on the Notifications screen; the choice is theirs and stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addUser, call, newOrganization, newPage, password, phone, shoot, signIn, withBrowser } from "./support.mjs";

test("staff choose the mail they want, and can go back to their role's defaults", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const email = await addUser(org, "staff");
  const staff = { email, token: (await call("/api/v1/auth/login", undefined, { method: "POST", body: JSON.stringify({ email, password }) })).accessToken };
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await signIn(page, staff.email, undefined, "/notifications");
    const form = page.getByRole("form", { name: "Mail me about" });
    await form.waitFor();
    // Staff get nothing until they ask.
    for (const topic of ["Licences", "Reports", "Below par", "Shrinkage"]) {
      assert.equal(await form.getByRole("checkbox", { name: topic }).isChecked(), false, `${topic} is on by default for staff`);
    }

    await form.getByRole("checkbox", { name: "Below par" }).check();
    await form.getByRole("checkbox", { name: "Shrinkage" }).check();
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    const saved = await call("/api/v1/users/me/notifications", staff.token);
    assert.deepEqual(saved.topics, ["low_stock", "shrinkage"]);
    assert.equal(saved.chosen, true);
    await shoot(page, "notifications");

    await page.reload();
    await form.waitFor();
    assert.equal(await form.getByRole("checkbox", { name: "Below par" }).isChecked(), true);
    assert.equal(await form.getByRole("checkbox", { name: "Licences" }).isChecked(), false);

    await form.getByRole("button", { name: "Back to my role's defaults" }).click();
    await form.getByRole("button", { name: "Back to my role's defaults" }).waitFor({ state: "detached" });
    const reset = await call("/api/v1/users/me/notifications", staff.token);
    assert.deepEqual(reset.topics, []);
    assert.equal(reset.chosen, false);
  });
});
