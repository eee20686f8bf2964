import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isSafePattern } from "../../scripts/schema/safe-pattern";
import { compileLikeNewman } from "../schema/ajv6";
import { run } from "../schema/case";
import { doc } from "./helpers";
import { createOracle } from "./oracle";

const CHILD = fileURLToPath(new URL("./sample-child.ts", import.meta.url));

interface ChildResult {
  example: unknown;
  problems: { code: string; pointer?: string; message: string }[];
  rssMb: number;
}

/**
 * Builds the model of `document` in a child process, which is killed after 30 s: an endless
 * loop or a gigabyte allocation fails the test instead of hanging or crashing the runner.
 */
function modelInChild(document: object): ChildResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", CHILD], {
    input: JSON.stringify(document),
    encoding: "utf8",
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=512" },
  });
  expect(result.signal, "the child was killed: it did not finish").toBeNull();
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ChildResult;
}

/** A document with one POST /items whose JSON body is `#/components/schemas/Body`. */
function bodyDocument(schemas: Record<string, unknown>): object {
  const content = { "application/json": { schema: { $ref: "#/components/schemas/Body" } } };
  return doc(
    { "/items": { post: { requestBody: { content }, responses: { "204": { description: "" } } } } },
    { components: { schemas } },
  );
}

const validFor = (document: object, value: unknown) =>
  createOracle(document, "request").check("#/components/schemas/Body", value);

describe("sample limits", () => {
  it("pads an empty example up to minLength instead of looping forever", () => {
    const document = bodyDocument({
      Body: {
        type: "object",
        required: ["code"],
        properties: { code: { type: "string", minLength: 8, example: "" } },
      },
    });
    const { example } = modelInChild(document);
    expect(validFor(document, example)).toBeUndefined();
    expect((example as { code: string }).code).toHaveLength(8);
  });

  it("caps a minLength of 10^9 with a located warning instead of allocating a gigabyte", () => {
    const document = bodyDocument({
      Body: {
        type: "object",
        required: ["blob"],
        properties: { blob: { $ref: "#/components/schemas/Blob" } },
      },
      Blob: { type: "string", minLength: 1_000_000_000 },
    });
    const { example, problems, rssMb } = modelInChild(document);
    expect((example as { blob: string }).blob.length).toBeLessThanOrEqual(4096);
    expect(rssMb).toBeLessThan(400);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "example-over-budget",
        pointer: "#/components/schemas/Blob",
        message: expect.stringContaining("minLength 1000000000"),
      }),
    );
  });

  it("does not hang on a spec example that nearly matches a catastrophic pattern", () => {
    const document = bodyDocument({
      Body: {
        type: "object",
        required: ["word"],
        properties: { word: { type: "string", pattern: "^(a+)+$", example: `${"a".repeat(40)}!` } },
      },
    });
    const { problems } = modelInChild(document);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "example-over-budget",
        message: expect.stringContaining("exponential time"),
      }),
    );
  });
});

/**
 * Shaped like Microsoft Graph's entities: every entity has many optional properties that are
 * other entities or lists of them, and few required ones. Unbudgeted, one body is megabytes.
 */
function graphLike(entities: number, width: number): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let e = 0; e < entities; e++) {
    const properties: Record<string, unknown> = {
      "@odata.type": { type: "string", example: `#graph.entity${e}` },
      id: { type: "string" },
    };
    for (let p = 0; p < width; p++) {
      const target = { $ref: `#/components/schemas/Entity${(e + p + 1) % entities}` };
      properties[`relation${p}`] = p % 2 === 0 ? target : { type: "array", items: target };
      properties[`note${p}`] = { type: "string", nullable: true, description: "text" };
    }
    schemas[`Entity${e}`] = { type: "object", required: ["@odata.type"], properties };
  }
  return schemas;
}

describe("sample budget", () => {
  it("keeps a Graph-like body under 16 KB, valid, and says what it left out", () => {
    const document = bodyDocument({
      ...graphLike(12, 20),
      Body: { $ref: "#/components/schemas/Entity0" },
    });
    const { example, problems } = modelInChild(document);
    expect(JSON.stringify(example, null, 2).length).toBeLessThanOrEqual(16 * 1024);
    expect(validFor(document, example)).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "example-over-budget",
        pointer: "#/components/schemas/Body",
        message: expect.stringContaining("over the 16 KB budget"),
      }),
    );
  });

  it("keeps every required property even when they alone are over budget, with a warning", () => {
    const leaf = { type: "string", minLength: 40 };
    const names = Array.from({ length: 30 }, (_, i) => `field${i}`);
    const wide = {
      type: "object",
      required: names,
      properties: Object.fromEntries(names.map((n) => [n, leaf])),
    };
    const document = bodyDocument({
      Body: {
        type: "object",
        required: names,
        properties: Object.fromEntries(
          names.map((n) => [n, { $ref: "#/components/schemas/Wide" }]),
        ),
      },
      Wide: wide,
    });
    const { example, problems } = modelInChild(document);
    expect(validFor(document, example)).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "example-over-budget",
        message: expect.stringContaining("required properties alone"),
      }),
    );
  });
});

describe("sample work", () => {
  it("stops after a bounded number of values and says so", () => {
    const names = (prefix: string) => Array.from({ length: 200 }, (_, i) => `${prefix}${i}`);
    const object = (keys: string[], sub: unknown) => ({
      type: "object",
      required: keys,
      properties: Object.fromEntries(keys.map((k) => [k, sub])),
    });
    const document = bodyDocument({
      Body: object(names("row"), { $ref: "#/components/schemas/Row" }),
      Row: object(names("cell"), { type: "string" }),
    });
    const { problems } = modelInChild(document);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "example-over-budget",
        message: expect.stringContaining("more than 20000 values"),
      }),
    );
  });
});

describe("catastrophic patterns", () => {
  it.each([
    ["^(a+)+$", false],
    ["(\\w+\\s?)*$", false],
    ["^(a+){7}$", false],
    ["^[a-z]+(-[a-z]+)*$", true],
    ["^(\\d+\\.)*\\d+$", true],
    ["^(?:-?[0-9a-fA-F]{4}){7}$", true],
    ["^(/[^/]+)+$", true],
    ["^(-[a-z-]+)*$", false],
  ])("isSafePattern(%s) is %s", (pattern, safe) => {
    expect(isSafePattern(pattern)).toBe(safe);
  });

  it("leaves a catastrophic pattern out of the contract Newman's Ajv 6 runs, with a located warning", () => {
    const { registry, got } = run({
      given: { $ref: "#/components/schemas/A" },
      components: { A: { properties: { p: { type: "string", pattern: "^(a+)+$" } } } },
      want: undefined,
    });
    const definitions = registry.definitions();
    expect(JSON.stringify(definitions)).not.toContain("(a+)+");
    expect(registry.problems?.().map((p) => [p.code, p.pointer])).toContainEqual([
      "unsupported-schema",
      "#/components/schemas/A/properties/p/pattern",
    ]);
    // Only now that the pattern is gone is it safe to run Ajv 6 on the near-miss.
    const validate = compileLikeNewman(got, definitions);
    expect(validate({ p: `${"a".repeat(40)}!` })).toBe(true);
  });
});

describe("examples past openapi-sampler's depth", () => {
  it("still start from the schema's own example", () => {
    const level = (next: unknown) => ({ type: "object", required: ["next"], properties: { next } });
    const leaf = { type: "string", example: "EUR" };
    const document = bodyDocument({ Body: level(level(level(level(level(leaf))))) });
    const { example } = modelInChild(document);
    expect(JSON.stringify(example)).toContain('"EUR"');
  });
});
