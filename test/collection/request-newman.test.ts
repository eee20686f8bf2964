import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { OperationModel } from "../../scripts/model/types";
import { model, op, param, passThroughRegistry } from "./fixture";
import { runNewman } from "./newman-run";

// What the server receives when Newman sends the generated requests: the example values,
// exactly, however many URL-significant characters they hold.

interface Received {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let origin: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({
        method: req.method ?? "",
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: req.headers,
        body,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const TRICKY = "a&b=c #d+e%20f/ü?{{x}}";

async function send(operation: OperationModel): Promise<Received> {
  received.length = 0;
  const collection = buildCollection(
    model({ auth: { kind: "none" }, operations: [operation] }),
    passThroughRegistry(),
  );
  const run = await runNewman(collection, { envVar: { baseUrl: `${origin}/base` } });
  expect(run.scriptErrors).toEqual([]);
  expect(received).toHaveLength(1);
  return received[0] as Received;
}

describe("generated requests under Newman", () => {
  it("deliver path parameters whose names hold dots (Postman stops a :name at '.')", async () => {
    const got = await send(
      op("get", "/things/{thing.id}/{a.b}/{a_b}", {
        parameters: [
          param("thing.id", "path", "t1"),
          param("a.b", "path", "dotted"),
          param("a_b", "path", "underscored"),
        ],
      }),
    );
    expect(got.path).toBe("/base/things/t1/dotted/underscored");
  });

  it("deliver path, query and header examples intact", async () => {
    const got = await send(
      op("get", "/items/{id}/{file}.{ext}", {
        parameters: [
          param("id", "path", "x/y?z #%"),
          param("file", "path", "re port"),
          param("ext", "path", "txt"),
          param("q", "query", TRICKY, { required: true }),
          param("list", "query", [1, 2], { required: true }),
          param("filter", "query", { kind: "a&b" }, { required: true, style: "deepObject" }),
          param("when", "query", "2024-01-02T03:04:05Z", { required: true }),
          param("optional", "query", "left out"),
          param("X-Thing", "header", "v 1", { required: true }),
        ],
      }),
    );
    expect(decodeURIComponent(got.path)).toBe("/base/items/x/y?z #%/re port.txt");
    expect(got.path.split("/")).toHaveLength(5);
    expect(got.query).toEqual([
      ["q", TRICKY],
      ["list", "1"],
      ["list", "2"],
      ["filter[kind]", "a&b"],
      ["when", "2024-01-02T03:04:05Z"],
    ]);
    expect(got.headers["x-thing"]).toBe("v 1");
  });

  it("sends JSON bodies as the example with its content type", async () => {
    const example = { name: TRICKY, n: 1, nested: [true, null] };
    const got = await send(
      op("post", "/things", {
        requestBody: { contentType: "application/json", required: true, example, pointer: "" },
      }),
    );
    expect(got.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got.body)).toEqual(example);
  });

  it("sends url-encoded forms field by field", async () => {
    const got = await send(
      op("post", "/form", {
        requestBody: {
          contentType: "application/x-www-form-urlencoded",
          required: true,
          example: { text: TRICKY, tag: ["a", "b"], n: 3 },
          pointer: "",
        },
      }),
    );
    expect(got.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(got.body).entries()]).toEqual([
      ["text", TRICKY],
      ["tag", "a"],
      ["tag", "b"],
      ["n", "3"],
    ]);
  });

  it("sends multipart forms with Postman's boundary", async () => {
    const got = await send(
      op("post", "/upload", {
        requestBody: {
          contentType: "multipart/form-data",
          required: true,
          example: { title: "report" },
          pointer: "",
        },
      }),
    );
    expect(got.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(got.body).toContain('name="title"');
    expect(got.body).toContain("report");
  });
});

describe("spec text that looks like a Postman variable", () => {
  // A spec (third-party text) that names the collection's secret: Postman and Newman would
  // fill it in and send it to the API host. It must arrive as the spec's literal text.
  const SECRET = "sentinel-secret-4f9a";
  const V = "{{client_secret}}";

  async function sendWithSecret(operation: OperationModel, baseUrl = `${origin}/base`) {
    received.length = 0;
    const collection = buildCollection(
      model({ auth: { kind: "none" }, baseUrl, operations: [operation] }),
      passThroughRegistry(),
    );
    const run = await runNewman(collection, { envVar: { client_secret: SECRET } });
    expect(run.scriptErrors).toEqual([]);
    expect(received).toHaveLength(1);
    const got = received[0] as Received;
    expect(JSON.stringify(got)).not.toContain(SECRET);
    return got;
  }

  it.each([
    [
      "a literal path segment",
      "/v{{client_secret}}/x",
      [],
      (got: Received) => expect(decodeURIComponent(got.path)).toBe(`/base/v${V}/x`),
    ],
    [
      "path, query, header and cookie values",
      "/items/{id}",
      [
        param("id", "path", V),
        param("q", "query", V, { required: true }),
        param("X-Thing", "header", V, { required: true }),
        param("session", "cookie", V, { required: true }),
      ],
      (got: Received) => {
        expect(decodeURIComponent(got.path)).toBe(`/base/items/${V}`);
        expect(got.query).toEqual([["q", V]]);
        expect(got.headers["x-thing"]).toBe("%7B%7Bclient_secret}}");
      },
    ],
  ] as const)("%s: never filled in", async (_what, path, parameters, check) => {
    check(await sendWithSecret(op("get", path, { parameters: [...parameters] })));
  });

  it("in the server URL: never filled in", async () => {
    const got = await sendWithSecret(op("get", "/x"), `${origin}/b${V}`);
    expect(decodeURIComponent(got.path)).toBe(`/b${V}/x`);
  });

  it.each([
    [
      "application/json",
      { note: V, list: [V] },
      (body: string) => expect(JSON.parse(body)).toEqual({ note: V, list: [V] }),
    ],
    [
      "application/xml",
      `<a b="${V}">${V}</a>`,
      (body: string) =>
        expect(body).toBe(`<a b="&#123;{client_secret}}">&#123;{client_secret}}</a>`),
    ],
    ["text/plain", `say ${V}`, (body: string) => expect(body).toBe("say %7B%7Bclient_secret}}")],
    [
      "application/x-www-form-urlencoded",
      { text: V, [V]: "k" },
      (body: string) =>
        expect([...new URLSearchParams(body)]).toEqual([
          ["text", V],
          [V, "k"],
        ]),
    ],
    [
      "multipart/form-data",
      { text: V },
      (body: string) => expect(body).toContain("%7B%7Bclient_secret}}"),
    ],
  ] as const)(
    "a %s body: never filled in, exact where the medium can say it",
    async (contentType, example, check) => {
      const got = await sendWithSecret(
        op("post", "/things", {
          requestBody: { contentType, required: true, example, pointer: "" },
        }),
      );
      check(got.body);
    },
  );
});
