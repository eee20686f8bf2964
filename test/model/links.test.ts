import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import { doc, op, specOf } from "./helpers";

/** A list operation whose 200 links `expression` to GET /repos/{slug}. */
function spec(body: object, expression: string) {
  return specOf(
    doc({
      "/repos": {
        get: op({
          operationId: "list",
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: body } },
              links: { one: { operationId: "get", parameters: { slug: expression } } },
            },
          },
        }),
      },
      "/repos/{slug}": {
        get: op({
          operationId: "get",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
        }),
      },
    }),
  );
}

const repo = { type: "object", properties: { slug: { type: "string" } } };

describe("OpenAPI links whose pointer no answer can hold", () => {
  it("a pointer into an array by name (OpenAPI's own link example): left out, with a located warning", () => {
    const { model, problems } = buildModel(
      spec({ type: "array", items: repo }, "$response.body#/slug"),
    );
    expect(model?.chains?.filter((c) => c.origin === "link")).toEqual([]);
    const warning = problems.find((p) => p.code === "invalid-link");
    expect(warning?.pointer).toBe("#/paths/~1repos/get/responses/200/links/one/parameters/slug");
    expect(warning?.message).toContain('the body is an array, which has no "slug"');
  });

  it.each([
    ["the same pointer by index", { type: "array", items: repo }, "$response.body#/0/slug"],
    ["an optional property of an object", repo, "$response.body#/slug"],
    ["a property behind allOf (not judged)", { allOf: [repo] }, "$response.body#/slug"],
  ])("%s: the chain stays", (_name, body, expression) => {
    const { model, problems } = buildModel(spec(body, expression));
    expect(
      model?.chains?.some((c) => c.origin === "link" && c.consumer === "GET /repos/{slug}"),
    ).toBe(true);
    expect(problems.filter((p) => p.code === "invalid-link")).toEqual([]);
  });
});
