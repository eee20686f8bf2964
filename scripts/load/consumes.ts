import type { OpenAPIV3 } from "openapi-types";
import type { Finding } from "./finding";
import { isObject } from "./pointer";

/** Marks a converted request body whose media type the Swagger 2.0 spec never named. */
export const ASSUMED_CONTENT_TYPE = "x-specpost-assumed-content-type";

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

type Json = Record<string, unknown>;

/** A `#/parameters/x` reference of the Swagger document, or the parameter itself. */
function parameterOf(swagger: Json, raw: unknown): Json | undefined {
  if (!isObject(raw)) return undefined;
  const ref = raw.$ref;
  if (typeof ref !== "string") return raw;
  const name = /^#\/parameters\/([^/]+)$/.exec(ref)?.[1];
  const shared = isObject(swagger.parameters) ? swagger.parameters : {};
  const target =
    name === undefined ? undefined : shared[name.replace(/~1/g, "/").replace(/~0/g, "~")];
  return isObject(target) ? target : undefined;
}

const listed = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

/**
 * What Swagger 2.0 implies when neither the operation nor the document says `consumes`: a
 * form for formData (multipart when a parameter is a `type: file`, the only media type that
 * carries a file), JSON for a body parameter. Undefined when the operation sends nothing.
 */
function impliedMediaType(swagger: Json, pathItem: Json, operation: Json): string | undefined {
  const parameters = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ].map((raw) => parameterOf(swagger, raw));
  const form = parameters.filter((p) => p?.in === "formData");
  if (form.length > 0) return form.some((p) => p?.type === "file") ? MULTIPART : FORM;
  return parameters.some((p) => p?.in === "body") ? "application/json" : undefined;
}

/** The operation's own request body object, a copy of the shared one it named by `$ref`. */
function ownRequestBody(document: OpenAPIV3.Document, operation: Json): Json | undefined {
  const body = operation.requestBody;
  if (!isObject(body)) return undefined;
  if (typeof body.$ref !== "string") return body;
  const name = /^#\/components\/requestBodies\/([^/]+)$/.exec(body.$ref)?.[1];
  const shared = name === undefined ? undefined : document.components?.requestBodies?.[name];
  if (!isObject(shared)) return undefined;
  // Operations share converted bodies by content: the choice made here is this operation's.
  const copy = structuredClone(shared) as Json;
  operation.requestBody = copy;
  return copy;
}

/**
 * Operations that send a body but whose media type Swagger 2.0 leaves open (no `consumes` on
 * the operation or the document): the converted body gets the implied media type and a mark
 * (the model lets the contract allow a 4xx: a server reading the spec strictly, Prism for one,
 * accepts no body at all there), and the user a warning at the body parameter.
 */
export function settleUndeclaredConsumes(swagger: object, document: OpenAPIV3.Document): Finding[] {
  const written = swagger as Json;
  if (listed(written.consumes) || !isObject(written.paths)) return [];
  const findings: Finding[] = [];
  for (const [path, pathItem] of Object.entries(written.paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation) || listed(operation.consumes)) continue;
      const mediaType = impliedMediaType(written, pathItem, operation);
      const converted = (document.paths?.[path] as Json | undefined)?.[method];
      if (mediaType === undefined || !isObject(converted)) continue;
      const body = ownRequestBody(document, converted);
      if (!body || !isObject(body.content)) continue;
      const [first] = Object.values(body.content);
      body.content = { [mediaType]: first ?? {} };
      body[ASSUMED_CONTENT_TYPE] = true;
      findings.push({
        code: "assumed-content-type",
        severity: "warning",
        segments: ["paths", path, method, "requestBody"],
        message: `${method.toUpperCase()} ${path} sends a body but neither it nor the spec declares \`consumes\`: specpost sends ${mediaType}, and a server that reads the spec strictly may refuse any body (Prism answers 415); declare \`consumes: [${mediaType}]\`.`,
      });
    }
  }
  return findings;
}
