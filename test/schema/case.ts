import { expect } from "vitest";
import type { OpenApiDocument, SpecVersion } from "../../scripts/load/types";
import type { OasSchema } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import type { SchemaMode } from "../../scripts/schema/types";
import { compileLikeNewman } from "./ajv6";

/** One row of a translation table: `given` in `mode` translates to `want`. */
export interface Case {
  given: unknown;
  mode?: SchemaMode;
  version?: SpecVersion;
  /** components/schemas of the document the registry reads. */
  components?: Record<string, unknown>;
  want: unknown;
  /** Instances Ajv 6 (as Newman runs it) must accept / reject after translation. */
  valid?: unknown[];
  invalid?: unknown[];
}

function documentWith(version: SpecVersion, components: Record<string, unknown> = {}) {
  return {
    openapi: version === "3.1" ? "3.1.0" : "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: { schemas: components },
  } as unknown as OpenApiDocument;
}

export function run(c: Case) {
  const registry = createSchemaRegistry(
    documentWith(c.version ?? "3.0", c.components),
    c.version ?? "3.0",
  );
  const got = registry.translate(c.given as OasSchema, c.mode ?? "response");
  return { registry, got };
}

export function check(c: Case): void {
  const { registry, got } = run(c);
  expect(got).toEqual(c.want);
  const validate = compileLikeNewman(got, registry.definitions());
  for (const value of c.valid ?? [])
    expect(validate(value), `accepts ${JSON.stringify(value)}`).toBe(true);
  for (const value of c.invalid ?? [])
    expect(validate(value), `rejects ${JSON.stringify(value)}`).toBe(false);
}
