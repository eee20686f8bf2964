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
