import { describe, expect, it } from "vitest";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../../scripts/mock/constants";
import { basicCredentials } from "../../scripts/mock/token-endpoint";
import { shopSpec } from "./fixture-spec";
import { bearer, FORM, mock, requestToken } from "./helpers";
import { inlineModel } from "./inline-model";

const model = inlineModel(shopSpec);
const GOOD = `client_id=${MOCK_CLIENT_ID}&client_secret=${MOCK_CLIENT_SECRET}`;

describe("token endpoint", () => {
  it("sits at the path of the spec's token URL, query kept", async () => {
    const server = await mock(model);
    expect(server.tokenUrl).toBe(`${server.origin}/oauth/token?grant_type=client_credentials`);
    expect(server.baseUrl).toBe(`${server.origin}/shop/v1`);
  });

  it("answers like KPN: every value a string, expires_in the TTL, an opaque token", async () => {
    const server = await mock(model);
    const before = Date.now();
    const response = await requestToken(server);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.values(body).every((value) => typeof value === "string")).toBe(true);
    expect(body).toMatchObject({
      token_type: "Bearer",
      expires_in: "3599",
      client_id: MOCK_CLIENT_ID,
      refresh_token: "",
      refresh_token_expires_in: "0",
      refresh_count: "0",
      status: "approved",
      scope: "",
      api_product_list: "[inline]",
    });
    expect(body.access_token).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(Number(body.issued_at)).toBeGreaterThanOrEqual(before);
    expect(Number(body.issued_at)).toBeLessThanOrEqual(Date.now());
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(["organization_name", "developer_email", "application_name"]),
    );
    expect(server.stats()).toMatchObject({ tokenRequests: 1, tokensIssued: 1 });
  });

  it("issues a different token each time", async () => {
    const server = await mock(model);
    const a = (await (await requestToken(server)).json()) as { access_token: string };
    const b = (await (await requestToken(server)).json()) as { access_token: string };
    expect(a.access_token).not.toBe(b.access_token);
  });

  it.each([
    [
      "grant_type in the body instead of the query",
      "/oauth/token",
      `grant_type=client_credentials&${GOOD}`,
      200,
    ],
    ["HTTP Basic credentials", "/oauth/token?grant_type=client_credentials", "", 200],
  ])("accepts %s", async (_name, path, body, status) => {
    const server = await mock(model);
    const headers: Record<string, string> = { ...FORM };
    if (body === "")
      headers.authorization = `Basic ${Buffer.from(`${MOCK_CLIENT_ID}:${MOCK_CLIENT_SECRET}`).toString("base64")}`;
    const response = await fetch(`${server.origin}${path}`, { method: "POST", headers, body });
    expect(response.status).toBe(status);
  });

  it.each([
    [
      "no grant_type",
      "/oauth/token",
      GOOD,
      400,
      { ErrorCode: "invalid_request", Error: "Required param : grant_type" },
    ],
    [
      "an unsupported grant type",
      "/oauth/token?grant_type=password",
      GOOD,
      400,
      { ErrorCode: "invalid_request", Error: "Unsupported grant type : password" },
    ],
    [
      "no client_id",
      "/oauth/token?grant_type=client_credentials",
      `client_secret=${MOCK_CLIENT_SECRET}`,
      400,
      {
        ErrorCode: "invalid_request",
        Error: "The request is missing a required parameter : client_id",
      },
    ],
    [
      "an unknown client",
      "/oauth/token?grant_type=client_credentials",
      `client_id=someone-else&client_secret=${MOCK_CLIENT_SECRET}`,
      401,
      { ErrorCode: "invalid_client", Error: "ClientId is Invalid" },
    ],
    [
      "a wrong secret",
      "/oauth/token?grant_type=client_credentials",
      `client_id=${MOCK_CLIENT_ID}&client_secret=wrong`,
      401,
      { ErrorCode: "invalid_client", Error: "ClientId is Invalid" },
    ],
    [
      "a JSON body (Apigee reads forms only)",
      "/oauth/token?grant_type=client_credentials",
      JSON.stringify({ client_id: MOCK_CLIENT_ID, client_secret: MOCK_CLIENT_SECRET }),
      400,
      {
        ErrorCode: "invalid_request",
        Error: "The request is missing a required parameter : client_id",
      },
    ],
  ])("refuses %s with the gateway's error", async (name, path, body, status, expected) => {
    const server = await mock(model);
    const headers = name.startsWith("a JSON") ? { "content-type": "application/json" } : FORM;
    const response = await fetch(`${server.origin}${path}`, { method: "POST", headers, body });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(expected);
    expect(server.stats()).toMatchObject({ tokenRequests: 1, tokensIssued: 0 });
  });

  it("accepts POST only", async () => {
    const server = await mock(model);
    const response = await fetch(server.tokenUrl as string);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("lets tokens expire after the configured TTL", async () => {
    const server = await mock(model, { tokenTtlSeconds: 1 });
    const response = await requestToken(server);
    const body = (await response.json()) as { access_token: string; expires_in: string };
    expect(body.expires_in).toBe("1");
    const call = () => fetch(`${server.baseUrl}/items/7`, { headers: bearer(body.access_token) });
    expect((await call()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      fault: {
        faultstring: "Access Token expired",
        detail: { errorcode: "keymanagement.service.access_token_expired" },
      },
    });
  });

  it("fails the first N token calls with KPN's 500 body when asked to, then recovers", async () => {
    const server = await mock(model, { faults: { tokenFailures: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await requestToken(server);
      statuses.push(response.status);
      if (response.status === 500) {
        const body = (await response.json()) as { error: Record<string, string> };
        expect(body.error).toMatchObject({
          status: "500 - Internal Server Error",
          name: "Internal Server Error",
        });
        expect(body.error.transactionId).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(server.stats()).toMatchObject({ tokenRequests: 3, tokensIssued: 1 });
  });

  it("has no token endpoint when the spec has no token URL", async () => {
    const { oauth2: _dropped, ...schemes } = shopSpec.components.securitySchemes;
    const bearerSpec = {
      ...shopSpec,
      security: [{ bearerAuth: [] }],
      components: {
        ...shopSpec.components,
        securitySchemes: { ...schemes, bearerAuth: { type: "http", scheme: "bearer" } },
      },
    };
    const server = await mock(inlineModel(bearerSpec));
    expect(server.tokenUrl).toBeUndefined();
    const response = await fetch(`${server.origin}/oauth/token?grant_type=client_credentials`, {
      method: "POST",
      headers: FORM,
      body: GOOD,
    });
    expect(response.status).toBe(404);
  });
});

describe("HTTP Basic client credentials (RFC 6749 §2.3.1: form-encoded, then Basic)", () => {
  const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;
  it.each([
    ["+ is a space", "my+client:s3cr3t+word", { id: "my client", secret: "s3cr3t word" }],
    ["%2B is a plus", "id:a%2Bb", { id: "id", secret: "a+b" }],
    ["%3A is a colon inside the id", "a%3Ab:c", { id: "a:b", secret: "c" }],
  ])("%s", (_, text, want) => {
    expect(basicCredentials(basic(text))).toEqual(want);
  });
});
