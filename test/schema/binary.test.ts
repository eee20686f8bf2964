import { describe, expect, it } from "vitest";
import { fileParts, isBinaryBody } from "../../scripts/schema/binary";
import type { Dialect } from "../../scripts/schema/types";

const components: Record<string, unknown> = {
  "#/components/schemas/Upload": {
    type: "object",
    properties: { scan: { $ref: "#/components/schemas/Bytes" } },
  },
  "#/components/schemas/Bytes": { type: "string", format: "binary" },
};
const resolve = (ref: string) => components[ref];
const binary = { type: "string", format: "binary" };

describe("which multipart properties are files", () => {
  it.each<[string, Dialect, unknown, unknown, unknown]>([
    [
      "3.0 format binary, text beside it",
      "3.0",
      { type: "object", properties: { id: { type: "integer" }, doc: binary } },
      undefined,
      [{ name: "doc", count: 1 }],
    ],
    [
      "an array of files: two parts",
      "3.0",
      { type: "object", properties: { files: { type: "array", items: binary } } },
      undefined,
      [{ name: "files", count: 2 }],
    ],
    [
      "an array of files within maxItems 1, and up to minItems 3",
      "3.0",
      {
        type: "object",
        properties: {
          one: { type: "array", maxItems: 1, items: binary },
          three: { type: "array", minItems: 3, items: binary },
        },
      },
      undefined,
      [
        { name: "one", count: 1 },
        { name: "three", count: 3 },
      ],
    ],
    [
      "through $refs and allOf",
      "3.0",
      { allOf: [{ $ref: "#/components/schemas/Upload" }] },
      undefined,
      [{ name: "scan", count: 1 }],
    ],
    [
      "the encoding's contentType names the part's type",
      "3.0",
      { type: "object", properties: { cover: binary } },
      { cover: { contentType: "image/png, image/jpeg" } },
      [{ name: "cover", count: 1, contentType: "image/png" }],
    ],
    [
      "3.1 contentMediaType is a file; with contentEncoding it is text",
      "3.1",
      {
        type: "object",
        properties: {
          photo: { type: "string", contentMediaType: "image/png" },
          b64: { type: "string", contentMediaType: "image/png", contentEncoding: "base64" },
        },
      },
      undefined,
      [{ name: "photo", count: 1, contentType: "image/png" }],
    ],
    [
      "3.0 ignores contentMediaType",
      "3.0",
      { type: "object", properties: { photo: { type: "string", contentMediaType: "image/png" } } },
      undefined,
      [],
    ],
  ])("%s", (_name, dialect, schema, encoding, want) => {
    expect(fileParts(schema, encoding, dialect, resolve)).toEqual(want);
  });
});

describe("which raw bodies are bytes", () => {
  it.each<[string, unknown, boolean]>([
    ["image/png", binary, true],
    ["image/png", { type: "string" }, true],
    ["application/octet-stream", undefined, true],
    ["application/pdf", {}, true],
    ["application/vnd.ms-excel", binary, true],
    ["application/vnd.ms-excel", { type: "string" }, false],
    ["image/png", { type: "string", contentEncoding: "base64" }, false],
    ["application/json", binary, false],
    ["text/plain", binary, false],
    ["application/xml", { type: "string" }, false],
    ["application/octet-stream", { type: "object" }, false],
  ])("%s %j → %s", (contentType, schema, want) => {
    expect(isBinaryBody(contentType, schema, "3.0", resolve)).toBe(want);
  });
});
