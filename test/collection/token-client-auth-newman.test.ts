import { describe, expect, it } from "vitest";
import { TOKEN_REQUEST_NAME } from "../../scripts/collection/token";
import { runNewman } from "./newman-run";
import { CLIENT_ID, CLIENT_SECRET } from "./token-server";
import { thingsCollection, thingsEnv, useTokenServers } from "./token-things";

// Client authentication, token parameters, retries and JWT expiry, run under real Newman
// against token endpoints as strict as the providers they stand for. Each scenario's token
// count (requests to the token endpoint per run) is asserted.

const server = useTokenServers();

const isOperation = (name: string) => /^GET \/\w+$/.test(name);

const basicHeader = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;

describe("client authentication under Newman", () => {
  it("auto: a Basic-only endpoint (client_secret_basic) is green after one fallback, then remembered", async () => {
    const s = await server({ clientAuth: "basic" });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s) });

    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(run.sent.filter((n) => isOperation(n))).toHaveLength(3);
    // Token count 2: "Get Access Token" with the body, then once with the Basic header.
    expect(s.tokenRequests).toBe(2);
    expect(s.tokenAuthorizations).toEqual(["", basicHeader]);
    expect(run.variables.specpost_client_auth_used).toBe("basic");
  });

  it("auto from the pre-request script: falls back once and the operations run", async () => {
    const s = await server({ clientAuth: "basic" });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toHaveLength(3);
    expect(s.tokenRequests).toBe(2);
  });

  it("basic: sends only the Basic header (RFC 6749 form-encoded id and secret), one token request", async () => {
    const s = await server({ clientAuth: "basic" });
    const run = await runNewman(thingsCollection(s, { clientAuth: "basic" }), {
      envVar: thingsEnv(s),
    });

    expect(run.failed).toEqual([]);
    expect(s.tokenRequests).toBe(1);
    expect(s.tokenAuthorizations).toEqual([basicHeader]);
    expect(new URLSearchParams(s.tokenBodies[0]).has("client_secret")).toBe(false);
  });

  it("post chosen in Postman (client_auth variable) against a Basic-only endpoint: one clear failure, no fallback", async () => {
    const s = await server({ clientAuth: "basic" });
    const run = await runNewman(thingsCollection(s), {
      envVar: thingsEnv(s, { client_auth: "post" }),
      folder: "Things",
    });

    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.message).toContain("answered 401");
    expect(run.failed[0]?.message).toContain("client_secret_basic");
    expect(run.sent).toEqual([]);
    expect(s.tokenRequests).toBe(1);
  });

  it("auto: a body-only endpoint (client_secret_post, KPN) needs one token request", async () => {
    const s = await server({ clientAuth: "post" });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s) });

    expect(run.failed).toEqual([]);
    expect(s.tokenRequests).toBe(1);
    expect(s.tokenAuthorizations).toEqual([""]);
  });
});

describe("token parameters under Newman", () => {
  it("sends audience with every token request, from the Get Access Token request and the pre-request script", async () => {
    const s = await server({
      requireParam: { name: "audience", value: "https://api.example.com" },
    });
    const collection = thingsCollection(s, {
      tokenParams: [{ name: "audience", value: "https://api.example.com" }],
    });
    const full = await runNewman(collection, { envVar: thingsEnv(s) });
    const folder = await runNewman(collection, { envVar: thingsEnv(s), folder: "Things" });

    expect(full.failed).toEqual([]);
    expect(folder.failed).toEqual([]);
    expect(s.tokenRequests).toBe(2);
    for (const body of s.tokenBodies) {
      expect(new URLSearchParams(body).get("audience")).toBe("https://api.example.com");
    }
  });

  it("a 4xx for a missing parameter is not retried: one clear failure", async () => {
    const s = await server({ requireParam: { name: "resource", value: "urn:api" } });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.message).toContain("answered 400");
    expect(run.failed[0]?.message).toContain("invalid_target");
    expect(s.tokenRequests).toBe(1);
  });
});

describe("token endpoint faults under Newman", () => {
  it("503 with Retry-After twice, then a token: green, token count 3", async () => {
    const s = await server({ failFirst: { count: 2, status: 503, retryAfter: "0" } });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s) });

    expect(run.failed).toEqual([]);
    expect(run.sent.filter((n) => isOperation(n))).toHaveLength(3);
    expect(s.tokenRequests).toBe(3);
  });

  it("429 from the pre-request script is retried too", async () => {
    const s = await server({ failFirst: { count: 1, status: 429, retryAfter: "1" } });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toHaveLength(3);
    expect(s.tokenRequests).toBe(2);
  });

  it("an endpoint that stays down: bounded retries, one failure, the rest skipped", async () => {
    const s = await server({ failFirst: { count: 4, status: 503, retryAfter: "0" } });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s) });

    const failures = run.failed;
    expect(failures).toHaveLength(1);
    expect(failures[0]?.item).toBe(TOKEN_REQUEST_NAME);
    expect(failures[0]?.message).toContain("answered 503");
    expect(failures[0]?.message).toContain("3 retries");
    expect(run.sent.filter((n) => isOperation(n))).toEqual([]);
    // Token count 4: the request and three retries; the skipped operations ask no more.
    expect(s.tokenRequests).toBe(4);
  });
});

describe("API quota under Newman", () => {
  it("a 429 with quota-reset-UTC (KPN) waits for the reset and sends that request once more", async () => {
    const s = await server({ quota: { after: 1, ms: 1500 } });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    // GET /b meets the spent quota, waits for the reset and goes again; GET /c goes after it.
    expect(run.sent).toHaveLength(4);
    expect(run.sent[1]).toBe(run.sent[2]);
    expect(run.failed).toEqual([]);
    expect(run.assertions.filter((a) => a.skipped).map((a) => a.name)).toEqual([
      expect.stringContaining(
        "→ 429 (quota): waited as the server said, sending the request again",
      ),
    ]);
    expect(s.throttled).toBe(1);
    expect(s.tokenRequests).toBe(1);
  });
});

describe("JWT access tokens under Newman", () => {
  it("uses the token's exp when the endpoint sends no expires_in", async () => {
    const s = await server({}, { kind: "jwt", expSeconds: 3600 });
    const before = Date.now();
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s) });

    expect(run.failed).toEqual([]);
    expect(s.tokenRequests).toBe(1);
    const expiresAt = Number(run.variables.access_token_expires_at);
    // An hour from now (exp), not the 5-minute guess used without any expiry.
    expect(expiresAt).toBeGreaterThan(before + 3_500_000);
    expect(expiresAt).toBeLessThan(Date.now() + 3_700_000);
  });
});
