import type { Finding } from "./finding";
import { isObject } from "./pointer";
import type { SpecVersion } from "./types";

export type VersionResult =
  | { ok: true; version: SpecVersion; warnings: Finding[] }
  | { ok: false; error: Finding };

function describe(value: unknown): string {
  if (value === null || value === undefined) return "an empty document";
  if (Array.isArray(value)) return "a list";
  return `a single ${typeof value} value`;
}

/** YAML reads `openapi: 3.1` and `swagger: 2.0` as numbers; take them as the author meant. */
function asVersionText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isInteger(value) ? `${value}.0` : String(value);
  return undefined;
}

export function detectVersion(data: unknown): VersionResult {
  if (!isObject(data)) {
    return {
      ok: false,
      error: {
        code: "not-openapi",
        severity: "error",
        segments: [],
        message: `This file is ${describe(data)}, not an OpenAPI document; pass the API spec file (a mapping with an "openapi" or "swagger" field).`,
      },
    };
  }
  if ("openapi" in data) {
    const text = asVersionText(data.openapi) ?? "";
    const match = /^3\.(\d+)(\.\S*)?$/.exec(text);
    const minor = match ? Number(match[1]) : -1;
    if (minor === 0) return { ok: true, version: "3.0", warnings: [] };
    if (minor === 1) return { ok: true, version: "3.1", warnings: [] };
    if (minor >= 2) {
      const warning: Finding = {
        code: "unsupported-version",
        severity: "warning",
        segments: ["openapi"],
        message: `OpenAPI ${text} is newer than specpost knows; loading it as 3.1 (features added after 3.1 are ignored).`,
      };
      return { ok: true, version: "3.1", warnings: [warning] };
    }
    return {
      ok: false,
      error: {
        code: "unsupported-version",
        severity: "error",
        segments: ["openapi"],
        message: `OpenAPI version "${String(data.openapi)}" is not supported; specpost reads OpenAPI 3.0 and 3.1 and Swagger 2.0 (write e.g. "openapi: 3.0.3").`,
      },
    };
  }
  if ("swagger" in data) {
    if (asVersionText(data.swagger) === "2.0") return { ok: true, version: "2.0", warnings: [] };
    return {
      ok: false,
      error: {
        code: "unsupported-version",
        severity: "error",
        segments: ["swagger"],
        message: `Swagger version "${String(data.swagger)}" is not supported; convert the spec to Swagger 2.0 or OpenAPI 3.x first.`,
      },
    };
  }
  return {
    ok: false,
    error: {
      code: "not-openapi",
      severity: "error",
      segments: [],
      message:
        'This file has no "openapi" or "swagger" field, so it is not an OpenAPI document; pass the API spec file, or add e.g. "openapi: 3.0.3" at the top.',
    },
  };
}
