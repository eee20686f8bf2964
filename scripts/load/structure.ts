import type { Finding } from "./finding";
import { isObject } from "./pointer";
import type { SpecVersion } from "./types";

/**
 * Shape checks only where later stages would otherwise crash or silently skip: the maps
 * and lists the spec requires. Everything else is left alone, since real specs are sloppy.
 */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENT_MAPS = [
  "schemas",
  "responses",
  "parameters",
  "examples",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
];
const SWAGGER_MAPS = ["definitions", "parameters", "responses", "securityDefinitions"];

function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `a string ("${shown}")`;
  }
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "boolean") return `a boolean (${value})`;
  return `a ${typeof value}`;
}

function todoFor(value: unknown): string {
  if (Array.isArray(value))
    return 'write its entries as "key: value" pairs, not as "- " list items';
  if (value === null) return "give it entries indented under it, or write {} for none";
  return 'give it "key: value" entries indented under it';
}

class Checker {
  readonly findings: Finding[] = [];

  object(value: unknown, segments: string[], what: string): value is Record<string, unknown> {
    if (value === undefined || isObject(value)) return value !== undefined;
    this.findings.push({
      code: "invalid-type",
      severity: "error",
      segments,
      message: `Expected an object (mapping) for ${what} but found ${describe(value)}; ${todoFor(value)}.`,
    });
    return false;
  }

  list(value: unknown, segments: string[], what: string): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.findings.push({
        code: "invalid-type",
        severity: "error",
        segments,
        message: `Expected a list for ${what} but found ${describe(value)}; write each entry as a "- " list item.`,
      });
      return;
    }
    value.forEach((item, index) => {
      this.object(item, [...segments, String(index)], `${what}, entry ${index + 1},`);
    });
  }

  operation(value: unknown, segments: string[], what: string): void {
    if (!this.object(value, segments, what)) return;
    this.list(value.parameters, [...segments, "parameters"], `the parameters of ${what}`);
    this.object(value.responses, [...segments, "responses"], `the responses of ${what}`);
  }

  pathItem(value: unknown, segments: string[], kind: "path" | "webhook", name: string): void {
    const label = `${kind} "${name}"`;
    if (!this.object(value, segments, label)) return;
    if (typeof value.$ref === "string") return;
    this.list(value.parameters, [...segments, "parameters"], `the parameters of ${label}`);
    for (const method of METHODS) {
      if (!(method in value)) continue;
      const verb = method.toUpperCase();
      const operation = kind === "path" ? `operation ${verb} ${name}` : `${verb} of ${label}`;
      this.operation(value[method], [...segments, method], operation);
    }
  }

  pathMap(value: unknown, key: "paths" | "webhooks"): void {
    if (!this.object(value, [key], `"${key}"`)) return;
    const kind = key === "paths" ? "path" : "webhook";
    for (const [name, item] of Object.entries(value)) {
      if (!name.startsWith("x-")) this.pathItem(item, [key, name], kind, name);
    }
  }
}

export function checkStructure(doc: Record<string, unknown>, version: SpecVersion): Finding[] {
  const check = new Checker();
  check.object(doc.info, ["info"], '"info"');
  if (doc.paths === undefined) {
    check.findings.push(
      version === "3.1"
        ? {
            code: "no-operations",
            severity: "warning",
            segments: [],
            message:
              'This OpenAPI 3.1 document has no "paths", so it has no operations to call; add "paths" to get requests in the collection.',
          }
        : {
            code: "no-operations",
            severity: "error",
            segments: [],
            message: `This document has no "paths", which ${version === "2.0" ? "Swagger 2.0" : "OpenAPI 3.0"} requires; add "paths" (write "paths: {}" if the API has no operations yet).`,
          },
    );
  }
  check.pathMap(doc.paths, "paths");
  if (version === "2.0") {
    for (const key of SWAGGER_MAPS) check.object(doc[key], [key], `"${key}"`);
  } else {
    check.pathMap(doc.webhooks, "webhooks");
    const components = doc.components;
    if (check.object(components, ["components"], '"components"')) {
      for (const key of COMPONENT_MAPS) {
        check.object(components[key], ["components", key], `"components.${key}"`);
      }
    }
  }
  return check.findings;
}
