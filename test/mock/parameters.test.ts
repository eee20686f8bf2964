import { describe, expect, it } from "vitest";
import { mock } from "./helpers";
import { inlineModel } from "./inline-model";

const ints = { type: "array", items: { type: "integer" } };
const filter = {
  type: "object",
  additionalProperties: false,
  properties: { colour: { type: "string", enum: ["red", "blue"] }, size: { type: "integer" } },
};

function op(parameters: object[]) {
  return { get: { parameters, responses: { "204": { description: "ok" } } } };
}

/** One operation per serialisation style, no security: only parameter parsing is under test. */
const styles = {
  openapi: "3.0.3",
  info: { title: "Styles", version: "1" },
  servers: [{ url: "/api" }],
  paths: {
    "/simple/{ids}": op([{ name: "ids", in: "path", required: true, schema: ints }]),
    "/label/{ids}": op([
      { name: "ids", in: "path", required: true, style: "label", explode: true, schema: ints },
    ]),
    "/matrix/{id}": op([
      { name: "id", in: "path", required: true, style: "matrix", schema: { type: "integer" } },
    ]),
    "/form": op([{ name: "ids", in: "query", required: true, schema: ints }]),
    "/form-flat": op([{ name: "ids", in: "query", required: true, explode: false, schema: ints }]),
    "/pipes": op([
      {
        name: "ids",
        in: "query",
        required: true,
        style: "pipeDelimited",
        explode: false,
        schema: ints,
      },
    ]),
    "/deep": op([
      {
        name: "filter",
        in: "query",
        required: true,
        style: "deepObject",
        explode: true,
        schema: filter,
      },
    ]),
    "/spread": op([
      { name: "filter", in: "query", required: true, schema: filter },
      { name: "page", in: "query", schema: { type: "integer" } },
    ]),
    "/headers": op([
      { name: "X-Ids", in: "header", required: true, schema: ints },
      { name: "X-Filter", in: "header", explode: true, schema: filter },
      { name: "Authorization", in: "header", required: true, schema: { type: "integer" } },
    ]),
    "/cookies": op([
      { name: "session", in: "cookie", required: true, schema: { type: "string", minLength: 4 } },
    ]),
  },
};

describe("parameters are read back following style and explode", () => {
  it.each([
    ["simple path array", "/simple/1,2,3", {}],
    ["label path array, exploded", "/label/.1.2.3", {}],
    ["matrix path value", "/matrix/;id=5", {}],
    ["form query array, exploded", "/form?ids=1&ids=2", {}],
    ["form query array, one value", "/form?ids=1", {}],
    ["form query array, not exploded", "/form-flat?ids=1,2", {}],
    ["pipe-delimited query array", "/pipes?ids=1%7C2", {}],
    ["deepObject query object", "/deep?filter%5Bcolour%5D=red&filter%5Bsize%5D=3", {}],
    ["form query object, exploded", "/spread?colour=blue&size=2&page=1", {}],
    [
      "header array and exploded object",
      "/headers",
      { "x-ids": "1,2", "x-filter": "colour=red,size=3" },
    ],
    ["cookie", "/cookies", { cookie: "other=1; session=abcd" }],
  ])("accepts a %s", async (_name, path, headers) => {
    const server = await mock(inlineModel(styles));
    const response = await fetch(`${server.baseUrl}${path}`, { headers });
    expect(response.status, await response.clone().text()).toBe(204);
  });

  it.each([
    ["an item that is no integer", "/simple/1,x", {}, "path parameter 'ids' at /1 must be integer"],
    [
      "a non-integer in a form array",
      "/form?ids=1&ids=two",
      {},
      "query parameter 'ids' at /1 must be integer",
    ],
    ["a missing required query array", "/form", {}, "query parameter 'ids' is required"],
    [
      "a deepObject value outside the enum",
      "/deep?filter%5Bcolour%5D=green",
      {},
      "query parameter 'filter' at /colour must be one of",
    ],
    [
      "an unknown deepObject property",
      "/deep?filter%5Bshape%5D=round",
      {},
      "query parameter 'filter' must not have property 'shape'",
    ],
    [
      "a header array item of the wrong type",
      "/headers",
      { "x-ids": "1,b" },
      "header 'X-Ids' at /1 must be integer",
    ],
    [
      "a short cookie",
      "/cookies",
      { cookie: "session=ab" },
      "cookie 'session' must not be shorter than 4 characters",
    ],
    ["a missing cookie", "/cookies", {}, "cookie 'session' is required"],
  ])("refuses %s", async (_name, path, headers, problem) => {
    const server = await mock(inlineModel(styles));
    const response = await fetch(`${server.baseUrl}${path}`, { headers });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: string[] };
    expect(body.errors.join("\n")).toContain(problem);
  });
});
