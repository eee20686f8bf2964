import { describe, expect, it } from "vitest";
import { chooseContentType } from "../../scripts/model/bodies";
import { buildModel } from "../../scripts/model/build";
import { doc, op, specOf } from "./helpers";

const json = "application/json";

describe("request body content type", () => {
  it.each([
    { given: ["application/xml", "application/json", "text/plain"], want: "application/json" },
    {
      given: ["application/xml", "application/vnd.api+json", "application/x-www-form-urlencoded"],
      want: "application/vnd.api+json",
    },
    {
      given: ["application/json; charset=utf-8", "application/problem+json"],
      want: "application/json; charset=utf-8",
    },
    {
      given: ["multipart/form-data", "application/x-www-form-urlencoded"],
      want: "application/x-www-form-urlencoded",
    },
    { given: ["text/plain", "multipart/form-data"], want: "multipart/form-data" },
    { given: ["application/octet-stream", "text/csv"], want: "text/csv" },
    { given: ["application/xml", "application/octet-stream"], want: "application/xml" },
    { given: [], want: undefined },
  ])("$given → $want", ({ given, want }) => {
    expect(chooseContentType(given)).toBe(want);
  });
});

function bodyOf(requestBody: object, root: object = {}) {
  const { model, problems } = buildModel(
    specOf(doc({ "/a": { post: op({ requestBody }) } }, root)),
    {},
  );
  return { body: model?.operations[0]?.requestBody, codes: problems.map((p) => p.code) };
}

const pet = {
  type: "object",
  required: ["name"],
  properties: { name: { type: "string" }, age: { type: "integer", minimum: 1 } },
};

describe("request body example", () => {
  it.each([
    {
      name: "media example",
      media: {
        schema: pet,
        example: { name: "media" },
        examples: { a: { value: { name: "examples" } } },
      },
      want: { name: "media" },
    },
    {
      name: "first of media examples",
      media: { schema: pet, examples: { a: { value: { name: "examples" } } } },
      want: { name: "examples" },
    },
    {
      name: "schema example",
      media: { schema: { ...pet, example: { name: "schema" } } },
      want: { name: "schema" },
    },
  ])("spec first: $name", ({ media, want }) => {
    const { body } = bodyOf({ required: true, content: { [json]: media } });
    expect(body).toMatchObject({
      contentType: json,
      required: true,
      example: want,
      exampleSource: "spec",
    });
  });

  it("otherwise a generated sample that satisfies the schema", () => {
    const { body, codes } = bodyOf({ content: { [json]: { schema: pet } } });
    expect(body).toMatchObject({
      required: false,
      example: { name: "example", age: 1 },
      exampleSource: "generated",
    });
    expect(codes).not.toContain("invalid-example");
  });

  it("readOnly properties are left out of request samples, even when required", () => {
    const schema = {
      type: "object",
      required: ["id", "name"],
      properties: { id: { type: "integer", readOnly: true }, name: { type: "string" } },
    };
    expect(bodyOf({ content: { [json]: { schema } } }).body?.example).toEqual({ name: "example" });
  });

  it("follows a requestBody $ref", () => {
    const { body } = bodyOf(
      { $ref: "#/components/requestBodies/Pet" },
      { components: { requestBodies: { Pet: { content: { [json]: { schema: pet } } } } } },
    );
    expect(body).toMatchObject({ contentType: json, pointer: "#/components/requestBodies/Pet" });
  });

  it("form bodies get an object sample too", () => {
    const { body } = bodyOf({
      content: {
        "multipart/form-data": {
          schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
        },
      },
    });
    expect(body).toMatchObject({
      contentType: "multipart/form-data",
      example: { file: expect.any(String) },
    });
  });
});

describe("responses", () => {
  const responses = {
    "200": {
      description: "OK",
      headers: {
        "X-Rate-Limit": { required: true, schema: { type: "integer" } },
        "Content-Type": { schema: { type: "string" } },
        Ref: { $ref: "#/components/headers/Trace" },
      },
      content: {
        [json]: {
          schema: pet,
          examples: { first: { value: { name: "one" } }, second: { value: { name: "two" } } },
        },
        "application/xml": { schema: pet },
        "text/plain": { schema: { type: "string", example: "plain" } },
      },
    },
    "404": { $ref: "#/components/responses/NotFound" },
    default: { description: "Error", content: { [json]: { schema: pet, example: { name: 5 } } } },
  };
  const root = {
    components: {
      headers: { Trace: { schema: { type: "string" } } },
      responses: { NotFound: { description: "Not found" } },
    },
  };

  it("keeps statuses as written, contents with schema and only spec-given examples, headers", () => {
    const { model } = buildModel(specOf(doc({ "/a": { get: { responses } } }, root)), {});
    const [ok, notFound, fallback] = model?.operations[0]?.responses ?? [];
    expect(ok?.contents).toEqual([
      { contentType: json, schema: pet, example: { name: "one" } },
      { contentType: "application/xml", schema: pet },
      { contentType: "text/plain", schema: { type: "string", example: "plain" }, example: "plain" },
    ]);
    expect(ok?.headers).toEqual([
      { name: "X-Rate-Limit", required: true, schema: { type: "integer" } },
      { name: "Ref", required: false, schema: { type: "string" } },
    ]);
    expect(notFound).toMatchObject({
      status: "404",
      description: "Not found",
      contents: [],
      pointer: "#/components/responses/NotFound",
    });
    expect(fallback?.status).toBe("default");
  });

  it("a response example that breaks its schema is kept, with a warning at the example", () => {
    const { model, problems } = buildModel(specOf(doc({ "/a": { get: { responses } } }, root)), {});
    expect(model?.operations[0]?.responses[2]?.contents[0]?.example).toEqual({ name: 5 });
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "invalid-example",
        pointer: "#/paths/~1a/get/responses/default/content/application~1json/example",
      }),
    );
  });
});

describe("request bodies a validating server may rightly reject", () => {
  const event = { type: "object", properties: { kind: { type: "string" } }, required: ["kind"] };
  it("oneOf branches only a discriminator separates: marked, with a located warning", () => {
    const { body, codes } = bodyOf(
      {
        content: {
          [json]: {
            schema: {
              oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
              discriminator: { propertyName: "kind" },
            },
          },
        },
      },
      { components: { schemas: { A: event, B: event } } },
    );
    expect(body?.mayReject).toBe(true);
    expect(codes).toContain("unsatisfiable-schema");
  });

  it("exclusive oneOf branches: not marked", () => {
    const only = (kind: string) => ({ ...event, properties: { kind: { enum: [kind] } } });
    const { body, codes } = bodyOf({
      content: { [json]: { schema: { oneOf: [only("a"), only("b")] } } },
    });
    expect(body?.mayReject).toBeUndefined();
    expect(codes).not.toContain("unsatisfiable-schema");
  });

  it("an allOf no value satisfies: marked", () => {
    const { body } = bodyOf({
      content: { [json]: { schema: { allOf: [{ type: "string" }, { type: "integer" }] } } },
    });
    expect(body?.mayReject).toBe(true);
  });
});

describe("a request example that breaks its schema", () => {
  const schema = {
    type: "object",
    required: ["name", "code"],
    properties: {
      name: { type: "string" },
      code: { type: "string" },
      tags: { type: "array", items: { type: "string" } },
    },
  };
  it("is repaired where that is lossless, with a warning at the example", () => {
    const { model, problems } = buildModel(
      specOf(
        doc({
          "/a": {
            post: op({
              requestBody: {
                content: { [json]: { schema, example: { name: "n", code: 1713, tags: "one" } } },
              },
            }),
          },
        }),
      ),
      {},
    );
    expect(model?.operations[0]?.requestBody?.example).toEqual({
      name: "n",
      code: "1713",
      tags: ["one"],
    });
    const warning = problems.find((p) => p.code === "invalid-example");
    expect(warning?.pointer).toBe("#/paths/~1a/post/requestBody/content/application~1json/example");
    expect(warning?.message).toMatch(/sends it coerced to the declared types/);
  });

  it("is replaced by a generated sample when coercion cannot fix it", () => {
    const { body } = bodyOf({
      content: { [json]: { schema, example: { name: "n" } } },
    });
    expect(body?.example).toMatchObject({ name: expect.any(String), code: expect.any(String) });
    expect(body?.exampleSource).toBe("generated");
  });
});
