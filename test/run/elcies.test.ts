import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/commands/run";
import { resolveRunContext } from "../../scripts/run/args";
import type { RunContext } from "../../scripts/run/context";
import { runCollections } from "../../scripts/run/runner";
import { ELCIES, generateElcies, REPO_ROOT } from "./helpers/elcies";
import { captureIo } from "./helpers/io";

/**
 * The ELCIES collection, as the generator makes it, run by the library entry point against
 * the mock the runner starts itself. The figures are the suite's shape: when the generator
 * adds or drops an assertion, this test says so and the number is updated on purpose.
 */
const ASSERTIONS = 34;
const REQUESTS = 10;

let generated: Awaited<ReturnType<typeof generateElcies>>;
beforeAll(async () => {
  generated = await generateElcies();
});
afterAll(() => generated?.remove());

function context(args: string[] = []): RunContext {
  const resolved = resolveRunContext([generated.collectionFile, ...args], {}, REPO_ROOT);
  if (!("context" in resolved)) throw new Error(`bad arguments: ${JSON.stringify(resolved)}`);
  return resolved.context;
}

describe("ELCIES against the mock", () => {
  it("passes every assertion with a single token for the whole run", async () => {
    const outcome = await runCollections(context());
    expect(outcome.errors).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    const [result] = outcome.results;
    const report = result?.report;
    expect(report?.name).toBe(ELCIES);
    expect(report?.totals).toEqual({
      requests: REQUESTS,
      skippedRequests: 0,
      requestErrors: 0,
      assertions: ASSERTIONS,
      passed: ASSERTIONS,
      failed: 0,
      skipped: 0,
      scriptErrors: 0,
    });
    // One token, fetched once; the second call to the token endpoint is the Auth check
    // that sends wrong credentials on purpose (and gets no token).
    expect(report?.tokenRequests).toEqual({ count: 2, issued: 1, source: "mock" });
    expect(report?.coverage.every((op) => op.statuses.length > 0)).toBe(true);
    expect(report?.coverage.find((op) => op.key === "GET /userlist")?.statuses).toEqual([200, 401]);
  });

  it("renews an expiring token and stays green (2-second tokens, 400 ms between requests)", async () => {
    const ctx = { ...context(["--delay-request", "400"]), mock: { tokenTtlSeconds: 2 } };
    const outcome = await runCollections(ctx);
    const report = outcome.results[0]?.report;
    expect(report?.totals.failed).toBe(0);
    expect(report?.totals.assertions).toBe(ASSERTIONS);
    expect(outcome.exitCode).toBe(0);
    expect(report?.tokenRequests?.issued).toBeGreaterThan(1);
  });
});

describe("ELCIES through the command, as `npm run newman` runs it", () => {
  it("exits 0, prints the summary and writes clean JUnit and HTML reports", async () => {
    const reportDir = mkdtempSync(path.join(tmpdir(), "specpost-reports-"));
    try {
      const io = captureIo(REPO_ROOT);
      const code = await runCommand([generated.collectionFile, "--report-dir", reportDir], io);
      expect(io.err.join("")).toBe("");
      expect(code).toBe(0);
      const out = io.out.join("");
      expect(out).toContain(`assertions  ${ASSERTIONS} passed, 0 failed (${ASSERTIONS} total)`);
      expect(out).toContain("tokens      1 issued (2 token requests in all, counted by the mock)");
      expect(out).toContain("result      PASS");
      const junit = readFileSync(path.join(reportDir, `${ELCIES}.junit.xml`), "utf8");
      expect(junit).toContain(`tests="${ASSERTIONS}" failures="0" errors="0"`);
      // One suite per request, plus the coverage suite (properties only, no test cases).
      expect(junit).toContain('id="coverage" tests="0"');
      expect((junit.match(/<testsuite /g) ?? []).length - 1).toBe(REQUESTS);
      const html = readFileSync(path.join(reportDir, `${ELCIES}.html`), "utf8");
      expect(html).toContain('<span class="badge pass">PASS</span>');
      // The mock's tokens are throw-away, but a report that prints them would print real ones.
      for (const text of [out, junit, html]) {
        expect(text).not.toMatch(/Bearer (?!\[REDACTED\])[A-Za-z0-9]/);
        expect(text).not.toMatch(/access_token"?\s*[:=]\s*"?(?!\[REDACTED\])[A-Za-z0-9]/);
      }
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  });
});
