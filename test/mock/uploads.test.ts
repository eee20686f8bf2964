import { beforeEach, describe, expect, it } from "vitest";
import { multipartParts } from "../../scripts/mock/multipart";
import type { MockServer } from "../../scripts/mock/types";
import { mock } from "./helpers";
import { inlineModel } from "./inline-model";

// Uploads as the mock judges them: a file part (one with a filename) wherever the schema wants
// bytes, what the generated collections send; a text field there is the mistake they once made.

const binary = { type: "string", format: "binary" };
const spec = {
  openapi: "3.0.3",
  info: { title: "Uploads", version: "1" },
  paths: {
    "/documents": {
      post: {
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["documentFile"],
                properties: {
                  orderId: { type: "integer" },
                  documentFile: binary,
                  pages: { type: "array", items: binary },
                },
              },
            },
          },
        },
        responses: { "201": { description: "stored" } },
      },
    },
    "/images": {
      put: {
        requestBody: { required: true, content: { "image/png": { schema: binary } } },
        responses: { "204": { description: "stored" } },
      },
    },
  },
};

const model = inlineModel(spec);
let server: MockServer;
// helpers.mock closes it after each test.
beforeEach(async () => {
  server = await mock(model);
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0xff]);

function form(fields: Array<[string, string | { file: string }]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) {
    if (typeof value === "string") data.append(name, value);
    else data.append(name, new Blob([PNG]), value.file);
  }
  return data;
}

async function post(body: FormData): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.baseUrl}/documents`, { method: "POST", body });
  return { status: response.status, text: await response.text() };
}

describe("multipart uploads on the mock", () => {
  it("accepts file parts with a filename, one or several under one name", async () => {
    const one = await post(
      form([
        ["orderId", "1"],
        ["documentFile", { file: "a.pdf" }],
      ]),
    );
    expect(one.status, one.text).toBe(201);
    const many = await post(
      form([
        ["documentFile", { file: "a.pdf" }],
        ["pages", { file: "p1.png" }],
        ["pages", { file: "p2.png" }],
      ]),
    );
    expect(many.status, many.text).toBe(201);
  });

  it.each<[string, Array<[string, string | { file: string }]>, string]>([
    [
      "a text field where the schema wants a file",
      [["documentFile", "string"]],
      "request body at /documentFile must be a file (a part with a filename), not a text field",
    ],
    [
      "a text field among the files of an array",
      [
        ["documentFile", { file: "a.pdf" }],
        ["pages", "file"],
      ],
      "request body at /pages must be a file (a part with a filename), not a text field",
    ],
    [
      "no part for a required file",
      [["orderId", "1"]],
      "request body must have required property 'documentFile'",
    ],
  ])("refuses %s with 400", async (_name, fields, problem) => {
    const got = await post(form(fields));
    expect(got.status).toBe(400);
    expect(JSON.parse(got.text).errors).toEqual([problem]);
  });

  it("takes a raw image body as sent, and still refuses another type or none", async () => {
    const put = (body: Uint8Array | string | undefined, type?: string) =>
      fetch(`${server.baseUrl}/images`, {
        method: "PUT",
        ...(body !== undefined && { body }),
        ...(type && { headers: { "content-type": type } }),
      });
    expect((await put(PNG, "image/png")).status).toBe(204);
    expect((await put("hello", "text/plain")).status).toBe(400);
    expect((await put(undefined)).status).toBe(400);
  });
});

describe("reading multipart parts", () => {
  it.each([
    ['form-data; name="doc"; filename="a.pdf"', { name: "doc", file: true }],
    ['form-data; filename="a.pdf"; name="doc"', { name: "doc", file: true }],
    ["form-data; name=doc", { name: "doc", file: false }],
    ['form-data; name="filename"', { name: "filename", file: false }],
  ])("%s", (disposition, want) => {
    const body = `--b\r\nContent-Disposition: ${disposition}\r\n\r\nx\r\n--b--\r\n`;
    expect(multipartParts("multipart/form-data; boundary=b", body)).toEqual([want]);
  });
});
