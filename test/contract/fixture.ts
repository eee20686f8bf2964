import { authChecksFolder } from "../../scripts/collection/auth-checks";
import { contractPrerequestLines } from "../../scripts/collection/contract-lines";
import {
  contractTestScript,
  type RequestContract,
  requestContracts,
} from "../../scripts/collection/contracts";
import { idKeys, idSource } from "../../scripts/collection/ids";
import type {
  PostmanCollection,
  PostmanItem,
  PostmanItemGroup,
} from "../../scripts/collection/types";
import { POSTMAN_SCHEMA_URL } from "../../scripts/collection/types";
import type {
  ApiModel,
  AuthModel,
  OasSchema,
  OperationModel,
  ResponseModel,
} from "../../scripts/model/types";
import type { Draft07Schema, SchemaRegistry } from "../../scripts/schema/types";
import { op } from "../collection/fixture";

/**
 * A registry over draft-07 definitions written by hand: these tests are about the contract
 * data and the sandbox script, not about translation (the pipeline tests cover that).
 * `{$ref: "#/components/schemas/X"}` becomes `{$ref: "#/definitions/X"}`; other schemas
 * are already draft-07.
 */
export function handRegistry(definitions: Record<string, Draft07Schema>): SchemaRegistry {
  const name = (schema: OasSchema) =>
    typeof schema === "object" && "$ref" in schema && typeof schema.$ref === "string"
      ? schema.$ref.replace("#/components/schemas/", "")
      : undefined;
  return {
    nameOf: name,
    translate: (schema) => {
      const ref = name(schema);
      return ref === undefined ? (schema as Draft07Schema) : { $ref: `#/definitions/${ref}` };
    },
    definitions: () => definitions,
  };
}

export const ref = (name: string): OasSchema => ({ $ref: `#/components/schemas/${name}` });

export interface ResponseSpec {
  status: string;
  /** Content type → schema (undefined: documented without schema). */
  content?: Record<string, OasSchema | undefined>;
  requiredHeaders?: string[];
}

export function operation(
  method: OperationModel["method"],
  path: string,
  responses: ResponseSpec[],
  extra: Partial<OperationModel> = {},
): OperationModel {
  return op(method, path, {
    responses: responses.map(
      (r): ResponseModel => ({
        status: r.status,
        description: r.status,
        contents: Object.entries(r.content ?? {}).map(([contentType, schema]) =>
          schema === undefined ? { contentType } : { contentType, schema },
        ),
        headers: (r.requiredHeaders ?? []).map((name) => ({ name, required: true })),
        pointer: "",
      }),
    ),
    ...extra,
  });
}

export function apiModel(operations: OperationModel[], auth: AuthModel): ApiModel {
  return {
    spec: undefined as never,
    name: "fixture",
    title: "Contract fixture",
    version: "1",
    baseUrl: "http://127.0.0.1",
    auth,
    tags: [],
    operations,
  };
}

/**
 * Just enough of a collection to run the generated scripts: one request per operation (ids
 * as the builder derives them), the contract script as the collection-level test, and the
 * Auth checks folder. Requests send no token: the token machinery is not under test here.
 */
export function fixtureCollection(
  model: ApiModel,
  registry: SchemaRegistry,
  options: { baseUrl: string; tokenUrl?: string; extraItems?: PostmanItem[] },
): PostmanCollection {
  const ids = idSource(model.title);
  const itemIdOf = (opKey: string) => ids.of(idKeys.operation(opKey));
  // Budget 0: the checks meet definitions written once for the collection, the path a spec
  // of Graph's size takes (generated collections of the tests' sizes carry them per request).
  const contracts = requestContracts(model, registry, 0);
  const items: Array<PostmanItem | PostmanItemGroup> = model.operations.map((op) => ({
    id: itemIdOf(op.key),
    event: [
      {
        listen: "prerequest",
        script: {
          type: "text/javascript",
          exec: contractPrerequestLines(contracts.requests.get(op.key) as RequestContract),
        },
      },
    ],
    name: op.name,
    request: {
      method: op.method.toUpperCase(),
      header: [],
      url: {
        raw: `{{baseUrl}}${op.path}`,
        host: ["{{baseUrl}}"],
        path: op.path.split("/").slice(1),
      },
    },
    response: [],
  }));
  items.push(...(options.extraItems ?? []));
  const folder = authChecksFolder(model, ids.of);
  if (folder) items.push(folder);
  return {
    info: { _postman_id: ids.of("collection"), name: model.title, schema: POSTMAN_SCHEMA_URL },
    item: items,
    event: [
      {
        listen: "test",
        script: { type: "text/javascript", exec: contractTestScript(contracts.shared) },
      },
    ],
    variable: [
      { key: "baseUrl", value: options.baseUrl },
      { key: "tokenUrl", value: options.tokenUrl ?? `${options.baseUrl}/oauth/token` },
      { key: "client_id", value: "fixture-client" },
      { key: "client_secret", value: "" },
    ],
  };
}
