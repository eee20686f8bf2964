import { refSegments, valueAtPointer } from "../../scripts/load/pointer";
import type { OpenApiDocument } from "../../scripts/load/types";
import { createSchemaValidator } from "../../scripts/schema/validator";

/**
 * The judge of generated examples: the schema core (scripts/schema/validator.ts), i.e. the
 * contract translation under the contract check's own Ajv 6 — what Newman will check. It
 * holds no rules of its own; that translation is in turn held to an independent engine (Ajv 8
 * on the raw spec) by test/schema/oracle.ts.
 */
export interface Oracle {
  /** undefined when valid, else the first issue; "compile" when the schema cannot be compiled. */
  check(schemaPointer: string, value: unknown): string | undefined;
}

export function createOracle(document: object, mode: "request" | "response"): Oracle {
  const spec = document as OpenApiDocument;
  const version = String(spec.openapi).startsWith("3.1") ? "3.1" : "3.0";
  const validator = createSchemaValidator(spec, version);
  return {
    check(schemaPointer, value) {
      const segments = refSegments(schemaPointer);
      const schema = segments === undefined ? undefined : valueAtPointer(document, segments);
      if (schema === undefined) return "compile";
      const result = validator.check(schema as never, value, mode);
      if (!result.checked) return "compile";
      if (result.valid) return undefined;
      const first = result.issues[0];
      return `${first?.path ?? ""} ${first?.message ?? "invalid"}`;
    },
  };
}
