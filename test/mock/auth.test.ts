import { describe, expect, it } from "vitest";
import { shopSpec } from "./fixture-spec";
import { bearer, mock, token } from "./helpers";
import { inlineModel } from "./inline-model";

const model = inlineModel(shopSpec);

const NO_TOKEN = {
  fault: {
    faultstring: "Invalid access token",
    detail: { errorcode: "oauth.v2.InvalidAccessToken" },
  },
};
const UNKNOWN = {
  fault: {
    faultstring: "Invalid Access Token",
    detail: { errorcode: "keymanagement.service.invalid_access_token" },
  },
};

function withSchemes(schemes: Record<string, unknown>, security: Record<string, string[]>[]) {
  return {
    ...shopSpec,
    security,
    components: { ...shopSpec.components, securitySchemes: schemes },
  };
}

describe("secured operations", () => {
  it.each([
    ["no Authorization header", {}, NO_TOKEN],
    ["no Bearer prefix", { authorization: "Token abc" }, NO_TOKEN],
    ["an empty bearer", { authorization: "Bearer " }, NO_TOKEN],
    ["a token the mock never issued", bearer("staG765sBUuai4OMeZiTful6PTRt"), UNKNOWN],
  ])("answer %s with the gateway's 401 fault", async (_name, headers, fault) => {
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/items/7`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(fault);
    expect(server.stats().statuses["GET /items/{id}"]).toEqual({ "401": 1 });
  });

  it("pass with a token the mock issued", async () => {
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/items/7`, {
      headers: bearer(await token(server)),
    });
    expect(response.status).toBe(200);
  });

  it("check the token before validating the request, like the gateway", async () => {
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/items/not-a-number`);
    expect(response.status).toBe(401);
  });

  it("refuse every token while rejectTokens is on, and accept them again after", async () => {
    const server = await mock(model);
    const headers = bearer(await token(server));
    server.setFaults({ rejectTokens: true });
    const rejected = await fetch(`${server.baseUrl}/items/7`, { headers });
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toEqual(UNKNOWN);
    server.setFaults({});
    expect((await fetch(`${server.baseUrl}/items/7`, { headers })).status).toBe(200);
  });
});

describe("operations without security", () => {
  it("need nothing (security: [])", async () => {
    const server = await mock(model);
    const response = await fetch(`${server.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("ignore rejectTokens", async () => {
    const server = await mock(model, { faults: { rejectTokens: true } });
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
  });
});

describe("other kinds of auth", () => {
  it("bearer without a token URL: any non-empty bearer token passes", async () => {
    const server = await mock(
      inlineModel(withSchemes({ b: { type: "http", scheme: "bearer" } }, [{ b: [] }])),
    );
    expect((await fetch(`${server.baseUrl}/items/7`, { headers: bearer("anything") })).status).toBe(
      200,
    );
    expect((await fetch(`${server.baseUrl}/items/7`)).status).toBe(401);
  });

  it.each([
    ["header", "X-Api-Key", (url: string) => fetch(url, { headers: { "x-api-key": "k" } })],
    ["query", "api_key", (url: string) => fetch(`${url}?api_key=k`)],
  ])("api key in the %s must be present", async (where, name, call) => {
    const spec = withSchemes({ key: { type: "apiKey", in: where, name } }, [{ key: [] }]);
    const server = await mock(inlineModel(spec));
    expect((await call(`${server.baseUrl}/items/7`)).status).toBe(200);
    const missing = await fetch(`${server.baseUrl}/items/7`);
    expect(missing.status).toBe(401);
    expect(JSON.stringify(await missing.json())).toContain(`request.${where}.${name}`);
  });
});
