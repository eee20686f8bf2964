import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { MOCK_BODY_LIMIT } from "../../scripts/mock/server";
import type { MockServer } from "../../scripts/mock/types";
import { shopSpec } from "./fixture-spec";
import { bearer, mock, token } from "./helpers";
import { inlineModel } from "./inline-model";

const model = inlineModel(shopSpec);
let server: MockServer;
let auth: Record<string, string>;

beforeEach(async () => {
  server = await mock(model);
  auth = bearer(await token(server));
});

const JSON_TYPE = { "content-type": "application/json" };

async function errorOf(
  response: Response,
): Promise<{ status: number; message: string; errors?: string[] }> {
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = (await response.json()) as { message: string; errors?: string[] };
  return { ...body, status: response.status };
}

describe("request validation", () => {
  it.each([
    [
      "a query parameter of the wrong type",
      "/items?limit=lots",
      "query parameter 'limit' must be integer",
    ],
    ["a query parameter out of range", "/items?limit=0", "query parameter 'limit' must be >= 1"],
    [
      "a value outside the enum",
      "/items?colour=green",
      `query parameter 'colour' must be one of "red", "blue"`,
    ],
    ["a path parameter of the wrong type", "/items/seven", "path parameter 'id' must be integer"],
  ])("refuses %s with 400 and says what is wrong", async (_name, path, problem) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: auth });
    const error = await errorOf(response);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([problem]);
    expect(error.message).toContain(problem);
  });

  it("checks header parameters", async () => {
    const response = await fetch(`${server.baseUrl}/items`, {
      headers: { ...auth, "x-trace": "nope" },
    });
    const error = await errorOf(response);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([`header 'X-Trace' must match pattern "^[a-f0-9]{8}$"`]);
  });

  it("lets unknown query parameters through, as a gateway would", async () => {
    expect((await fetch(`${server.baseUrl}/items?utm=1&limit=5`, { headers: auth })).status).toBe(
      200,
    );
  });

  it.each([
    [
      "a missing required body",
      undefined,
      JSON_TYPE,
      "request body is required (application/json, application/x-www-form-urlencoded)",
    ],
    ["malformed JSON", '{"code": ', JSON_TYPE, "request body is not valid JSON"],
    [
      "a property of the wrong type",
      '{"code": 5}',
      JSON_TYPE,
      "request body at /code must be string",
    ],
    [
      "a missing required property",
      '{"quantity": 2}',
      JSON_TYPE,
      "request body must have property 'code'",
    ],
    [
      "an unexpected property",
      '{"code": "ABC-1234", "x": 1}',
      JSON_TYPE,
      "request body must not have property 'x'",
    ],
    [
      "a pattern mismatch",
      '{"code": "abc"}',
      JSON_TYPE,
      `request body at /code must match pattern "^[A-Z]{3}-[0-9]{4}$"`,
    ],
    [
      "an undocumented content type",
      "code=ABC-1234",
      { "content-type": "text/plain" },
      "Content-Type text/plain is not accepted",
    ],
    [
      "a form value of the wrong type",
      "code=ABC-1234&quantity=many",
      { "content-type": "application/x-www-form-urlencoded" },
      "request body at /quantity must be integer",
    ],
  ])("refuses %s with 400", async (_name, body, headers, problem) => {
    const response = await fetch(`${server.baseUrl}/items`, {
      method: "POST",
      headers: { ...auth, ...headers },
      body,
    });
    const error = await errorOf(response);
    expect(error.status).toBe(400);
    expect(error.message).toContain(problem);
  });

  it.each([
    ["JSON", '{"code": "ABC-1234", "quantity": 3}', JSON_TYPE],
    [
      "JSON with a charset",
      '{"code": "ABC-1234"}',
      { "content-type": "application/json; charset=utf-8" },
    ],
    ["a form", "code=ABC-1234&quantity=3", { "content-type": "application/x-www-form-urlencoded" }],
  ])("accepts a valid %s body", async (_name, body, headers) => {
    const response = await fetch(`${server.baseUrl}/items`, {
      method: "POST",
      headers: { ...auth, ...headers },
      body,
    });
    expect(response.status).toBe(201);
  });
});

describe("routing", () => {
  it.each([
    ["an unknown path under the API", "/nothing-here"],
    ["a path outside the API", "/elsewhere/items"],
    ["the bare origin", "/"],
  ])("answers %s with a JSON 404", async (_name, path) => {
    const url =
      path.startsWith("/elsewhere") || path === "/"
        ? `${server.origin}${path}`
        : `${server.baseUrl}${path}`;
    const error = await errorOf(await fetch(url, { headers: auth }));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/No operation matches|Nothing is served/);
  });

  it("answers a known path with the wrong method with a JSON 405 and Allow", async () => {
    const response = await fetch(`${server.baseUrl}/items/7`, { method: "PATCH", headers: auth });
    expect(response.headers.get("allow")).toBe("DELETE, GET");
    const error = await errorOf(response);
    expect(error.status).toBe(405);
  });

  it("ignores a trailing slash", async () => {
    expect((await fetch(`${server.baseUrl}/items/7/`, { headers: auth })).status).toBe(200);
  });
});

/** Raw HTTP for what fetch refuses to send. */
function raw(text: string): Promise<string> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString()));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("bad input never takes the mock down", () => {
  it.each([
    ["binary garbage as JSON", Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x7b]), JSON_TYPE, 400],
    ["garbage with no content type", "%%%garbage", {}, 400],
    ["an odd content type", "<x/>", { "content-type": "application/x-weird; q=" }, 400],
    ["a body on a GET", "{}", JSON_TYPE, 200],
  ])("%s", async (name, body, headers, status) => {
    const method = name.includes("GET") ? "GET" : "POST";
    const response = await new Promise<number>((resolve, reject) => {
      const length = { "content-length": String(Buffer.byteLength(body)) };
      const req = httpRequest(
        `${server.baseUrl}/items`,
        { method, headers: { ...auth, ...headers, ...length } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(response).toBe(status);
    expect((await fetch(`${server.baseUrl}/items/7`, { headers: auth })).status).toBe(200);
  });

  it("refuses a body over the limit with 413", async () => {
    const body = JSON.stringify({ code: "x".repeat(MOCK_BODY_LIMIT + 10) });
    const response = await fetch(`${server.baseUrl}/items`, {
      method: "POST",
      headers: { ...auth, ...JSON_TYPE },
      body,
    });
    const error = await errorOf(response);
    expect(error.status).toBe(413);
    expect((await fetch(`${server.baseUrl}/items/7`, { headers: auth })).status).toBe(200);
  });

  it.each([
    ["an unknown method", "BREW /shop/v1/items HTTP/1.1\r\nHost: x\r\n\r\n"],
    [
      "a method fastify does not route",
      "PROPFIND /shop/v1/items HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ],
    ["a request line that is not HTTP", "hello there\r\n\r\n"],
    [
      "a lying content length",
      "POST /shop/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{}",
    ],
  ])("%s", async (_name, text) => {
    const answer = await raw(text);
    expect(answer).toMatch(/^HTTP\/1\.1 [45]\d\d/);
    expect((await fetch(`${server.baseUrl}/items/7`, { headers: auth })).status).toBe(200);
  });
});
