import { readdirSync, readFileSync } from "node:fs";
import type { OpenApiDocument } from "../../scripts/load/types";
import type { SchemaMode } from "../../scripts/schema/types";

/** The real specs every translation test runs over. */
export interface RealSpec {
  label: string;
  version: "3.0" | "3.1";
  document: OpenApiDocument;
}

const root = new URL("../../node_modules/", import.meta.url);

export const GITHUB = "@octokit/openapi/generated/api.github.com.json";

export function realSpecFiles(): { file: string; version: "3.0" | "3.1" }[] {
  const files: { file: string; version: "3.0" | "3.1" }[] = [];
  for (const version of ["3.0", "3.1"] as const) {
    const dir = `@readme/oas-examples/${version}/json`;
    for (const name of readdirSync(new URL(dir, root)).sort()) {
      if (name.endsWith(".json")) files.push({ file: `${dir}/${name}`, version });
    }
  }
  files.push({ file: GITHUB, version: "3.0" });
  return files;
}

export function loadSpec(file: string, version: "3.0" | "3.1"): RealSpec {
  const document = JSON.parse(readFileSync(new URL(file, root), "utf8")) as OpenApiDocument;
  return { label: file, version, document };
}

type Node = { [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const escapeToken = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

export interface SchemaSite {
  pointer: string;
  schema: unknown;
  mode: SchemaMode;
}

export interface ExampleSite extends SchemaSite {
  /** Where the example is written. */
  at: string;
  example: unknown;
}

/** Requests carry parameters and request bodies; everything else describes a response. */
const modeOf = (pointer: string): SchemaMode =>
  /\/(requestBody|requestBodies|parameters)(\/|$)/.test(pointer) ? "request" : "response";

/**
 * Every schema the generator can meet: a `$ref` to each component schema (in both modes) and
 * each `schema` of a parameter, header or media type under paths and components.
 */
export function schemaSites(document: OpenApiDocument): SchemaSite[] {
  const sites: SchemaSite[] = [];
  const components = (document.components?.schemas ?? {}) as Node;
  for (const name of Object.keys(components)) {
    const pointer = `#/components/schemas/${escapeToken(name)}`;
    // As operations use them: through a $ref, so the body becomes a shared definition.
    for (const mode of ["response", "request"] as const)
      sites.push({ pointer, schema: { $ref: pointer }, mode });
  }
  forEachSchemaHolder(document, (holder, at) => {
    sites.push({ pointer: `${at}/schema`, schema: holder.schema, mode: modeOf(at) });
  });
  return sites;
}

/**
 * Examples the spec itself gives: `example` (3.0) or `examples` (3.1) on any inline schema
 * node, and `example` / `examples.*.value` beside a media type's or parameter's schema.
 */
export function exampleSites(document: OpenApiDocument, version: "3.0" | "3.1"): ExampleSite[] {
  const sites: ExampleSite[] = [];
  const components = (document.components?.schemas ?? {}) as Node;
  for (const name of Object.keys(components)) {
    inSchema(
      components[name],
      `#/components/schemas/${escapeToken(name)}`,
      "response",
      version,
      sites,
    );
  }
  forEachSchemaHolder(document, (holder, at) => {
    const pointer = `${at}/schema`;
    const mode = modeOf(at);
    inSchema(holder.schema, pointer, mode, version, sites);
    if ("example" in holder)
      sites.push({
        pointer,
        schema: holder.schema,
        mode,
        at: `${at}/example`,
        example: holder.example,
      });
    if (isNode(holder.examples)) {
      for (const [key, example] of Object.entries(holder.examples)) {
        if (isNode(example) && "value" in example) {
          sites.push({
            pointer,
            schema: holder.schema,
            mode,
            at: `${at}/examples/${escapeToken(key)}`,
            example: example.value,
          });
        }
      }
    }
  });
  return sites;
}

function forEachSchemaHolder(
  document: OpenApiDocument,
  visit: (holder: Node, at: string) => void,
): void {
  const walk = (node: unknown, at: string): void => {
    if (!isNode(node)) return;
    if (isNode(node.schema)) visit(node, at);
    for (const [key, child] of Object.entries(node)) {
      // Schema trees, example payloads and extensions hold no parameters or media types.
      if (
        key.startsWith("x-") ||
        key === "schema" ||
        key === "schemas" ||
        key === "example" ||
        key === "examples"
      )
        continue;
      if (Array.isArray(child)) {
        for (const [i, c] of child.entries()) walk(c, `${at}/${escapeToken(key)}/${i}`);
      } else walk(child, `${at}/${escapeToken(key)}`);
    }
  };
  walk((document as unknown as Node).paths, "#/paths");
  walk((document as unknown as Node).components, "#/components");
}

function inSchema(
  schema: unknown,
  pointer: string,
  mode: SchemaMode,
  version: string,
  sites: ExampleSite[],
): void {
  if (!isNode(schema)) return;
  // A 3.0 Reference Object ignores its siblings, example included.
  if (typeof schema.$ref === "string" && version === "3.0") return;
  if (version === "3.0" && "example" in schema) {
    sites.push({ pointer, schema, mode, at: `${pointer}/example`, example: schema.example });
  }
  if (version === "3.1" && Array.isArray(schema.examples)) {
    for (const [i, example] of schema.examples.entries()) {
      sites.push({ pointer, schema, mode, at: `${pointer}/examples/${i}`, example });
    }
  }
  for (const key of ["properties", "patternProperties"]) {
    const children = schema[key];
    if (isNode(children))
      for (const [name, child] of Object.entries(children))
        inSchema(child, `${pointer}/${key}/${escapeToken(name)}`, mode, version, sites);
  }
  for (const key of ["items", "additionalProperties", "not"]) {
    if (isNode(schema[key])) inSchema(schema[key], `${pointer}/${key}`, mode, version, sites);
  }
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const [i, member] of members.entries()) {
      inSchema(member, `${pointer}/${key}/${i}`, mode, version, sites);
    }
  }
}

/** The definitions `schema` reaches, so a compile does not re-validate the whole set. */
export function reachable(
  schema: unknown,
  definitions: Record<string, unknown>,
): Record<string, unknown> {
  const reached: Record<string, unknown> = {};
  const pending = [schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isNode(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/definitions/")) {
          const name = value.slice("#/definitions/".length);
          if (!(name in reached)) {
            reached[name] = definitions[name];
            pending.push(definitions[name]);
          }
        } else {
          pending.push(value);
        }
      }
    }
  }
  return reached;
}
