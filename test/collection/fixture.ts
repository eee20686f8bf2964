import type { LoadedSpec } from "../../scripts/load/types";
import type {
  ApiModel,
  AuthModel,
  OperationModel,
  ParameterModel,
  ResponseModel,
} from "../../scripts/model/types";
import type { Draft07Schema, SchemaRegistry } from "../../scripts/schema/types";

/** Schemas pass through untranslated: these tests are about the collection, not translation. */
export function passThroughRegistry(): SchemaRegistry {
  return {
    translate: (schema) => schema as Draft07Schema,
    nameOf: () => undefined,
    definitions: () => ({}),
  };
}

export function fakeSpec(file = "specs/test-api.yaml"): LoadedSpec {
  return {
    file,
    absolutePath: `/project/${file}`,
    version: "3.0",
    document: { openapi: "3.0.3", info: { title: "Test API", version: "1.0.0" }, paths: {} },
    locate: () => ({ file, line: 1, column: 1 }),
  };
}

export const clientCredentials = (
  tokenUrl = "https://api.example.com/oauth/token?grant_type=client_credentials",
  scopes: string[] = [],
): Extract<AuthModel, { kind: "client-credentials" }> => ({
  kind: "client-credentials",
  schemeName: "oauth2",
  tokenUrl,
  scopes,
  source: "flow",
});

export function ok(contentType = "application/json", example?: unknown): ResponseModel {
  return {
    status: "200",
    description: "OK",
    contents: [example === undefined ? { contentType } : { contentType, example }],
    headers: [],
    pointer: "",
  };
}

export function param(
  name: string,
  where: ParameterModel["in"],
  example: unknown,
  extra: Partial<ParameterModel> = {},
): ParameterModel {
  return { name, in: where, required: where === "path", example, pointer: "", ...extra };
}

export function op(
  method: OperationModel["method"],
  path: string,
  extra: Partial<OperationModel> = {},
): OperationModel {
  const key = `${method.toUpperCase()} ${path}`;
  return {
    key,
    method,
    path,
    name: key,
    deprecated: false,
    secured: true,
    parameters: [],
    responses: [ok()],
    pointer: `#/paths/${path.replace(/\//g, "~1")}/${method}`,
    ...extra,
  };
}

export function model(extra: Partial<ApiModel> = {}): ApiModel {
  return {
    spec: fakeSpec(),
    name: "test-api",
    title: "Test API",
    version: "1.0.0",
    baseUrl: "https://api.example.com/v1",
    auth: clientCredentials(),
    tags: [],
    operations: [op("get", "/things")],
    ...extra,
  };
}
