import { afterEach, describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import { TOKEN_REQUEST_NAME } from "../../scripts/collection/token";
import type { ApiModel } from "../../scripts/model/types";
import { clientCredentials, model, ok, op, passThroughRegistry } from "./fixture";
import { runNewman } from "./newman-run";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startTokenServer,
  type TokenMode,
  type TokenServer,
} from "./token-server";

// The token scripts run for real under Newman against a local KPN-shaped token endpoint.

const servers: TokenServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(mode: TokenMode): Promise<TokenServer> {
  const started = await startTokenServer(mode);
  servers.push(started);
  return started;
}

const OPERATIONS = ["a", "b", "c", "d", "e", "f"].map((name) =>
  op("get", `/${name}`, { tag: "Things", responses: [ok()] }),
);
const isOperation = (name: string) => /^GET \/\w+$/.test(name);

function api(tokenUrl: string, extra: Partial<ApiModel> = {}): ApiModel {
  return model({ auth: clientCredentials(tokenUrl), operations: OPERATIONS, ...extra });
}

const credentials = (s: TokenServer) => ({
  baseUrl: s.origin,
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
});

describe("token scripts under Newman", () => {
  it("sends one token request for a whole run of many requests", async () => {
    const s = await server({ kind: "ok", expiresIn: "3599" });
    const many = Array.from({ length: 40 }, (_, i) => op("get", `/item${i}`, { tag: "Things" }));
    const collection = buildCollection(
      api(s.tokenUrl, { operations: many }),
      passThroughRegistry(),
    );
    const run = await runNewman(collection, { envVar: credentials(s) });

    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(run.sent.filter(isOperation)).toHaveLength(40);
    // Only the two Auth checks that send no or a bad token on purpose were refused.
    expect(s.unauthorized).toBe(2);
    // "Get Access Token" runs first and stores the token; the pre-request script never needs
    // to ask again while it is fresh.
    expect(s.tokenRequests).toBe(1);
    expect(run.variables.specpost_token_requests).toBe("1");
    expect(run.assertions.map((a) => a.name)).toContain(
      "Access token: expires_in is a number of seconds",
    );
  });

  it.each([
    ["a string (KPN)", "3599"],
    ["a number", 3599],
  ])(
    "fetches the token in the pre-request script when the token request is not run: expires_in %s",
    async (_kind, expiresIn) => {
      const s = await server({ kind: "ok", expiresIn });
      const collection = buildCollection(api(s.tokenUrl), passThroughRegistry());
      const run = await runNewman(collection, { envVar: credentials(s), folder: "Things" });

      expect(run.failed).toEqual([]);
      expect(run.sent).toHaveLength(6);
      expect(s.tokenRequests).toBe(1);
      expect(s.unauthorized).toBe(0);
      expect(run.variables.specpost_token_requests).toBe("1");
      // The pre-request script says nothing while it works: no assertion of its own.
      expect(run.assertions.filter((a) => a.name.startsWith("Access token"))).toEqual([]);
    },
  );

  it("renews a 2-second token before it expires and stays green", async () => {
    const s = await server({ kind: "ok", expiresIn: "2" });
    const collection = buildCollection(api(s.tokenUrl), passThroughRegistry());
    const run = await runNewman(collection, {
      envVar: credentials(s),
      folder: "Things",
      delayRequest: 900,
    });

    expect(run.failed).toEqual([]);
    expect(s.unauthorized).toBe(0);
    // 6 requests over ~5 s with a 2 s token: renewed at least once, never per request.
    expect(s.tokenRequests).toBeGreaterThanOrEqual(2);
    expect(s.tokenRequests).toBeLessThan(6);
  });

  it.each([
    {
      title: "token endpoint answers 500 with KPN's error body",
      mode: { kind: "kpn-500" } as TokenMode,
      status: "answered 500 Internal Server Error",
      text: "invalid_client-invalid_client_id",
    },
    {
      title: "token endpoint answers 401 invalid_client",
      mode: { kind: "invalid-client-401" } as TokenMode,
      status: "answered 401 Unauthorized",
      text: "invalid_client: ClientId is Invalid",
    },
  ])("$title: one clear failure, no 401 per request", async ({ mode, status, text }) => {
    const s = await server(mode);
    const collection = buildCollection(api(s.tokenUrl), passThroughRegistry());
    const run = await runNewman(collection, { envVar: credentials(s) });

    expect(run.scriptErrors).toEqual([]);
    const tokenFailures = run.failed.filter((a) => a.name.startsWith("Access token"));
    expect(tokenFailures).toHaveLength(1);
    const [failure] = tokenFailures;
    expect(failure?.item).toBe(TOKEN_REQUEST_NAME);
    expect(failure?.message).toContain(`Token request POST ${s.tokenUrl} ${status}`);
    expect(failure?.message).toContain(text);
    // Nothing else failed: no operation was sent without a token.
    expect(run.failed).toEqual(tokenFailures);
    expect(run.sent.filter(isOperation)).toEqual([]);
    // client_auth auto: the body first, then the Basic header once; invalid_client is
    // never retried beyond that.
    expect(s.tokenRequests).toBe(2);
    expect(failure?.message).toContain("tried client_secret_post, then client_secret_basic");
    expect(run.variables.specpost_skipped_requests).toBe("6");
    for (const a of run.assertions) expect(a.message ?? "").not.toContain(CLIENT_SECRET);
  });

  it("reports a failing token endpoint once from the pre-request script too", async () => {
    const s = await server({ kind: "kpn-500" });
    const collection = buildCollection(api(s.tokenUrl), passThroughRegistry());
    const run = await runNewman(collection, { envVar: credentials(s), folder: "Things" });

    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.item).toBe("GET /a");
    expect(run.failed[0]?.message).toContain("answered 500");
    expect(run.sent).toEqual([]);
    expect(s.tokenRequests).toBe(2);
  });

  it("names the unreachable token URL once", async () => {
    const s = await server({ kind: "ok", expiresIn: "3599" });
    const tokenUrl = `http://127.0.0.1:1/oauth/token`;
    const collection = buildCollection(api(tokenUrl), passThroughRegistry());
    const run = await runNewman(collection, { envVar: credentials(s), folder: "Things" });

    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.message).toContain(`Token request POST ${tokenUrl} failed`);
    expect(run.failed[0]?.message).toContain("ECONNREFUSED");
    // A network error is retried (bounded), then reported once.
    expect(run.failed[0]?.message).toContain("3 retries");
    expect(run.sent).toEqual([]);
  });

  it("sends grant_type and scope in the body when the token URL lacks them", async () => {
    const s = await server({ kind: "ok", expiresIn: 3599 });
    const auth = clientCredentials(`${s.origin}/oauth/client_credential/accesstoken`, [
      "read",
      "write",
    ]);
    const collection = buildCollection(api(s.tokenUrl, { auth }), passThroughRegistry());
    // The token URL lacks grant_type: this server wants it in the query, so it refuses;
    // the point here is what was sent.
    await runNewman(collection, { envVar: credentials(s), folder: "Things" });
    const sent = new URLSearchParams(s.tokenBodies[0]);
    expect(Object.fromEntries(sent)).toEqual({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: "client_credentials",
      scope: "read write",
    });
  });

  it("never asks for a token before an operation that needs none", async () => {
    const s = await server({ kind: "kpn-500" });
    const open = ["a", "b", "c", "d", "e", "f"].map((name) =>
      op("get", `/public/${name}`, { tag: "Things", secured: false }),
    );
    const collection = buildCollection(
      api(s.tokenUrl, { operations: open }),
      passThroughRegistry(),
    );
    const run = await runNewman(collection, { envVar: credentials(s), folder: "Things" });

    expect(s.tokenRequests).toBe(0);
    expect(run.sent).toHaveLength(6);
    expect(run.failed).toEqual([]);
  });
});
