import type { OpenAPIV3 } from "openapi-types";
import { settleUndeclaredConsumes } from "./consumes";
import type { Finding } from "./finding";
import { parsePointer } from "./pointer";

const WARNING_KEY = "x-s2o-warning";

export type ConvertResult =
  | { ok: true; document: OpenAPIV3.Document; warnings: Finding[] }
  | { ok: false; error: Finding };

// The converter prints its exception with console.warn before rejecting; it becomes a problem
// instead, so that noise is muted while conversions run (counted: loads may overlap).
let muted = 0;
let originalWarn = console.warn;

function muteConsoleWarn(): void {
  if (muted++ === 0) {
    originalWarn = console.warn;
    console.warn = () => {};
  }
}

function unmuteConsoleWarn(): void {
  if (--muted === 0) console.warn = originalWarn;
}

/** Moves the converter's in-document warnings out into findings (and out of the document). */
function takeWarnings(document: unknown): Finding[] {
  const warnings: Finding[] = [];
  const path: string[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (!Array.isArray(value) && typeof record[WARNING_KEY] === "string") {
      warnings.push({
        code: "conversion-failed",
        severity: "warning",
        segments: [...path],
        message: `Swagger 2.0 → OpenAPI 3.0: ${record[WARNING_KEY]}; the converted spec may be incomplete here.`,
      });
      delete record[WARNING_KEY];
    }
    for (const key of Object.keys(record)) {
      path.push(key);
      visit(record[key]);
      path.pop();
    }
  };
  visit(document);
  return warnings;
}

/** The converter's errors carry no location; some name a pointer or the map they are about. */
function whereFailed(reason: string): string[] {
  const pointer = /#\/[^\s'"]*/.exec(reason)?.[0];
  const segments = pointer ? parsePointer(pointer) : undefined;
  if (segments) return segments;
  if (/securityScheme/i.test(reason)) return ["securityDefinitions"];
  if (/sanitised parameter/i.test(reason)) return ["parameters"];
  if (/sanitised response/i.test(reason)) return ["responses"];
  return [];
}

/**
 * The converter drops the query string of every OAuth2 URL (`split('?')[0]`), but KPN's token
 * endpoint needs `?grant_type=client_credentials` there: put the URLs back as written.
 */
function restoreTokenUrlQueries(swagger: object, document: OpenAPIV3.Document): void {
  const definitions = (swagger as { securityDefinitions?: unknown }).securityDefinitions;
  const schemes = document.components?.securitySchemes;
  if (typeof definitions !== "object" || definitions === null || !schemes) return;
  for (const [name, definition] of Object.entries(definitions as Record<string, unknown>)) {
    const written = definition as {
      type?: unknown;
      tokenUrl?: unknown;
      authorizationUrl?: unknown;
    };
    const scheme = schemes[name] as OpenAPIV3.OAuth2SecurityScheme | undefined;
    if (written?.type !== "oauth2" || scheme?.type !== "oauth2") continue;
    for (const flow of Object.values(scheme.flows) as Array<Record<string, unknown>>) {
      if (typeof written.tokenUrl === "string" && "tokenUrl" in flow)
        flow.tokenUrl = written.tokenUrl;
      if (typeof written.authorizationUrl === "string" && "authorizationUrl" in flow) {
        flow.authorizationUrl = written.authorizationUrl;
      }
    }
  }
}

/**
 * Swagger 2.0 → OpenAPI 3.0 with swagger2openapi, patching what it can and warning about the
 * rest. Refs stay internal (`resolve: false`): the document was bundled before this.
 */
export async function convertSwagger2(swagger: object): Promise<ConvertResult> {
  muteConsoleWarn();
  try {
    // Loaded only for 2.0 specs: it is the heaviest import of the load stage.
    const { default: swagger2openapi } = await import("swagger2openapi");
    const converted = await swagger2openapi.convertObj(swagger, {
      patch: true,
      warnOnly: true,
      resolve: false,
      // Only tested for presence; without it the converter serialises the whole spec to YAML.
      text: "-",
    });
    const document = converted.openapi as unknown as OpenAPIV3.Document;
    restoreTokenUrlQueries(swagger, document);
    const warnings = takeWarnings(document);
    warnings.push(...settleUndeclaredConsumes(swagger, document));
    return { ok: true, document, warnings };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: "conversion-failed",
        severity: "error",
        segments: whereFailed(reason),
        message: `Could not convert this Swagger 2.0 spec to OpenAPI 3.0: ${reason}; fix the spec there, or convert it to OpenAPI 3 yourself.`,
      },
    };
  } finally {
    unmuteConsoleWarn();
  }
}
