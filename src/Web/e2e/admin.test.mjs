// The admin screens: who sees them, users added, changed and deactivated through the Users screen, and
// webhooks, integration clients and their once-shown secrets on the Integrations screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addUser, base, call, desktop, eventually, newOrganization, newPage, password, phone, pushPosSale, shoot, signIn, withBrowser, linkToken } from "./support.mjs";

const adminOnly = ["Users", "Integrations", "Compliance", "Forecasts", "Receiving", "Transfers"];

/** Signs in through the Api directly; answers the status and body, refusals included. */
async function login(email, secret) {
  const response = await fetch(new URL("/api/v1/auth/login", base), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: secret }),
  });
  return { status: response.status, body: await response.json() };
}

async function findUser(org, email) {
  const users = await call("/api/v1/users?limit=200", org.token);
  return users.items.find((u) => u.email === email);
}

test("a staff user does not see admin screens", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const staffEmail = `barback-${org.suffix}@e2e.example`;
  await withBrowser(async (browser) => {
    const admin = await newPage(browser, desktop);
    await signIn(admin, org.email, undefined, "/users");
    await admin.getByRole("heading", { name: "Users", exact: true }).waitFor();
    await admin.getByRole("button", { name: "Add a user" }).click();
    const form = admin.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Email").fill(staffEmail);
    await form.getByLabel("First name").fill("Sam");
    await form.getByLabel("Last name").fill("Barback");
    await form.getByLabel("Role").selectOption("staff");

    // A weak password: the Api names every rule it breaks, and nobody is added.
    await form.getByLabel("First password").fill("letmein");
    await form.getByRole("button", { name: "Add user" }).click();
    const refusal = form.getByRole("alert");
    await refusal.filter({ hasText: "password is on a list of common passwords." }).waitFor();
    const refusedText = await refusal.innerText();
    for (const rule of ["at least 12 characters", "upper-case letter", "digit", "special character"]) assert.match(refusedText, new RegExp(rule));
    assert.equal(await findUser(org, staffEmail), undefined, "a user was added with a refused password");

    await form.getByLabel("First password").fill(password);
    await form.getByRole("button", { name: "Add user" }).click();
    await admin.getByRole("status").filter({ hasText: "Sam Barback was invited as staff" }).waitFor();
    const added = await findUser(org, staffEmail);
    assert.equal(added?.role, "staff");
    assert.equal(added?.isActive, true);
    const row = admin.locator(`tr[data-email="${staffEmail}"]`);
    assert.equal(await row.locator('[data-label="role"]').innerText(), "staff");
    await shoot(admin, "users");
    await admin.setViewportSize(phone);
    await shoot(admin, "users");

    // The invitee follows the link sent to them (the Api logs it: no SMTP here), keeps the first password and is signed in.
    const staff = await newPage(browser, phone);
    await staff.goto(new URL(`/accept-invitation?token=${encodeURIComponent(await linkToken(staffEmail, "accept-invitation"))}`, base).href);
    await staff.getByRole("button", { name: "Accept and sign in" }).click();
    await staff.getByRole("heading", { name: "Dashboard" }).waitFor();
    await staff.getByRole("button", { name: "Menu" }).click();
    const menu = staff.locator("nav#menu");
    await menu.getByRole("link", { name: "Inventory" }).waitFor();
    const offered = await menu.getByRole("link").allInnerTexts();
    assert.ok(offered.includes("Count"), `the staff menu lacks Count: ${offered}`);
    for (const title of adminOnly) assert.ok(!offered.includes(title), `the staff menu offers ${title}`);

    for (const path of ["/integrations", "/users"]) {
      await staff.goto(new URL(path, base).href);
      await staff.getByRole("heading", { name: "Not for your role" }).waitFor();
    }
    await staff.goto(new URL("/", base).href);
    await staff.getByRole("heading", { name: "Dashboard" }).waitFor();
    assert.equal(await staff.getByRole("heading", { name: "Not for your role" }).count(), 0);
    assert.deepEqual([...admin.refused, ...staff.refused], [], "the security policy refused part of the app");
  });
});

test("a webhook's and a client's secrets are shown once, and the client's secret gets a working token", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  // A public address (the Api refuses private ones outside Development); nothing needs to answer there.
  const url = `https://203.0.113.10/hooks/${org.suffix}`;
  await withBrowser(async (browser) => {
    const admin = await newPage(browser, desktop);
    await signIn(admin, org.email, undefined, "/integrations");
    await admin.getByRole("button", { name: "Add a webhook" }).click();
    const form = admin.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("URL").fill(url);
    await form.getByLabel("A product falls below par").check();
    await form.getByLabel("Description (optional)").fill("Accounting sync");
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await admin.locator('code[data-secret="Signing secret"]').innerText();
    assert.match(secret, /^whsec_/);
    await admin.getByText("you will not see it again").waitFor();

    const hooks = await call("/api/v1/webhooks", org.token);
    assert.equal(hooks.items.length, 1);
    assert.equal(hooks.items[0].url, url);
    assert.deepEqual(hooks.items[0].events, ["sale.created", "alert.lowStock"]);
    assert.equal(hooks.items[0].description, "Accounting sync");
    assert.equal(JSON.stringify(hooks).includes(secret), false, "the list gives the secret away");

    // Leaving the screen and coming back: the webhook is listed, its secret is gone.
    const menu = admin.locator("nav#menu");
    await menu.getByRole("link", { name: "Inventory" }).click();
    await admin.getByRole("heading", { name: "Inventory" }).waitFor();
    await menu.getByRole("link", { name: "Integrations" }).click();
    const listed = admin.getByRole("list", { name: "Webhooks" }).locator(`li[data-id="${hooks.items[0].id}"]`);
    await listed.waitFor();
    assert.equal(await admin.locator("code[data-secret]").count(), 0);
    assert.equal(await admin.getByText(secret).count(), 0);

    // A sale makes an event; its delivery (refused or unreachable) is listed and can be sent again by hand.
    await call("/api/v1/transactions/sales", org.token, {
      method: "POST",
      body: JSON.stringify({ locationId: org.location.id, items: [{ productId: org.gin.id, quantity: 1 }] }),
    });
    await listed.getByRole("button", { name: `Deliveries of ${url}` }).click();
    const tries = admin.getByRole("list", { name: "Deliveries" }).locator("li");
    await eventually(
      async () => {
        await admin.getByRole("button", { name: "Refresh" }).click();
        return (await tries.count()) >= 1;
      },
      { timeout: 60_000, what: "the first delivery of the sale" },
    );
    const before = (await call(`/api/v1/webhooks/${hooks.items[0].id}/deliveries`, org.token)).items;
    assert.ok(before.every((d) => d.event === "sale.created" && !d.manual));
    await tries.first().getByRole("button", { name: "Redeliver" }).click();
    await admin.getByRole("status").filter({ hasText: "Sent again:" }).waitFor({ timeout: 30_000 });
    const after = (await call(`/api/v1/webhooks/${hooks.items[0].id}/deliveries`, org.token)).items;
    assert.equal(after.filter((d) => d.manual).length, 1);
    assert.equal(after.find((d) => d.manual).outboxId, before[0].outboxId);

    // An integration client: only the scopes a system may hold are offered; the secret shown takes a token.
    await admin.getByRole("link", { name: "Integration clients" }).click();
    await admin.getByRole("button", { name: "Create a client" }).click();
    const clientForm = admin.getByRole("form", { name: "Create a client" });
    const offered = await clientForm.locator(".choice-code").allInnerTexts();
    assert.deepEqual(offered, ["inventory:read", "inventory:write", "sales:read", "sales:write", "compliance:read", "analytics:read"]);
    await clientForm.getByLabel("Name").fill("Bookkeeping export");
    await clientForm.getByLabel("Record sales").check();
    await clientForm.getByRole("button", { name: "Create client" }).click();
    const clientSecret = await admin.locator('code[data-secret="Client secret"]').innerText();
    const clientId = await admin.locator("code[data-client-id]").innerText();
    assert.match(clientSecret, /^ipf_cs_/);
    await shoot(admin, "integrations");

    const response = await fetch(new URL("/api/v1/auth/token", base), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    });
    const granted = await response.json();
    assert.equal(response.status, 200, JSON.stringify(granted));
    assert.equal(granted.token_type, "Bearer");
    assert.deepEqual(granted.scope.split(" ").sort(), ["inventory:read", "sales:write"]);
    const stock = await call(`/api/v1/inventory/items?locationId=${org.location.id}`, granted.access_token);
    assert.equal(stock.items.find((i) => i.productId === org.gin.id).quantity, 11);

    const clients = await call("/api/v1/integrations/clients", org.token);
    assert.deepEqual(
      clients.items.map((c) => [c.id, c.name, [...c.scopes].sort()]),
      [[clientId, "Bookkeeping export", ["inventory:read", "sales:write"]]],
    );
    await admin.setViewportSize(phone);
    await shoot(admin, "integrations");
    assert.deepEqual(admin.refused, [], "the security policy refused part of the app");
  });
});

test("deactivating the staff user through the screen makes their sign-in fail with the Api's message", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const staffEmail = await addUser(org, "staff");
  await withBrowser(async (browser) => {
    const admin = await newPage(browser, desktop);
    await signIn(admin, org.email, undefined, "/users");
    const row = admin.locator(`tr[data-email="${staffEmail}"]`);
    await row.getByRole("button", { name: "Change Sam Barback" }).click();
    await admin.getByRole("button", { name: "Deactivate Sam Barback" }).click();
    await admin.getByRole("button", { name: "Yes, deactivate" }).click();
    await admin.getByRole("status").filter({ hasText: "Sam Barback is deactivated" }).waitFor();
    await eventually(async () => (await row.locator('[data-label="access"]').innerText()) === "Inactive", { what: "the row marked inactive" });
    assert.equal((await findUser(org, staffEmail)).isActive, false);

    const refused = await login(staffEmail, password);
    assert.equal(refused.status, 401);
    const staff = await newPage(browser, phone);
    await staff.goto(new URL("/sign-in", base).href);
    await staff.getByLabel("Email").fill(staffEmail);
    await staff.getByLabel("Password").fill(password);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await staff.getByRole("alert").filter({ hasText: refused.body.error.message }).waitFor();
    assert.equal(new URL(staff.url()).pathname, "/sign-in");

    // The admin cannot deactivate themselves: the Api's reason is shown and nothing changes.
    await admin.locator(`tr[data-email="${org.email}"]`).getByRole("button", { name: "Change Dana Owner" }).click();
    await admin.getByRole("button", { name: "Deactivate Dana Owner" }).click();
    await admin.getByRole("button", { name: "Yes, deactivate" }).click();
    await admin.getByRole("alert").filter({ hasText: "You cannot deactivate yourself; another admin can." }).waitFor();
    assert.equal((await findUser(org, org.email)).isActive, true);

    // Reactivated, the staff user signs in again.
    await row.getByRole("button", { name: "Change Sam Barback" }).click();
    await admin.getByRole("button", { name: "Reactivate Sam Barback" }).click();
    await admin.getByRole("button", { name: "Yes, reactivate" }).click();
    await admin.getByRole("status").filter({ hasText: "Sam Barback can sign in again" }).waitFor();
    assert.equal((await login(staffEmail, password)).status, 200);
  });
});

test("a manager reads the users without write controls and changes their own password", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const managerEmail = await addUser(org, "manager");
  const newPassword = "Back-Bar-Restock-77?";
  await withBrowser(async (browser) => {
    const manager = await newPage(browser, phone);
    await signIn(manager, managerEmail, password, "/users");
    await manager.locator(`tr[data-email="${org.email}"]`).waitFor();
    assert.equal(await manager.getByRole("table", { name: "Users" }).locator("tbody tr").count(), 2);
    assert.equal(await manager.getByRole("button", { name: "Add a user" }).count(), 0);
    assert.equal(await manager.getByRole("table", { name: "Users" }).getByRole("button").count(), 0, "a manager is offered changes to users");

    const form = manager.getByRole("form", { name: "Change my password" });
    await form.getByLabel("Current password").fill("Not-My-Password-1!");
    await form.getByLabel("New password", { exact: true }).fill(newPassword);
    await form.getByLabel("New password again").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByRole("alert").filter({ hasText: "currentPassword is not your current password." }).waitFor();
    assert.equal((await login(managerEmail, password)).status, 200, "a refused change changed the password");

    await form.getByLabel("Current password").fill(password);
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    assert.equal((await login(managerEmail, password)).status, 401);
    assert.equal((await login(managerEmail, newPassword)).status, 200);
    assert.deepEqual(manager.refused, [], "the security policy refused part of the app");
  });
});

test("a POS connected on the screen pushes an unknown sku, the line is mapped on the screen and sold, and a revoked key is refused", { timeout: 180_000 }, async () => {
  const org = await newOrganization();
  const vodkaStock = async () => (await call(`/api/v1/inventory/items?locationId=${org.location.id}`, org.token)).items.find((i) => i.productId === org.vodka.id).quantity;
  await withBrowser(async (browser) => {
    const admin = await newPage(browser, phone);
    await signIn(admin, org.email, undefined, "/integrations");
    await admin.getByRole("link", { name: "POS integrations" }).click();
    await admin.getByRole("button", { name: "Connect a POS" }).click();
    const form = admin.getByRole("form", { name: "Connect a POS" });
    await form.getByLabel("Name").fill("Square, main bar");
    await form.getByRole("button", { name: "Connect" }).click();
    const apiKey = await admin.locator('code[data-secret="API key"]').innerText();
    const secret = await admin.locator('code[data-secret="Signing secret"]').innerText();
    assert.match(apiKey, /^ipf_pos_/);
    assert.match(secret, /^whsec_/);
    await admin.getByRole("button", { name: "I have stored them" }).click();
    assert.equal(await admin.locator("code[data-secret]").count(), 0);
    // The list shows the POS just connected, with its key's prefix and the control to cut it off.
    const listed = admin.getByRole("list", { name: "POS integrations" }).getByRole("listitem").filter({ hasText: "Square, main bar" });
    await listed.getByRole("button", { name: "Revoke Square, main bar" }).waitFor();
    assert.ok((await listed.innerText()).includes(`Key ${apiKey.slice(0, 14)}…`), await listed.innerText());

    const sku = `MYSTERY-${org.suffix}`;
    const pushed = await pushPosSale(apiKey, secret, {
      transactionId: `sq-${org.suffix}`,
      locationId: org.location.id,
      timestamp: new Date().toISOString(),
      items: [{ sku, quantity: 2, price: 9.5 }],
    });
    assert.equal(pushed.status, 201, JSON.stringify(pushed.body));
    assert.equal(pushed.body.data.linesUnmapped, 1);
    assert.equal(await vodkaStock(), 9);

    await admin.getByRole("link", { name: "Unmapped POS items" }).click();
    await admin.getByRole("button", { name: `Map SKU ${sku}` }).click();
    await admin.getByLabel("Find the product").fill("tito");
    await admin.getByLabel("Tito's Handmade Vodka").check();
    await admin.getByRole("button", { name: "Record as 2 × Tito's Handmade Vodka" }).click();
    await admin.getByRole("status").filter({ hasText: `SKU ${sku} is now Tito's Handmade Vodka` }).waitFor();
    await admin.getByRole("status").filter({ hasText: "Every POS line matched a product" }).waitFor();
    assert.equal(await vodkaStock(), 7);
    const lines = await call("/api/v1/integrations/unmapped?includeMapped=true", org.token);
    assert.deepEqual(lines.items.map((l) => [l.sku, l.status, l.productId]), [[sku, "mapped", org.vodka.id]]);

    await admin.getByRole("link", { name: "POS integrations" }).click();
    await admin.getByRole("button", { name: "Revoke Square, main bar" }).click();
    await admin.getByRole("button", { name: "Yes, revoke" }).click();
    await admin.getByText("its key no longer works").waitFor();
    const refused = await pushPosSale(apiKey, secret, { transactionId: `sq2-${org.suffix}`, locationId: org.location.id, items: [{ sku: org.vodka.sku, quantity: 1 }] });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, "INVALID_API_KEY");
    assert.equal(await vodkaStock(), 7);
    assert.deepEqual(admin.refused, [], "the security policy refused part of the app");
  });
});
