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

/** Top-level property names of a JSON schema (refs and allOf followed, bounded). */
function propertyNames(document: unknown, schema: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  const resolved = followRefs(document, schema, "#");
  if (!resolved.ok || !isObject(resolved.value)) return [];
  const node: JsonObject = resolved.value;
  const own = isObject(node.properties) ? Object.keys(node.properties) : [];
  const parts = Array.isArray(node.allOf) ? node.allOf : [];
  return [...own, ...parts.flatMap((part) => propertyNames(document, part, depth + 1))];
}

function idSource(
  model: ApiModel,
  response: ResponseModel,
  resource: string,
): Pick<ChainCandidate, "source" | "expression"> | undefined {
  const json = response.contents.find((c) => /json/i.test(c.contentType));
  const names = json ? propertyNames(model.spec.document, json.schema) : [];
  for (const name of [`${resource}Id`, `${resource}_id`, "id"]) {
    if (names.includes(name)) {
      return { source: { from: "body", pointer: [name] }, expression: `$response.body#/${name}` };
    }
  }
  if (response.headers.some((h) => h.name.toLowerCase() === "location")) {
    return {
      source: { from: "location-id" },
      expression: "$response.header.Location (last segment)",
    };
  }
  return undefined;
}

/** Body fields and required query parameters named for the resource (`projectId`). */
function namedTargets(op: OperationModel, names: readonly string[]): ChainTarget[] {
  const out: ChainTarget[] = [];
  for (const p of op.parameters) {
    if (p.in === "query" && p.required && names.includes(p.name))
      out.push({ in: "query", name: p.name });
  }
  const body = op.requestBody;
  if (body && /json/i.test(body.contentType) && isObject(body.example)) {
    for (const key of Object.keys(body.example)) {
      if (names.includes(key)) out.push({ in: "body", path: [key] });
    }
  }
  return out;
}

/**
 * Chains guessed where the spec declares no links: `POST /things` answering with `id`,
 * `thingId` or a `Location` header feeds `{…}` in `/things/{…}/…`, and fields or required
 * query parameters named `thingId` elsewhere.
 */
export function inferredChains(model: ApiModel): ChainCandidate[] {
  const out: ChainCandidate[] = [];
  const creates = new Set<string>();
  for (const producer of model.operations) {
    if (producer.method !== "post") continue;
    const base = segmentsOf(producer.path);
    const last = base.at(-1);
    if (last === undefined || isParam(last) || creates.has(producer.path)) continue;
    const response = createdResponse(producer);
    const resource = singular(last);
    const found = response ? idSource(model, response, resource) : undefined;
    if (!found || resource === "") continue;
    creates.add(producer.path);
    const idNames = [`${resource}Id`, `${resource}_id`];
    let hint = `${resource}Id`;
    for (const consumer of model.operations) {
      if (consumer === producer) continue;
      const segments = segmentsOf(consumer.path);
      const next = segments[base.length];
      const under = next !== undefined && isParam(next) && base.every((s, i) => segments[i] === s);
      const targets: ChainTarget[] = namedTargets(consumer, idNames);
      if (under && next) {
        const name = paramName(next);
        if (!GENERIC.test(name)) hint = name;
        targets.unshift({ in: "path", name });
      }
      for (const target of targets) {
        out.push({ producer: producer.key, ...found, consumer: consumer.key, target, hint });
      }
    }
    for (const chain of out) if (chain.producer === producer.key) chain.hint = hint;
  }
  return out;
}
