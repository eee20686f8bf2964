import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { LoadedSpec, OpenApiDocument } from "../../scripts/load/types";

/** A LoadedSpec around an inline document; every pointer locates to line 1. */
export function specOf(document: object, file = "api.yaml"): LoadedSpec {
  const version = String((document as { openapi?: unknown }).openapi ?? "3.0.3").startsWith("3.1")
    ? "3.1"
    : "3.0";
  return {
    file,
    absolutePath: path.resolve(file),
    version,
    document: document as OpenApiDocument,
    locate: () => ({ file, line: 1, column: 1 }),
  };
}

/** A minimal OpenAPI 3.0 document: `paths` and extra root fields merged in. */
export function doc(paths: object, root: object = {}): object {
  return {
    openapi: "3.0.3",
    info: { title: "Test API", version: "1.0.0" },
    servers: [{ url: "https://api.example.com/v1" }],
    paths,
    ...root,
  };
}

/** One GET operation with the given fields. */
export const op = (fields: object = {}): object => ({
  responses: { "200": { description: "OK" } },
  ...fields,
});

/** A spec file read with `yaml` (until every caller goes through loadSpec). */
export function specFromFile(file: string): LoadedSpec {
  return specOf(parse(readFileSync(file, "utf8")) as object, file);
}
