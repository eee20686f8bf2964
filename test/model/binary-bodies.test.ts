import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import { doc, op, specOf } from "./helpers";

function bodyOf(requestBody: object, root: object = {}) {
  const { model } = buildModel(specOf(doc({ "/a": { post: op({ requestBody }) } }, root)), {});
  return { body: model?.operations[0]?.requestBody };
}

describe("request data that is bytes", () => {
  it("multipart properties that are files, through a $ref; a raw image body", () => {
    const { body: multipart } = bodyOf(
      {
        content: {
          "multipart/form-data": {
            schema: { $ref: "#/components/schemas/Upload" },
            encoding: { doc: { contentType: "application/pdf" } },
          },
        },
      },
      {
        components: {
          schemas: {
            Upload: {
              type: "object",
              properties: {
                doc: { type: "string", format: "binary" },
                note: { type: "string" },
              },
            },
          },
        },
      },
    );
    expect(multipart?.files).toEqual([{ name: "doc", count: 1, contentType: "application/pdf" }]);
    expect(multipart?.binary).toBeUndefined();
    const { body: image } = bodyOf({
      content: { "image/png": { schema: { type: "string", format: "binary" } } },
    });
    expect(image?.binary).toBe(true);
    const { body: text } = bodyOf({ content: { "text/plain": { schema: { type: "string" } } } });
    expect(text?.binary).toBeUndefined();
  });

  it("Swagger 2.0 formData `type: file` is a file part once loaded", async () => {
    const loaded = await loadSpec("test/prism/fixtures/swagger2-consumes.yaml", {
      cwd: process.cwd(),
    });
    if (!loaded.spec) throw new Error("fixture does not load");
    const { model } = buildModel(loaded.spec, {});
    const upload = model?.operations.find((o) => o.path === "/uploads");
    expect(upload?.requestBody?.contentType).toBe("multipart/form-data");
    expect(upload?.requestBody?.files).toEqual([{ name: "file", count: 1 }]);
  });
});
