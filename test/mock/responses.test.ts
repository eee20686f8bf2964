import { beforeEach, describe, expect, it } from "vitest";
import { MOCK_CONTROL_PREFIX } from "../../scripts/mock/constants";
import type { MockServer, MockStats } from "../../scripts/mock/types";
import { shopSpec } from "./fixture-spec";
import { bearer, mock, specValidator, token } from "./helpers";
import { inlineModel } from "./inline-model";

const model = inlineModel(shopSpec);
const schemaAt = specValidator(shopSpec);
const ITEM_LIST = "#/components/schemas/ItemList";
const ITEM = "#/components/schemas/Item";
let server: MockServer;
let auth: Record<string, string>;

beforeEach(async () => {
  server = await mock(model);
  auth = bearer(await token(server));
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { ...auth, ...(init.headers as Record<string, string>) },
  });

describe("answers", () => {
  it("generate a body that validates against the schema when the spec has no example", async () => {
    const response = await call("/items");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as unknown[];
    const validate = schemaAt(ITEM_LIST);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.length).toBeGreaterThanOrEqual(2); // minItems
    expect(server.warnings).toEqual([]);
  });

  it("carry the required response headers, generated from their schema", async () => {
    const response = await call("/items");
    expect(Number(response.headers.get("x-rate-limit"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("x-optional")).toBeNull();
  });

  it("use the spec's example when there is one", async () => {
    const body = await (await call("/items/7")).json();
    expect(body).toEqual(
      shopSpec.paths["/items/{id}"].get.responses["200"].content["application/json"].example,
    );
  });

  it("use the first documented 2xx status", async () => {
    const response = await call("/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"code":"ABC-1234"}',
    });
    expect(response.status).toBe(201);
    const validate = schemaAt(ITEM);
    expect(validate(await response.json()), JSON.stringify(validate.errors)).toBe(true);
  });

  it("send no body and no content type for a response without content", async () => {
    const response = await call("/items/7", { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
  });

  it("keep the documented content type, +json and text types included", async () => {
    const strict = await call("/strict");
    expect(strict.status).toBe(200);
    expect(strict.headers.get("content-type")).toBe("application/problem+json");
    const validate = schemaAt("#/components/schemas/Strict");
    expect(validate(await strict.json()), JSON.stringify(validate.errors)).toBe(true);
    const health = await call("/health");
    expect(health.headers.get("content-type")).toBe("text/plain");
  });
});

describe("mutation faults", () => {
  it("invalidBody: the body violates the schema (and is still JSON)", async () => {
    server.setFaults({ invalidBody: true });
    for (const [path, pointer] of [
      ["/items", ITEM_LIST],
      ["/items/7", ITEM],
      ["/strict", "#/components/schemas/Strict"],
    ] as const) {
      const response = await call(path);
      expect(response.status).toBeLessThan(300);
      expect(schemaAt(pointer)(await response.json()), path).toBe(false);
    }
  });

  it("undocumentedStatus: a status the operation does not document", async () => {
    server.setFaults({ undocumentedStatus: true });
    expect((await call("/items/7")).status).toBe(418);
    // POST /items documents 4XX, so 418 would count as documented.
    const created = await call("/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"code":"ABC-1234"}',
    });
    expect(created.status).toBe(299);
  });

  it("wrongContentType: text/plain instead of the documented type", async () => {
    server.setFaults({ wrongContentType: true });
    const response = await call("/items/7");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain");
    // /health documents text/plain itself, so it gets another type.
    expect((await call("/health")).headers.get("content-type")).toBe("application/octet-stream");
  });

  it("clearing the faults restores correct answers", async () => {
    server.setFaults({ invalidBody: true, undocumentedStatus: true, wrongContentType: true });
    server.setFaults({});
    const response = await call("/items/7");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(schemaAt(ITEM)(await response.json())).toBe(true);
  });

  it("latencyMs delays token and API answers", async () => {
    server.setFaults({ latencyMs: 300 });
    for (const send of [
      () => call("/items/7"),
      () => fetch(server.tokenUrl as string, { method: "POST" }),
    ]) {
      const started = performance.now();
      await send();
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    }
  });
});

describe("stats and test hooks", () => {
  it("count token requests and requests per operation and status", async () => {
    await call("/items/7");
    await call("/items/7");
    await call("/items?limit=0");
    await fetch(`${server.baseUrl}/items/7`);
    expect(server.stats()).toEqual({
      tokenRequests: 1,
      tokensIssued: 1,
      requests: {
        "GET /items": 1,
        "POST /items": 0,
        "GET /items/{id}": 3,
        "DELETE /items/{id}": 0,
        "GET /health": 0,
        "GET /strict": 0,
      },
      statuses: { "GET /items": { "400": 1 }, "GET /items/{id}": { "200": 2, "401": 1 } },
    });
    server.resetStats();
    expect(server.stats().tokenRequests).toBe(0);
    expect(server.stats().statuses).toEqual({});
  });

  it("serve stats, faults and reset over HTTP, and are not counted themselves", async () => {
    const hook = (path: string, init?: RequestInit) =>
      fetch(`${server.origin}${MOCK_CONTROL_PREFIX}${path}`, init);
    await call("/items/7");
    const stats = (await (await hook("/stats")).json()) as MockStats;
    expect(stats.requests["GET /items/{id}"]).toBe(1);

    const set = await hook("/faults", {
      method: "POST",
      body: JSON.stringify({ undocumentedStatus: true, latencyMs: 1 }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ undocumentedStatus: true, latencyMs: 1 });
    expect((await call("/items/7")).status).toBe(418);
    expect(await (await hook("/faults")).json()).toEqual({
      undocumentedStatus: true,
      latencyMs: 1,
    });

    const reset = await hook("/reset", { method: "POST" });
    expect(reset.status).toBe(200);
    expect(server.faults()).toEqual({});
    expect(server.stats().requests["GET /items/{id}"]).toBe(0);
    expect((await call("/items/7")).status).toBe(200);
  });

  it.each([
    ["an unknown fault", { slowness: 5 }, "unknown fault 'slowness'"],
    [
      "a fault of the wrong type",
      { invalidBody: "yes" },
      "fault 'invalidBody' must be true or false",
    ],
    ["a negative count", { tokenFailures: -1 }, "fault 'tokenFailures' must be a whole number"],
    ["not an object", [1, 2], "faults must be a JSON object"],
  ])("refuse %s", async (_name, faults, message) => {
    const response = await fetch(`${server.origin}${MOCK_CONTROL_PREFIX}/faults`, {
      method: "POST",
      body: JSON.stringify(faults),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
    expect(server.faults()).toEqual({});
  });
});
