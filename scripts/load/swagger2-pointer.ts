import { isObject } from "./pointer";

/**
 * Best-effort map from a pointer in the converted OpenAPI 3.0 document back to the Swagger 2.0
 * source, so problems found downstream point at what the user wrote. Anything not mapped here
 * falls back to its nearest existing parent when located.
 */
const COMPONENTS: Record<string, string> = {
  schemas: "definitions",
  parameters: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
  requestBodies: "parameters",
};

/** `responses/200/content/<type>/schema/...` → `responses/200/schema/...` */
function responseRest(rest: readonly string[]): string[] {
  if (rest[1] === "content" && rest[3] === "schema") return [rest[0] ?? "", ...rest.slice(3)];
  return [...rest];
}

function bodyParameterIndex(operation: unknown): number {
  if (!isObject(operation) || !Array.isArray(operation.parameters)) return -1;
  return operation.parameters.findIndex(
    (p) => isObject(p) && (p.in === "body" || p.in === "formData"),
  );
}

export function toSwagger2Segments(segments: readonly string[], swagger: unknown): string[] {
  const [first, second, third, ...rest] = segments;
  if (first === "servers") return ["host"];
  if (first === "components" && second !== undefined) {
    const target = COMPONENTS[second];
    if (!target) return [];
    if (second === "responses" && third !== undefined)
      return [target, third, ...responseRest(rest)];
    return third === undefined ? [target] : [target, third, ...rest];
  }
  if (first === "paths" && second !== undefined && third !== undefined) {
    const [field, ...tail] = rest;
    if (field === "requestBody") {
      const paths = isObject(swagger) ? swagger.paths : undefined;
      const operation =
        isObject(paths) && isObject(paths[second]) ? paths[second][third] : undefined;
      const index = bodyParameterIndex(operation);
      if (index < 0) return ["paths", second, third, "parameters"];
      // requestBody/content/<type>/schema/... → parameters/<i>/schema/...
      const schemaTail = tail[0] === "content" && tail[2] === "schema" ? tail.slice(2) : [];
      return ["paths", second, third, "parameters", String(index), ...schemaTail];
    }
    if (field === "responses") return ["paths", second, third, "responses", ...responseRest(tail)];
  }
  return [...segments];
}
