import { afterEach, describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { AuthModel, ClientAuth } from "../../scripts/model/types";
import { clientCredentials, model, op, passThroughRegistry } from "../collection/fixture";
import { runNewman } from "../collection/newman-run";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  type OidcOptions,
  type OidcServer,
  RESOURCE,
  startOidcServer,
} from "./oidc-server";

// Generated collections under real Newman against a real OAuth 2.0 server (oidc-provider 9,
// JWT access tokens for a required resource indicator). Token counts are requests that
// reached the token endpoint in the run (the Auth check's wrong secret included).

const servers: OidcServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(options: OidcOptions): Promise<OidcServer> {
  const started = await startOidcServer(options);
  servers.push(started);
  return started;
}

const OPERATIONS = ["a", "b", "c", "d"].map((name) => op("get", `/${name}`, { tag: "Things" }));
const isOperation = (name: string) => /^GET \/\w+$/.test(name);

function collection(s: OidcServer, clientAuth: ClientAuth, resource = true) {
  const auth: AuthModel = {
    ...(clientCredentials(s.tokenUrl, ["read"]) as Extract<
      AuthModel,
      { kind: "client-credentials" }
    >),
    clientAuth,
    tokenParams: resource ? [{ name: "resource", value: RESOURCE }] : [],
  };
  return buildCollection(model({ auth, operations: OPERATIONS }), passThroughRegistry());
}

const env = (s: OidcServer, extra: Record<string, string> = {}) => ({
  baseUrl: s.origin,
  client_id: OIDC_CLIENT_ID,
  client_secret: OIDC_CLIENT_SECRET,
  ...extra,
});

describe("oidc-provider under Newman", () => {
  it("client_secret_basic only, auto: green after one fallback (token count 3 with the Auth check)", async () => {
    const s = await server({ method: "client_secret_basic" });
    const run = await runNewman(collection(s, "auto"), { envVar: env(s) });

    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(run.sent.filter(isOperation)).toHaveLength(4);
    expect(s.apiRefused).toBe(2); // the two Auth checks without a valid token
    expect(s.tokenCalls).toBe(3);
    expect(run.variables.specpost_client_auth_used).toBe("basic");
  });

  it("client_secret_basic only, basic: one token request from the pre-request script", async () => {
    const s = await server({ method: "client_secret_basic" });
    const run = await runNewman(collection(s, "basic"), { envVar: env(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toHaveLength(4);
    expect(s.tokenCalls).toBe(1);
  });

  it("client_secret_post only, auto: one token request", async () => {
    const s = await server({ method: "client_secret_post" });
    const run = await runNewman(collection(s, "auto"), { envVar: env(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(s.tokenCalls).toBe(1);
  });

  it("client_secret_post only, client_auth basic set in Postman: one clear failure, nothing sent", async () => {
    const s = await server({ method: "client_secret_post" });
    const run = await runNewman(collection(s, "auto"), {
      envVar: env(s, { client_auth: "basic" }),
      folder: "Things",
    });

    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.message).toContain("answered 401");
    expect(run.failed[0]?.message).toContain("invalid_client");
    expect(run.sent).toEqual([]);
    expect(s.tokenCalls).toBe(1);
  });

  it("the API requires the resource: without the token parameter every call is refused", async () => {
    const s = await server({ method: "client_secret_post" });
    const without = await runNewman(collection(s, "auto", false), {
      envVar: env(s),
      folder: "Things",
    });
    // A 401 before the expiry renews the token and sends the request again, at most 3 times a
    // run: each request is tried at most twice, token count 4 (1 + 3 renewals), never one per try.
    expect(without.sent).toEqual([
      "GET /a",
      "GET /a",
      "GET /b",
      "GET /b",
      "GET /c",
      "GET /c",
      "GET /d",
    ]);
    expect(s.apiRefused).toBe(7);
    expect(s.tokenCalls).toBe(4);
    expect(without.assertions.filter((a) => a.skipped).map((a) => a.item)).toEqual([
      "GET /a",
      "GET /b",
      "GET /c",
    ]);
    // One failure per operation, none for a first attempt; a second refusal says so.
    expect(without.failed.map((f) => [f.item, f.name])).toEqual(
      ["a", "b", "c", "d"].map((n) => [`GET /${n}`, `GET /${n} → authorized`]),
    );
    const again = "again after the token was renewed and the request sent a second time";
    expect(without.failed.map((f) => f.message?.includes(again))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(without.failed[0]?.message).toContain("GET /a answered 401 Unauthorized");
    expect(without.variables.specpost_token_renewals).toBe("3");
  });

  it("a token the API revokes mid-run: the refused request is sent again with a new token, green, token count 2", async () => {
    const s = await server({ method: "client_secret_post", revokeAfter: 2 });
    const run = await runNewman(collection(s, "auto"), { envVar: env(s), folder: "Things" });

    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(run.sent).toEqual(["GET /a", "GET /b", "GET /c", "GET /c", "GET /d"]);
    expect(s.apiRefused).toBe(1);
    // One token for a and b, one more after the revocation: exactly one extra token request.
    expect(s.tokenCalls).toBe(2);
    expect(run.assertions.filter((a) => a.skipped).map((a) => a.item)).toEqual(["GET /c"]);
  });

  it("a token endpoint that fails its first two calls with 503: retried, green, token count 3", async () => {
    const s = await server({ method: "client_secret_post", failFirst: { count: 2, status: 503 } });
    const run = await runNewman(collection(s, "auto"), { envVar: env(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toHaveLength(4);
    expect(s.tokenCalls).toBe(3);
  });
});
