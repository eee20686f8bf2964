import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportCommand } from "../../scripts/commands/report";
import { runCommand } from "../../scripts/commands/run";
import { runCli } from "../golden/run-cli";
import { captureIo } from "../run/helpers/io";
import { type Rules, SERVER_CREDENTIALS, type SecurityServer, startSecurityServer } from "./server";

/**
 * `specpost run` says which security schemes the run's requests carried, counted per
 * scheme, with the user-token ones as skipped; the same figures in the JSON, HTML and JUnit
 * reports, and added up by `report merge` over shards.
 */
const FIXTURES = "test/fixtures/specs/security";
const TOKEN = { bearer: true } as const;
const AND_RULES: Rules = {
  "/invoices": [[{ header: "Client_Id" }, { bearer: true, scope: "invoices.read" }]],
  "/invoices/inv-1": [[{ header: "Client_Id" }, TOKEN]],
  "/payments": [[{ header: "Client_Id" }, { bearer: true, scope: "payments.read" }]],
};
const KEY = { header: "Client-Id" };
const MIXED_RULES: Rules = {
  "/products": [[{ bearer: true, scope: "products" }, KEY]],
  "/branches": [[TOKEN, KEY]],
  "/accounts": [[TOKEN, KEY]],
};
const API_KEY_VALUE = "client-key-8d1f";

let dir: string;
let server: SecurityServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "specpost-schemes-"));
  mkdirSync(path.join(dir, "specs"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function generated(spec: string, prefix: string, rules: Rules): Promise<string[]> {
  copyFileSync(path.join(FIXTURES, spec), path.join(dir, "specs", spec));
  expect((await runCli(["generate"], dir)).code).toBe(0);
  server = await startSecurityServer(prefix, rules, {
    "/invoices/inv-1": { id: "inv-1", amount: 10 },
  });
  return [
    "--target",
    "production",
    "--env-var",
    `baseUrl=${server.origin}${prefix}`,
    "--env-var",
    `tokenUrl=${server.origin}/oauth/token`,
  ];
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const io = captureIo(dir, {
    SPECPOST_CLIENT_ID: SERVER_CREDENTIALS.client_id,
    SPECPOST_CLIENT_SECRET: SERVER_CREDENTIALS.client_secret,
  });
  const code = await runCommand(args, io);
  return { code, out: io.text() };
}

const schemesLine = (out: string) => /^ {2}schemes {5}(.*)$/m.exec(out)?.[1];
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

describe("the run summary names the security schemes the run exercised", () => {
  it("API key AND token: both schemes counted over every request that carried them", async () => {
    const base = await generated("and-key-token.yaml", "/accounting", AND_RULES);
    const { code, out } = await run([
      ...base,
      "--env-var",
      `apikey_ClientIdAuth=${API_KEY_VALUE}`,
      "--reporters",
      "cli,json,junit,html",
      "--report-dir",
      "reports",
    ]);
    expect(out).toContain("result      PASS");
    expect(code).toBe(0);
    // 3 operations with both; the Auth checks: no token (key), invalid token (key), narrow
    // token (both), no key (token).
    const line =
      "OAuth2 (client credentials token) 5 requests · ClientIdAuth (API key, header Client_Id) 6";
    expect(schemesLine(out)).toBe(line);

    const json = read("reports/and-key-token.report.json");
    const report = JSON.parse(json) as { schemes: unknown };
    expect(report.schemes).toEqual([
      { name: "OAuth2", what: "client credentials token", sent: 5, skipped: 0 },
      { name: "ClientIdAuth", what: "API key, header Client_Id", sent: 6, skipped: 0 },
    ]);
    expect(read("reports/and-key-token.html")).toContain(
      "<tr><th>Security schemes</th><td>OAuth2 (client credentials token) 5 requests",
    );
    expect(read("reports/and-key-token.junit.xml")).toContain(
      '<property name="scheme ClientIdAuth" value="API key, header Client_Id; sent 6; skipped 0"/>',
    );
    for (const text of [out, json, read("reports/and-key-token.html")]) {
      expect(text).not.toContain(API_KEY_VALUE);
      expect(text).not.toContain(SERVER_CREDENTIALS.client_secret);
    }
  }, 60_000);

  it("mixed client-credentials and user-token operations: the user scheme is counted as skipped", async () => {
    const base = await generated("mixed-user.yaml", "/open-banking", MIXED_RULES);
    const { code, out } = await run([...base, "--env-var", "apikey_ClientId=bank-client"]);
    expect(out).toContain("result      PASS");
    expect(code).toBe(0);
    expect(schemesLine(out)).toBe(
      "ClientCredentials (client credentials token) 4 requests · ClientId (API key, header Client-Id) 5 sent, 3 skipped · UserAuth (user token) 0 sent, 3 skipped: set user_access_token",
    );
  }, 60_000);

  it("shards and --parallel: the counts add up to the whole run's", async () => {
    const base = await generated("mixed-user.yaml", "/open-banking", MIXED_RULES);
    const key = ["--env-var", "apikey_ClientId=bank-client", "--reporters", "cli,json"];
    const whole = schemesLine((await run([...base, ...key, "--parallel", "2"])).out);
    expect(whole).toContain("UserAuth (user token) 0 sent, 3 skipped");
    for (const shard of ["1/2", "2/2"]) {
      const { out } = await run([
        ...base,
        ...key,
        "--shard",
        shard,
        "--report-dir",
        `r${shard[0]}`,
      ]);
      expect(schemesLine(out)).not.toBe(whole);
    }
    const io = captureIo(dir);
    expect(await reportCommand(["merge", "r1", "r2", "--report-dir", "merged"], io)).toBe(0);
    expect(schemesLine(io.text())).toBe(whole);
  }, 90_000);
});
