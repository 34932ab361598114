// Redocly CLI's lint of the OpenAPI document the running Api serves (issue 20, point 14), with the repository's
// redocly.yaml: Redocly's recommended rules with every warning an error. The document is written where
// .redocly.lint-ignore.yaml expects it, and nothing is sent to Redocly (telemetry off).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import test from "node:test";
import { base } from "./support.mjs";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const document = `${root}build/openapi/v1.json`;
const redocly = fileURLToPath(new URL("../node_modules/@redocly/cli/bin/cli.js", import.meta.url));

test("the served OpenAPI document passes Redocly's recommended rules, warnings included", async () => {
  assert.ok(base, "IPF_E2E_URL must be set (run scripts/e2e.sh)");
  const response = await fetch(new URL("/openapi/v1.json", base));
  assert.equal(response.status, 200);
  mkdirSync(dirname(document), { recursive: true });
  writeFileSync(document, await response.text());

  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" };
  // Problems make the CLI exit 1; its JSON report is on standard output either way.
  const { stdout, stderr } = await run(process.execPath, [redocly, "lint", document, "--config", `${root}redocly.yaml`, "--format=json"], { env, cwd: root })
    .catch((failure) => failure);
  assert.match(stdout ?? "", /^\s*\{/, `Redocly wrote no report:\n${stderr}`);
  const report = JSON.parse(stdout);
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location?.[0]?.pointer}: ${p.message}`);
  assert.deepEqual(problems, []);
  assert.deepEqual({ errors: report.totals.errors, warnings: report.totals.warnings }, { errors: 0, warnings: 0 });
});
