/**
 * Peak memory of a long `specpost run`: a synthetic collection of N requests (100 per
 * folder, each with a status and a body check) against a loopback server answering ~2 KB
 * of JSON, recorded by the runner's Newman recorder and summarised as the reporters see it.
 *
 *   npx tsx scripts/bench/run-memory.ts [REQUESTS] [ROOT]
 *
 * ROOT (default: this checkout) picks whose scripts/run to measure, so a branch can be
 * compared with main. Prints one line: requests, seconds, peak RSS in MB.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const requests = Number(process.argv[2] ?? 10_000);
const root = path.resolve(process.argv[3] ?? ".");
const PER_FOLDER = 100;

const body = JSON.stringify({
  items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item-${i}`, note: "x".repeat(60) })),
});
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(req.url?.startsWith("/token") ? '{"access_token":"bench-token-0123456789"}' : body);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const tests = [
  "pm.test('status is 200', () => pm.response.to.have.status(200));",
  "pm.test('body has items', () => pm.expect(pm.response.json().items).to.be.an('array'));",
];
const folders = Array.from({ length: Math.ceil(requests / PER_FOLDER) }, (_, f) => ({
  name: `Folder ${f}`,
  item: Array.from({ length: Math.min(PER_FOLDER, requests - f * PER_FOLDER) }, (_, i) => ({
    id: `r-${f}-${i}`,
    name: `Request ${f}.${i}`,
    request: { method: "GET", url: `{{baseUrl}}/things/${f}/${i}` },
    event: [{ listen: "test", script: { type: "text/javascript", exec: tests } }],
  })),
}));
const collection = {
  info: {
    name: "memory",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: folders,
};

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 250);
const started = Date.now();
const runDir = pathToFileURL(path.join(root, "scripts/run/")).href;
const { runNewman } = await import(`${runDir}newman-run.ts`);
const { summarizeRun } = await import(`${runDir}summarize.ts`);
const { renderJunit } = await import(`${runDir}reporters/junit.ts`);
const recorded = await runNewman({
  collection,
  environment: { values: [{ key: "baseUrl", value: origin }] },
  delayRequestMs: 0,
  timeoutRequestMs: 30_000,
  workingDir: root,
});
const { report } = summarizeRun(recorded, {
  name: "memory",
  title: "memory",
  target: "mock",
  baseUrl: origin,
  operations: [],
  knownSecrets: [],
});
const junitBytes = renderJunit(report).length;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
server.close();
process.stdout.write(
  `${report.totals.requests} requests, ${report.totals.failed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s, peak RSS ${(peak / 1e6).toFixed(0)} MB, JUnit ${(junitBytes / 1e6).toFixed(1)} MB\n`,
);
