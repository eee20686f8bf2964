import type { ChainTarget } from "./chain-types";
import type { ChainCandidate } from "./links";
import { followRefs, isObject, type JsonObject } from "./resolve";
import type { ApiModel, OperationModel, ResponseModel } from "./types";

const segmentsOf = (path: string) => path.split("/").filter((s) => s !== "");
const isParam = (segment: string) => /^\{[^{}]+\}$/.test(segment);
const paramName = (segment: string) => segment.slice(1, -1);

/** `line-items` → `lineItem`, `categories` → `category`: the name one resource goes by. */
export function singular(segment: string): string {
  const camel = segment.replace(/[-_ ]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (/ies$/.test(camel)) return `${camel.slice(0, -3)}y`;
  if (/(ss|us)$/.test(camel)) return camel;
  if (/(sses|xes|ches|shes)$/.test(camel)) return camel.slice(0, -2);
  return camel.replace(/s$/, "");
}

const GENERIC = /^(id|uuid|key|identifier)$/i;

/** The success response a create answers with: 201 first, then 200, then 2XX. */
function createdResponse(op: OperationModel): ResponseModel | undefined {
  for (const status of ["201", "200", "2XX"]) {
    const found = op.responses.find((r) => r.status.toUpperCase() === status);
    if (found) return found;
  }
  return undefined;
}

const MAX_DEPTH = 8;

const SCALAR = new Set(["string", "integer", "number"]);

/** Whether a property holds a string or number (an object can never fill a path parameter). */
function isScalar(document: unknown, schema: unknown): boolean {
  const resolved = followRefs(document, schema, "#");
  if (!resolved.ok || !isObject(resolved.value)) return false;
  const type = resolved.value.type;
  return Array.isArray(type) ? type.some((t) => SCALAR.has(String(t))) : SCALAR.has(String(type));
}

/** Top-level scalar property names of a JSON schema (refs and allOf followed, bounded). */
function propertyNames(document: unknown, schema: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  const resolved = followRefs(document, schema, "#");
  if (!resolved.ok || !isObject(resolved.value)) return [];
  const node: JsonObject = resolved.value;
  const props = isObject(node.properties) ? node.properties : {};
  const own = Object.keys(props).filter((name) => isScalar(document, props[name]));
  const parts = Array.isArray(node.allOf) ? node.allOf : [];
  return [...own, ...parts.flatMap((part) => propertyNames(document, part, depth + 1))];
}

/** `issue_number` → "number", `commitSha` → "sha", `projectId` → "id": the word that says what it holds. */
const lastWord = (name: string) => (name.split(/[-_]|(?=[A-Z])/).at(-1) ?? name).toLowerCase();

/**
 * What in the create's response fills a parameter named `name` (undefined: the id of the
 * resource). The parameter's own name first (`ref`, `name`), then the word it ends with
 * (`issue_number` → `number`), then an id, but only for a parameter that is an id: a
 * `{team_slug}` is never fed the team's numeric id.
 */
function sourceFor(
  properties: readonly string[],
  hasLocation: boolean,
  resource: string,
  name: string | undefined,
): Pick<ChainCandidate, "source" | "expression"> | undefined {
  const word = name === undefined ? "id" : lastWord(name);
  const idLike = name === undefined || GENERIC.test(name) || word === "id";
  const candidates = [
    ...(name === undefined ? [] : [name, word]),
    ...(idLike ? [`${resource}Id`, `${resource}_id`, "id"] : []),
  ];
  const found = candidates.find((c) => properties.includes(c));
  if (found !== undefined) {
    return { source: { from: "body", pointer: [found] }, expression: `$response.body#/${found}` };
  }
  if (hasLocation) {
    return {
      source: { from: "location-id" },
      expression: "$response.header.Location (last segment)",
    };
  }
  return undefined;
}

/** Body fields and required query parameters, by name: where a `projectId` may go. */
function namedTargets(
  ops: readonly OperationModel[],
): Map<string, Array<{ op: OperationModel; target: ChainTarget }>> {
  const out = new Map<string, Array<{ op: OperationModel; target: ChainTarget }>>();
  const add = (name: string, op: OperationModel, target: ChainTarget) => {
    const list = out.get(name);
    if (list) list.push({ op, target });
    else out.set(name, [{ op, target }]);
  };
  for (const op of ops) {
    for (const p of op.parameters) {
      if (p.in === "query" && p.required) add(p.name, op, { in: "query", name: p.name });
    }
    const body = op.requestBody;
    if (body && /json/i.test(body.contentType) && isObject(body.example)) {
      for (const key of Object.keys(body.example)) add(key, op, { in: "body", path: [key] });
    }
  }
  return out;
}

/**
 * Chains guessed where the spec declares no links: `POST /things` answering with `id`,
 * `thingId` or a `Location` header feeds `{…}` in `/things/{…}/…`, and fields or required
 * query parameters named `thingId` elsewhere.
 */
/**
 * Operations by each path prefix that a parameter segment follows (`a/b` for `/a/b/{id}/c`),
 * with that segment, in spec order: a producer meets only the operations under it instead of
 * every operation (Graph has thousands of creates and 11,422 operations).
 */
function consumersBelow(
  operations: readonly OperationModel[],
): Map<string, Array<{ op: OperationModel; next: string }>> {
  const out = new Map<string, Array<{ op: OperationModel; next: string }>>();
  for (const op of operations) {
    const segments = segmentsOf(op.path);
    for (let i = 0; i < segments.length; i++) {
      const next = segments[i] as string;
      if (!isParam(next)) continue;
      const prefix = segments.slice(0, i).join("/");
      const list = out.get(prefix);
      if (list) list.push({ op, next });
      else out.set(prefix, [{ op, next }]);
    }
  }
  return out;
}

export function inferredChains(model: ApiModel): ChainCandidate[] {
  const out: ChainCandidate[] = [];
  const creates = new Set<string>();
  const below = consumersBelow(model.operations);
  const fields = namedTargets(model.operations);
  for (const producer of model.operations) {
    if (producer.method !== "post") continue;
    const base = segmentsOf(producer.path);
    const last = base.at(-1);
    if (last === undefined || isParam(last) || creates.has(producer.path)) continue;
    const response = createdResponse(producer);
    const resource = singular(last);
    if (!response || resource === "") continue;
    const json = response.contents.find((c) => /json/i.test(c.contentType));
    const properties = json ? propertyNames(model.spec.document, json.schema) : [];
    const hasLocation = response.headers.some((h) => h.name.toLowerCase() === "location");
    if (properties.length === 0 && !hasLocation) continue;
    creates.add(producer.path);
    const parent = base.slice(0, -1);
    for (const { op: consumer, next } of below.get(base.join("/")) ?? []) {
      if (consumer === producer) continue;
      const name = paramName(next);
      const found = sourceFor(properties, hasLocation, resource, name);
      const hint = GENERIC.test(name) ? `${resource}Id` : name;
      const target = { in: "path" as const, name };
      if (found)
        out.push({ producer: producer.key, ...found, consumer: consumer.key, target, hint });
    }
    // A field named for the resource is its id only where the path says so too (name and
    // path evidence): under the resource's own collection (`/issues/{n}/…` for `issue_id`),
    // or a sibling collection (`/orders` for `customerId` from `/customers`). GitHub's
    // `/repos/{o}/{r}/actions/secrets/{s}` takes a `key_id` of its own public key, not of
    // `POST /repos/{o}/{r}/keys`: deeper under the parent, elsewhere, it is not ours.
    const found = sourceFor(properties, false, resource, undefined);
    const near = (op: OperationModel) => {
      const segments = segmentsOf(op.path);
      if (!parent.every((s, i) => segments[i] === s)) return false;
      const rest = segments.slice(parent.length);
      if (rest[0] === last) return true;
      return rest.length <= 2 && rest[0] !== undefined && !isParam(rest[0]);
    };
    for (const name of [`${resource}Id`, `${resource}_id`]) {
      for (const { op, target } of fields.get(name) ?? []) {
        if (!found || op === producer || !near(op)) continue;
        out.push({
          producer: producer.key,
          ...found,
          consumer: op.key,
          target,
          hint: `${resource}Id`,
        });
      }
    }
  }
  return out;
}
