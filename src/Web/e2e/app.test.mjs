// The app as a whole: the size of what a first visit downloads, and the installable app that opens without a network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { base, call, eventually, newOrganization, newPage, phone, signIn, withBrowser } from "./support.mjs";

const webRoot = process.env.IPF_E2E_WEB_ROOT ?? "../../build/web";
const results = process.env.IPF_E2E_SHOTS ?? "../../build/test-results/web";
const budgetBytes = 300 * 1024;

/** The chunk and every chunk it imports statically (dynamic imports load later, on their own screen). */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(webRoot, "assets", file), "utf8");
  for (const match of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) staticClosure(match[1], seen);
  return seen;
}

test("the JavaScript of the first screen stays under 300 KB gzip", () => {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)?.[1];
  assert.ok(entry, "index.html names no entry script");
  // The first screen: sign-in (in the entry) and the dashboard that follows it.
  const dashboard = readdirSync(join(webRoot, "assets")).find((name) => /^Dashboard-.*\.js$/.test(name));
  assert.ok(dashboard, "no Dashboard chunk in the build");
  const files = [...new Set([...staticClosure(entry), ...staticClosure(dashboard)])];
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(webRoot, "assets", file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "budget.json"), JSON.stringify({ budgetBytes, gzip, files: sizes }, null, 2));
  assert.ok(gzip < budgetBytes, `first screen is ${gzip} bytes gzip: ${JSON.stringify(sizes)}`);
  // Not an empty measure: React alone is tens of kilobytes.
  assert.ok(gzip > 40 * 1024, `only ${gzip} bytes counted; the chunk walk missed files`);
});

test("the app is installable and reopens without a network", { timeout: 120_000 }, async () => {
  const org = await newOrganization();
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    await page.goto(new URL("/sign-in", base).href);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await fetch(new URL(manifestHref, base))).json();
    assert.equal(manifest.display, "standalone");
    assert.equal(manifest.start_url, "/");
    assert.ok(manifest.icons.some((icon) => icon.sizes === "512x512" && icon.type === "image/png"));
    const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    writeFileSync(join(results, "first-paint.json"), JSON.stringify({ page: "/sign-in", firstContentfulPaintMs: paint }));

    await signIn(page, org.email, undefined, "/count");
    await page.locator("main.content h1", { hasText: "Count" }).waitFor();
    await eventually(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { what: "an active service worker" });
    // The worker controls pages loaded after it took over; reload once online so this page's files pass through it.
    await page.reload();
    await page.locator("main.content h1", { hasText: "Count" }).waitFor();
    await eventually(() => page.evaluate(() => !!navigator.serviceWorker.controller), { what: "the page under the worker" });

    await page.context().setOffline(true);
    await page.reload();
    await page.locator("main.content h1", { hasText: "Count" }).waitFor({ timeout: 15_000 });
    assert.equal(await page.getByRole("status", { name: "Connection" }).innerText(), "Offline");
    await page.context().setOffline(false);

    // Back online, the Api answers as before: nothing of it was served from the cache.
    const items = await call(`/api/v1/inventory/items?locationId=${org.location.id}`, org.token);
    assert.equal(items.pagination.total, 2);
  });
});

// A mid-range phone on a slow connection, as Lighthouse's mobile profile has it: CPU 4x slower, 1.6 Mbps down,
// 750 kbps up, 150 ms round trip. The figures are recorded for docs/PERFORMANCE.md, not asserted: this machine is shared.
const midRangePhone = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuSlowdown: 4 };

test("on a slow phone the sign-in screen paints before the app's script, which arrives compressed", { timeout: 120_000 }, async () => {
  await withBrowser(async (browser) => {
    const page = await newPage(browser, phone);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...midRangePhone });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: midRangePhone.cpuSlowdown });
    const scripts = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push({ url: response.url(), encoding: response.headers()["content-encoding"] ?? null });
    });

    const html = await (await page.goto(new URL("/sign-in", base).href)).text();
    await page.getByRole("button", { name: "Sign in" }).waitFor({ timeout: 60_000 });
    const timing = await page.evaluate(() => {
      const entry = document.querySelector('script[type="module"]')?.getAttribute("src");
      const script = performance.getEntriesByType("resource").find((r) => entry && r.name.endsWith(entry));
      return {
        firstContentfulPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        entryScriptLoadedMs: script?.responseEnd ?? null,
        entryScriptTransferBytes: script?.transferSize ?? null,
        entryScriptBytes: script?.decodedBodySize ?? null,
      };
    });
    writeFileSync(join(results, "first-paint-phone.json"), JSON.stringify({ page: "/sign-in", profile: midRangePhone, ...timing, scripts }, null, 2));

    // What makes the paint early, checked as facts: the page carries a screen before any script runs, and the
    // scripts come compressed (brotli or gzip, whichever this browser offers over plain http).
    assert.match(html, /<div id="root"><main class="card narrow"[^>]*><h1>Inventory Pro Flow<\/h1>/);
    assert.ok(scripts.length > 0, "no script was loaded");
    assert.deepEqual(scripts.filter((s) => !["br", "gzip"].includes(s.encoding)), [], "a script came uncompressed");
    assert.ok(timing.entryScriptBytes > 2 * timing.entryScriptTransferBytes, JSON.stringify(timing));
  });
});
