import { describe, expect, it } from "vitest";
import { requestBody } from "../../scripts/collection/body";
import type { BodyModel } from "../../scripts/model/types";

const body = (contentType: string, example: unknown): BodyModel => ({
  contentType,
  required: true,
  example,
  pointer: "",
});

describe("request bodies by content type", () => {
  it.each([
    [
      "JSON is pretty-printed raw with language json",
      body("application/json", { b: 1, a: [true] }),
      {
        body: {
          mode: "raw",
          raw: '{\n  "b": 1,\n  "a": [\n    true\n  ]\n}',
          options: { raw: { language: "json" } },
        },
        contentType: "application/json",
      },
    ],
    [
      "+json media types count as JSON",
      body("application/merge-patch+json", { a: 1 }),
      {
        body: { mode: "raw", raw: '{\n  "a": 1\n}', options: { raw: { language: "json" } } },
        contentType: "application/merge-patch+json",
      },
    ],
    [
      "*/* is sent as JSON",
      body("*/*", { a: 1 }),
      {
        body: { mode: "raw", raw: '{\n  "a": 1\n}', options: { raw: { language: "json" } } },
        contentType: "application/json",
      },
    ],
    [
      "urlencoded forms repeat array fields",
      body("application/x-www-form-urlencoded", { tag: ["a", "b"], n: 1, skip: undefined }),
      {
        body: {
          mode: "urlencoded",
          urlencoded: [
            { key: "tag", value: "a", type: "text" },
            { key: "tag", value: "b", type: "text" },
            { key: "n", value: "1", type: "text" },
          ],
        },
        contentType: "application/x-www-form-urlencoded",
      },
    ],
    [
      "multipart leaves Content-Type to Postman (it picks the boundary)",
      body("multipart/form-data", { title: "t", meta: { a: 1 } }),
      {
        body: {
          mode: "formdata",
          formdata: [
            { key: "title", value: "t", type: "text" },
            { key: "meta", value: '{"a":1}', type: "text" },
          ],
        },
      },
    ],
    [
      "XML strings are sent as written",
      body("application/xml", "<a/>"),
      {
        body: { mode: "raw", raw: "<a/>", options: { raw: { language: "xml" } } },
        contentType: "application/xml",
      },
    ],
    [
      "plain text",
      body("text/plain; charset=utf-8", "hello"),
      { body: { mode: "raw", raw: "hello" }, contentType: "text/plain; charset=utf-8" },
    ],
    [
      "multipart files are file parts with the sample file, in the example's order",
      {
        ...body("multipart/form-data", { id: 1, doc: "string", pics: ["x"] }),
        files: [
          { name: "doc", count: 1 },
          { name: "pics", count: 2, contentType: "image/png" },
          { name: "extra", count: 1 },
        ],
      },
      {
        body: {
          mode: "formdata",
          formdata: [
            { key: "id", value: "1", type: "text" },
            { key: "doc", type: "file", src: "files/sample.bin" },
            { key: "pics", type: "file", src: "files/sample.png", contentType: "image/png" },
            { key: "pics", type: "file", src: "files/sample.png", contentType: "image/png" },
            { key: "extra", type: "file", src: "files/sample.bin" },
          ],
        },
      },
    ],
    [
      "a body of bytes is the sample file (a PNG for image/png)",
      { ...body("image/png", "string"), binary: true as const },
      { body: { mode: "file", file: { src: "files/sample.png" } }, contentType: "image/png" },
    ],
    [
      "a user's own body of bytes goes as written",
      {
        ...body("application/octet-stream", "abc"),
        binary: true as const,
        exampleSource: "user" as const,
      },
      { body: { mode: "raw", raw: "abc" }, contentType: "application/octet-stream" },
    ],
  ])("%s", (_name, model, want) => {
    expect(requestBody(model)).toEqual(want);
  });
});
