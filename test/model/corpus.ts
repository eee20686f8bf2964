import { readdirSync } from "node:fs";
import path from "node:path";
import type { LoadedSpec } from "../../scripts/load/types";
import { buildModel } from "../../scripts/model/build";
import { createContext } from "../../scripts/model/context";
import { child } from "../../scripts/model/resolve";
import { firstError } from "../../scripts/model/sample/index";
import type { ExampleSource, ModelResult } from "../../scripts/model/types";
import { createOracle } from "./oracle";

export const EXAMPLES_ROOT = "node_modules/@readme/oas-examples";

/** Every JSON spec of @readme/oas-examples (the yaml folders hold the same specs). */
export function corpusFiles(versions: string[] = ["3.0", "3.1"]): string[] {
  return versions.flatMap((version) => {
    const dir = path.join(EXAMPLES_ROOT, version, "json");
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => path.join(dir, f));
  });
}

export interface ExampleCheck {
  file: string;
  /** Pointer of the schema the example is for. */
  pointer: string;
  source: ExampleSource;
  mode: "request" | "response";
  /** Our validator's first error (undefined: valid). */
  ours: string | undefined;
  /** Ajv's first error (undefined: valid; "compile": Ajv cannot compile the schema). */
  ajv: string | undefined;
  /** buildModel warned that it could not generate a valid value here. */
  warned: boolean;
}

/** Runs buildModel and judges every parameter, body and response example twice: by us and by Ajv. */
export function checkExamples(spec: LoadedSpec): { result: ModelResult; checks: ExampleCheck[] } {
  const result = buildModel(spec, {});
  const checks: ExampleCheck[] = [];
  const model = result.model;
  if (!model) return { result, checks };
  const { schemas } = createContext(spec, {});
  const oracles = {
    request: createOracle(spec.document, "request"),
    response: createOracle(spec.document, "response"),
  };
  const warned = new Set(
    result.problems.filter((p) => p.code === "invalid-example").map((p) => p.pointer),
  );
  const add = (
    pointer: string,
    schema: unknown,
    value: unknown,
    source: ExampleSource,
    mode: "request" | "response",
  ) => {
    checks.push({
      file: spec.file,
      pointer,
      source,
      mode,
      ours: firstError(value, schema, schemas[mode]),
      ajv: oracles[mode].check(pointer, value),
      warned: source === "generated" && warned.has(pointer),
    });
  };
  for (const operation of model.operations) {
    for (const p of operation.parameters) {
      if (p.schema === undefined || p.exampleSource === undefined) continue;
      const pointer = p.contentType
        ? child(p.pointer, "content", p.contentType, "schema")
        : child(p.pointer, "schema");
      add(pointer, p.schema, p.example, p.exampleSource, "request");
    }
    const body = operation.requestBody;
    if (body?.schema !== undefined && body.exampleSource !== undefined) {
      add(
        child(body.pointer, "content", body.contentType, "schema"),
        body.schema,
        body.example,
        body.exampleSource,
        "request",
      );
    }
    for (const response of operation.responses) {
      for (const content of response.contents) {
        if (content.schema === undefined || content.example === undefined) continue;
        add(
          child(response.pointer, "content", content.contentType, "schema"),
          content.schema,
          content.example,
          "spec",
          "response",
        );
      }
    }
  }
  return { result, checks };
}
