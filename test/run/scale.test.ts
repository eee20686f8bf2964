import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../scripts/commands/report";
import { runCommand } from "../../scripts/commands/run";
import type { CollectionReport } from "../../scripts/run/report";
import { ELCIES, generateElcies, REPO_ROOT } from "./helpers/elcies";
import { captureIo } from "./helpers/io";

let generated: Awaited<ReturnType<typeof generateElcies>>;
let out: string;
beforeAll(async () => {
  generated = await generateElcies();
  out = mkdtempSync(path.join(tmpdir(), "specpost-scale-"));
});
afterAll(() => {
  generated?.remove();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Runs ELCIES against the mock with `args`, its JSON report in out/<dir>. */
async function run(dir: string, args: string[] = []): Promise<CollectionReport> {
  const io = captureIo(REPO_ROOT);
  const code = await runCommand(
    [generated.collectionFile, "--reporters", "json", "--report-dir", path.join(out, dir), ...args],
    io,
  );
  expect(io.err.join("")).toBe("");
  expect(code).toBe(0);
  return readReport(dir);
}

function readReport(dir: string): CollectionReport {
  return JSON.parse(readFileSync(path.join(out, dir, `${ELCIES}.report.json`), "utf8"));
}

const requests = (report: CollectionReport) =>
  report.executions.map((e) => [...e.folders, e.name].join(" / "));
const seen = (report: CollectionReport) => report.coverage.map((op) => [op.key, op.statuses]);

describe("shards, merge and parallel workers (ELCIES, real Newman, the mock)", () => {
  let serial: CollectionReport;
  beforeAll(async () => {
    serial = await run("serial");
  });

  it("two shards cover every request exactly once and merge into the unsharded totals", async () => {
    const one = await run("shards/1", ["--shard", "1/2"]);
    const two = await run("shards/2", ["--shard", "2/2"]);
    expect(one.totals.requests).toBeGreaterThan(0);
    expect(two.totals.requests).toBeGreaterThan(0);
    expect([...requests(one), ...requests(two)].sort()).toEqual([...requests(serial)].sort());

    const io = captureIo(REPO_ROOT);
    const code = await reportCommand(
      ["merge", path.join(out, "shards"), "--report-dir", path.join(out, "merged")],
      io,
    );
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const merged = readReport("merged");
    expect(merged.totals).toEqual(serial.totals);
    expect(requests(merged)).toEqual(requests(serial));
    expect(seen(merged)).toEqual(seen(serial));
    expect(io.out.join("")).toContain(`${serial.totals.passed} passed, 0 failed`);
    const junit = readFileSync(path.join(out, "merged", `${ELCIES}.junit.xml`), "utf8");
    expect(junit).toContain(`property name="coverage GET /userlist"`);
  });

  it("--parallel 2 gives the same totals, requests and coverage as a serial run", async () => {
    const parallel = await run("parallel", ["--parallel", "2"]);
    expect(parallel.totals).toEqual(serial.totals);
    expect(requests(parallel)).toEqual(requests(serial));
    expect(seen(parallel)).toEqual(seen(serial));
  });

  it("lists the documented statuses the run never exercised", () => {
    const userlist = serial.coverage.find((op) => op.key === "GET /userlist");
    expect(userlist?.documented).toEqual(expect.arrayContaining(["200", "401"]));
    expect(userlist?.untested).not.toContain("200");
    expect(userlist?.untested).not.toContain("401");
    expect(userlist?.untested.length).toBeGreaterThan(0);
    expect(userlist?.p95Ms).toBeGreaterThanOrEqual(userlist?.p50Ms ?? 0);
  });

  it("without a TTY prints a progress line at most every --progress-every seconds", async () => {
    let clock = 0;
    // Each reading of the clock moves it 3 s: a line is due every fourth update or so.
    const io = { ...captureIo(REPO_ROOT), now: () => (clock += 3000) };
    const code = await runCommand([generated.collectionFile, "--progress-every", "10"], io);
    expect(code).toBe(0);
    const lines = io.out
      .join("")
      .split("\n")
      .filter((line) => / requests, \d+ failed/.test(line));
    const elapsed = clock / 1000;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(Math.floor(elapsed / 10));
    expect(lines[0]).toMatch(
      new RegExp(
        `^${ELCIES}: \\d+/${serial.totals.requests} requests, 0 failed, \\d+s elapsed, ETA `,
      ),
    );
  });
});
