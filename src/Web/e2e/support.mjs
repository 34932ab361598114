// What every end-to-end test shares: the system Chromium with the house flags, calls to the Api,
// a fresh organisation per test (so tests can run side by side and in any order), and screenshots.
// scripts/e2e.sh starts the Api and sets IPF_E2E_*.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHmac, randomUUID } from "node:crypto";
import { chromium } from "playwright-core";

export const base = process.env.IPF_E2E_URL;
const shots = process.env.IPF_E2E_SHOTS ?? "../../build/test-results/web";
const executablePath = process.env.IPF_CHROMIUM ?? "/usr/bin/chromium";
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 800 };

/**
 * Runs body with a browser, closing it however the test ends. When the test fails, each open page leaves a
 * screenshot (failed-<time>-<n>.png) and its address and headings in the error, so a failure seen once in CI
 * can be read afterwards instead of guessed at.
 */
export async function withBrowser(body) {
  assert.ok(base, "IPF_E2E_URL must be set (run scripts/e2e.sh)");
  const browser = await chromium.launch({ executablePath, args: flags, headless: true });
  try {
    return await body(browser);
  } catch (error) {
    const seen = await describePages(browser).catch((failure) => [`(no screenshot: ${failure.message})`]);
    if (error instanceof Error && seen.length > 0) error.message += `\n${seen.join("\n")}`;
    throw error;
  } finally {
    await browser.close();
  }
}

async function describePages(browser) {
  mkdirSync(shots, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const pages = browser.contexts().flatMap((context) => context.pages());
  const seen = [];
  for (const [n, page] of pages.entries()) {
    const file = join(shots, `failed-${stamp}-${n}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    const headings = await page.locator("h1, h2, [role=status], [role=alert]").allInnerTexts();
    seen.push(`page ${n}: ${page.url()} (${file}) shows: ${headings.map((h) => h.trim()).filter(Boolean).join(" | ")}`);
  }
  return seen;
}

/** A page that records what the security policy refused, so a test can assert there was nothing. */
export async function newPage(browser, viewport = phone) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.refused = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) page.refused.push(message.text());
  });
  return page;
}

/** Calls the Api and returns the envelope's data, failing the test on an error envelope. */
export async function call(path, token, init = {}) {
  const response = await fetch(new URL(path, base), {
    ...init,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });
  if (response.status === 204) return null;
  const body = await response.json();
  assert.ok(body.success, `${init.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.data;
}

export const password = "Night-Shift-Count-42!";

const apiLog = process.env.IPF_E2E_API_LOG;

/**
 * The token of the newest link of a kind ("verify-email" or "accept-invitation") the Api sent to an address. The
 * Api runs with no SMTP server, so it writes each link into its log (JSON lines, metadata.Recipient and .Link),
 * which scripts/e2e.sh keeps in IPF_E2E_API_LOG: the test reads it as an operator would, then follows it.
 */
export async function linkToken(email, page, seen = 0) {
  assert.ok(apiLog, "IPF_E2E_API_LOG must be set (run scripts/e2e.sh)");
  const deadline = Date.now() + 30_000;
  for (;;) {
    const tokens = readFileSync(apiLog, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{") && line.includes(email))
      .map((line) => {
        try {
          return JSON.parse(line).metadata ?? {};
        } catch {
          return {};
        }
      })
      .filter((m) => m.Recipient?.toLowerCase() === email.toLowerCase() && typeof m.Link === "string" && m.Link.includes(`/${page}?token=`))
      .map((m) => decodeURIComponent(new URL(m.Link).searchParams.get("token")));
    if (tokens.length > seen) return tokens[tokens.length - 1];
    assert.ok(Date.now() < deadline, `no ${page} link for ${email} in ${apiLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A new organisation signed up through the Api, with one bar, a supplier and two products stocked
 * there. Returns the admin's email and token and the ids.
 */
export async function newOrganization(name = "E2E Bar") {
  const suffix = randomUUID().slice(0, 8);
  const email = `owner-${suffix}@e2e.example`;
  await call("/api/v1/auth/register", null, {
    method: "POST",
    body: JSON.stringify({ organizationName: `${name} ${suffix}`, businessType: "bar", email, password, firstName: "Dana", lastName: "Owner" }),
  });
  // Following the verification link creates the organisation and signs its admin in.
  const owner = await call("/api/v1/auth/verify-email", null, { method: "POST", body: JSON.stringify({ token: await linkToken(email, "verify-email") }) });
  const token = owner.accessToken;
  const location = await call("/api/v1/locations", token, { method: "POST", body: JSON.stringify({ name: "Main Bar" }) });
  const supplier = await call("/api/v1/suppliers", token, { method: "POST", body: JSON.stringify({ name: "Southern Glazer's", leadTimeDays: 3 }) });
  const product = (sku, name, barcode) =>
    call("/api/v1/products", token, {
      method: "POST",
      body: JSON.stringify({ sku, name, barcode, category: "spirits", sizeMl: 750, abv: 40, cost: 12.5, price: 28, supplierId: supplier.id }),
    });
  const gin = await product(`GIN-${suffix}`, "Hendrick's Gin", "083664868780");
  const vodka = await product(`VOD-${suffix}`, "Tito's Handmade Vodka", "619947000013");
  const stock = (productId, quantity) =>
    call("/api/v1/inventory/items", token, { method: "POST", body: JSON.stringify({ locationId: location.id, productId, quantity, parLevel: 6, reorderPoint: 3 }) });
  const ginItem = await stock(gin.id, 12);
  const vodkaItem = await stock(vodka.id, 9);
  return { email, token, location, supplier, gin, vodka, ginItem, vodkaItem, suffix };
}

/** Adds a user of the given role to the organisation; returns their email. */
export async function addUser(organization, role) {
  const email = `${role}-${organization.suffix}@e2e.example`;
  await call("/api/v1/users", organization.token, {
    method: "POST",
    body: JSON.stringify({ email, password, firstName: "Sam", lastName: role === "staff" ? "Barback" : "Manager", role }),
  });
  // An added user signs in once they have accepted the invitation mailed (here: logged) to them.
  await call("/api/v1/auth/accept-invitation", null, { method: "POST", body: JSON.stringify({ token: await linkToken(email, "accept-invitation") }) });
  return email;
}

/** Signs in through the sign-in screen and waits for the first screen after it. */
export async function signIn(page, email, secret = password, path = "/") {
  await page.goto(new URL(path, base).href);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator("main.content h1").waitFor({ timeout: 30_000 });
}

/** Saves a screenshot under the test output folder. */
export async function shoot(page, name) {
  mkdirSync(shots, { recursive: true });
  const { width, height } = page.viewportSize();
  await page.screenshot({ path: join(shots, `${name}-${width}x${height}.png`), fullPage: false });
}

/** Polls until check() returns a truthy value or the deadline passes (no sleeps as synchronisation). */
export async function eventually(check, { timeout = 20_000, interval = 200, what = "the condition" } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  assert.fail(`${what} did not hold within ${timeout} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/** Pushes one POS sale signed as docs/API.md describes, with the key and secret the screen showed. */
export async function pushPosSale(apiKey, secret, sale) {
  const body = JSON.stringify({ type: "sale.created", data: sale });
  const t = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  const response = await fetch(new URL("/api/v1/integrations/pos/sales", base), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Api-Key": apiKey, "Ipf-Signature": `t=${t},v1=${signature}` },
    body,
  });
  return { status: response.status, body: await response.json() };
}

/** Connects a POS to the organisation through the Api: its key and signing secret. */
export async function connectPos(organization) {
  const created = await call("/api/v1/integrations", organization.token, { method: "POST", body: JSON.stringify({ name: "Test POS", kind: "pos" }) });
  return { apiKey: created.apiKey, secret: created.webhookSecret };
}

/** Calls the Api and answers the status and envelope whatever they are: for the refusals a test expects. */
export async function attempt(path, token, init = {}) {
  const response = await fetch(new URL(path, base), {
    ...init,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}
