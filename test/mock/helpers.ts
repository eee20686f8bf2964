import { Ajv, type ValidateFunction } from "ajv";
import addFormatsImport from "ajv-formats";
import { afterEach } from "vitest";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../../scripts/mock/constants";
import { startMock } from "../../scripts/mock/server";
import type { MockOptions, MockServer } from "../../scripts/mock/types";
import type { ApiModel } from "../../scripts/model/types";

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const started: MockServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((mock) => mock.close()));
});

/** Starts a mock that is closed after the test. */
export async function mock(model: ApiModel, options: MockOptions = {}): Promise<MockServer> {
  const server = await startMock(model, options);
  started.push(server);
  return server;
}

export const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** KPN style: grant_type in the token URL's query; in the body when the URL has none. */
export async function requestToken(
  server: MockServer,
  body = `client_id=${MOCK_CLIENT_ID}&client_secret=${MOCK_CLIENT_SECRET}`,
  url = server.tokenUrl as string,
): Promise<Response> {
  const grant = url.includes("grant_type=") ? "" : "grant_type=client_credentials&";
  return fetch(url, { method: "POST", headers: FORM, body: `${grant}${body}` });
}

export async function token(server: MockServer): Promise<string> {
  const response = await requestToken(server);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });

/**
 * The two OpenAPI 3.0 rules Ajv 8 lacks: boolean `exclusiveMinimum` (draft-04 style) and
 * `nullable` on a schema without `type` (Ajv 8 only accepts it next to `type`).
 */
function forAjv8(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv8);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === "example" ? value : forAjv8(value)]),
  );
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (out[flag] === true) [out[flag], out[bound]] = [out[bound], undefined];
    else if (out[flag] === false) delete out[flag];
  }
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _n, ...rest } = out;
    return { anyOf: [{ type: "null" }, rest] };
  }
  return out;
}

/**
 * An Ajv 8 validator for a spec's schemas that owes nothing to the mock's own normaliser:
 * the document is registered nearly as is (Ajv 8 understands OpenAPI's `nullable` itself).
 */
export function specValidator(document: object): (pointer: string) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  for (const name of ["int32", "int64", "float", "double"])
    ajv.addFormat(name, { type: "number", validate: () => true });
  ajv.addSchema(forAjv8(document) as object, "spec");
  return (pointer) => ajv.compile({ $ref: `spec${pointer}` });
}
