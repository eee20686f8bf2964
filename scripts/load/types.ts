import type { OpenAPIV3, OpenAPIV3_1 } from "openapi-types";
import type { Locator, Problem } from "../problems";

export type SpecVersion = "2.0" | "3.0" | "3.1";

/** Every document downstream is OpenAPI 3.x: Swagger 2.0 is converted on load. */
export type OpenApiDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;

export interface LoadedSpec {
  /** The spec file as the user named it (relative to cwd when inside it). */
  file: string;
  /** Absolute path of the spec file. */
  absolutePath: string;
  /** Version of the document as written (before any 2.0 → 3.0 conversion). */
  version: SpecVersion;
  /**
   * The whole API as one OpenAPI 3.x document: external `$ref`s are bundled in, so every
   * remaining `$ref` is internal (`#/...`). Not dereferenced: circular schemas stay refs.
   */
  document: OpenApiDocument;
  /**
   * The file a JSON pointer of `document` was written in (a `$ref`'d file for a bundled
   * part), the pointer there, and its line/column. Computed lazily (only when a problem is
   * printed) so big JSON specs are never parsed twice. Falls back to the nearest existing
   * parent of the pointer, then to line 1.
   */
  locate: Locator;
}

export interface LoadResult {
  spec?: LoadedSpec;
  /** Errors mean `spec` is absent; warnings may accompany a spec. Already located. */
  problems: Problem[];
}
