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
    expect(without.sent).toHaveLength(4);
    expect(s.apiRefused).toBe(4);
    // Each 401 before the expiry renews the token, at most 3 times a run: token count 4.
    expect(s.tokenCalls).toBe(4);
  });

  it("a token endpoint that fails its first two calls with 503: retried, green, token count 3", async () => {
    const s = await server({ method: "client_secret_post", failFirst: { count: 2, status: 503 } });
    const run = await runNewman(collection(s, "auto"), { envVar: env(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toHaveLength(4);
    expect(s.tokenCalls).toBe(3);
  });
});
