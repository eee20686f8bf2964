import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

const schema = JSON.parse(
  readFileSync(new URL("../fixtures/postman-collection-v2.1.0.json", import.meta.url), "utf8"),
);
const ajv = new Ajv({ strict: false, allErrors: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const describe = (e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""}`;

/** Why the official v2.1.0 schema rejects `collection`; empty when Postman can import it. */
export function collectionSchemaErrors(collection: unknown): string[] {
  return validate(collection) ? [] : (validate.errors ?? []).map(describe);
}
