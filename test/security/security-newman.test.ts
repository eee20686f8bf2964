import { afterEach, describe, expect, it } from "vitest";
import { build, run } from "./run";
import { type Rules, SERVER_CREDENTIALS, type SecurityServer, startSecurityServer } from "./server";

const DIR = "test/fixtures/specs/security";
const TOKEN = { bearer: true } as const;

let server: SecurityServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BODIES = { "/invoices/inv-1": { id: "inv-1", amount: 10 } };

async function against(
  spec: string,
  prefix: string,
  rules: Rules,
  extra: Record<string, string> = {},
) {
  const built = await build(`${DIR}/${spec}`);
  server = await startSecurityServer(prefix, rules, BODIES);
  const outcome = await run(built.collection, built.environment("production"), {
    baseUrl: `${server.origin}${prefix}`,
    tokenUrl: `${server.origin}/oauth/token`,
    ...SERVER_CREDENTIALS,
    ...extra,
  });
  return { built, outcome, server };
}

describe("security requirements as the spec writes them, under Newman against a server of our own", () => {
  it("API key AND token: every request sends both, the run is green, the Auth checks cover each scheme", async () => {
    const rules: Rules = {
      "/invoices": [[{ header: "Client_Id" }, { bearer: true, scope: "invoices.read" }]],
      "/invoices/inv-1": [[{ header: "Client_Id" }, TOKEN]],
      "/payments": [[{ header: "Client_Id" }, { bearer: true, scope: "payments.read" }]],
    };
    const { outcome, server } = await against("and-key-token.yaml", "/accounting", rules, {
      apikey_ClientIdAuth: "client-123",
    });
    expect(outcome.scriptErrors).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.failures).toBe(0);
    const api = server.seen.filter((s) => s.status === 200);
    expect(api.map((s) => s.path)).toEqual(["/invoices", "/invoices/inv-1", "/payments"]);
    for (const s of api) expect(s.headers.client_id).toBe("client-123");
    const checks = outcome.assertions.filter((a) => a.item.includes("rejects"));
    expect(checks.map((a) => [a.item, a.passed])).toEqual([
      ["Token endpoint rejects wrong credentials", true],
      ["GET /invoices rejects a missing token", true],
      ["GET /invoices rejects an invalid token", true],
      ["GET /invoices rejects a token without scope invoices.read", true],
      ["GET /invoices rejects a missing API key ClientIdAuth", true],
    ]);
    // The missing-key check still sent the token: the key was the only thing missing.
    const keyless = server.seen.filter((s) => s.headers.client_id === undefined);
    expect(keyless.map((s) => [s.path, s.bearer, s.status])).toEqual([["/invoices", true, 401]]);
    // The wrong-credentials check, one token for the run, one without invoices.read.
    expect(server.tokenRequests()).toBe(3);
  });

  it("an empty API key variable is refused by the server, and the run says so", async () => {
    const rules: Rules = { "/invoices": [[{ header: "Client_Id" }, TOKEN]] };
    const { outcome } = await against("and-key-token.yaml", "/accounting", rules);
    expect(
      outcome.failed.some((f) => f.startsWith("listInvoices: GET /invoices → authorized")),
    ).toBe(true);
  });

  it("client-credentials and authorization-code operations: the former run, the latter are skipped with one line", async () => {
    const key = { header: "Client-Id" };
    const rules: Rules = {
      "/products": [[{ bearer: true, scope: "products" }, key]],
      "/branches": [[TOKEN, key]],
      "/accounts": [[TOKEN, key]],
    };
    const { built, outcome, server } = await against("mixed-user.yaml", "/open-banking", rules, {
      apikey_ClientId: "bank-client",
    });
    expect(outcome.scriptErrors).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.failures).toBe(0);
    expect(outcome.sent).not.toContain("listAccounts");
    expect(outcome.sent).not.toContain("getBalances");
    expect(outcome.sent).not.toContain("createPayment");
    expect(server.seen.filter((s) => s.status === 200).map((s) => s.path)).toEqual([
      "/products",
      "/branches",
    ]);
    expect(outcome.warnings).toEqual([
      "specpost: 3 operations need a user token: set user_access_token",
    ]);
    // Warned at generation once for the scheme, not per operation.
    const userWarnings = built.problems.filter((p) => p.code === "user-token");
    expect(userWarnings).toHaveLength(1);
    expect(userWarnings[0]?.message).toContain('"UserAuth"');
    expect(userWarnings[0]?.message).toContain("3 operation(s)");
  });

  it("with user_access_token set, the user-token operations are sent with it", async () => {
    const key = { header: "Client-Id" };
    const rules: Rules = {
      "/products": [[{ bearer: true, scope: "products" }, key]],
      "/branches": [[TOKEN, key]],
      "/accounts": [[key]],
      "/accounts/NL01/balances": [[key]],
      "/payments": [[key]],
    };
    const { outcome, server } = await against("mixed-user.yaml", "/open-banking", rules, {
      apikey_ClientId: "bank-client",
      user_access_token: "users-own-token",
    });
    expect(outcome.warnings).toEqual([]);
    const accounts = server.seen.find((s) => s.path === "/accounts");
    expect(accounts?.headers.authorization).toBe("Bearer users-own-token");
    // 5 operations, 4 Auth checks (missing token, invalid token, narrow scope, missing key).
    expect(server.seen).toHaveLength(5 + 4);
  });

  it("OR-alternatives: the first one the collection can satisfy alone is sent; {} still sends the token", async () => {
    const rules: Rules = {
      "/reports": [[{ header: "X-Partner-Key" }, TOKEN]],
      "/search": [[{ query: "key" }], [TOKEN]],
      "/status": [],
      "/session": [[{ cookie: "session" }, TOKEN]],
      "/public": [],
    };
    const { outcome, server } = await against("or-alternatives.yaml", "/api", rules, {
      apikey_PartnerKey: "partner",
      apikey_QueryKey: "q",
      apikey_SessionCookie: "s",
    });
    expect(outcome.scriptErrors).toEqual([]);
    expect(outcome.failed).toEqual([]);
    const by = (path: string) => server.seen.find((s) => s.path === path && s.status === 200);
    expect(by("/reports")?.headers["x-partner-key"]).toBe("partner");
    expect(by("/reports")?.bearer).toBe(true);
    expect(by("/search")?.query).toBe("?key=q");
    expect(by("/search")?.bearer).toBe(false);
    expect(by("/status")?.bearer).toBe(true);
    expect(by("/session")?.headers.cookie).toBe("session=s");
    expect(by("/public")?.bearer).toBe(false);
  });
});
