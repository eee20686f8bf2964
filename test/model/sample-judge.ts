import { expect } from "vitest";
import { createContext } from "../../scripts/model/context";
import { sampleSchema } from "../../scripts/model/sample/index";
import { doc, specOf } from "./helpers";
import { createOracle } from "./oracle";

/** Samples `schema` (as components.schemas.S, next to `others`) and asks Ajv whether it is valid. */
export function sampleAndJudge(
  schema: unknown,
  version: "3.0" | "3.1" = "3.0",
  others: object = {},
  name?: string,
) {
  const document = doc(
    {},
    {
      openapi: version === "3.1" ? "3.1.0" : "3.0.3",
      components: { schemas: { S: schema, ...others } },
    },
  );
  const env = createContext(specOf(document), {}).schemas.request;
  const result = sampleSchema({ $ref: "#/components/schemas/S" }, env, document, { name });
  const again = sampleSchema({ $ref: "#/components/schemas/S" }, env, document, { name });
  return {
    ...result,
    again: again.value,
    ajv: createOracle(document, "request").check("#/components/schemas/S", result.value),
  };
}

export interface ValidSampleCase {
  name: string;
  schema: unknown;
  version?: "3.0" | "3.1";
  others?: object;
  /** The exact sample, where it is pinned. */
  want?: unknown;
}

/** The sample is valid (Ajv finds nothing), stable from one call to the next, and `want` when given. */
export function expectValidSample({ schema, version, others, want }: ValidSampleCase): void {
  const { value, error, again, ajv } = sampleAndJudge(schema, version, others);
  expect({ value, error, ajv }).toEqual({ value, error: undefined, ajv: undefined });
  expect(again).toEqual(value);
  if (want !== undefined) expect(value).toEqual(want);
}
