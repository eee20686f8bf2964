import { parsePointer } from "../load/pointer";
import type { ChainSource, ChainTarget } from "./chain-types";
import type { ModelContext } from "./context";
import { unreachablePointer } from "./link-pointers";
import { canonicalPointer, followRefs, getAt, isObject, pointerSegments } from "./resolve";
import type { ApiModel, OperationModel } from "./types";

/** A chain as a spec or an overrides file states it, before variables are named. */
export interface ChainCandidate {
  producer: string;
  source: ChainSource;
  expression: string;
  consumer: string;
  target: ChainTarget;
  /** Preferred variable name. */
  hint: string;
}

const LOCATIONS = new Set(["path", "query", "header"]);

/** `$response.body#/id`, `$response.header.Location`, `$request.path.id` → a source; else undefined. */
export function parseSource(expression: string): ChainSource | undefined {
  const text = expression.trim();
  if (text.startsWith("$response.body#")) {
    const pointer = parsePointer(text.slice("$response.body".length));
    return pointer && pointer.length > 0 ? { from: "body", pointer } : undefined;
  }
  if (text.startsWith("$response.header.")) {
    const name = text.slice("$response.header.".length);
    return name === "" ? undefined : { from: "header", name };
  }
  const request = /^\$request\.(path|query|header)\.(.+)$/.exec(text);
  if (request?.[1] && request[2]) {
    return { from: "request", in: request[1] as "path" | "query" | "header", name: request[2] };
  }
  return undefined;
}

/** The operation a link names: `operationId`, or `operationRef` to a path item operation here. */
function linkTarget(
  link: Record<string, unknown>,
  model: ApiModel,
  byPointer: ReadonlyMap<string, OperationModel>,
): OperationModel | undefined {
  if (typeof link.operationId === "string") {
    return model.operations.find((op) => op.operationId === link.operationId);
  }
  if (typeof link.operationRef === "string") {
    const segments = pointerSegments(link.operationRef);
    if (!segments) return undefined;
    return byPointer.get(canonicalPointer(segments));
  }
  return undefined;
}

/** `path.id` or `id` → the consumer's parameter it names. */
function targetParameter(op: OperationModel, key: string): ChainTarget | undefined {
  const dot = key.indexOf(".");
  const where = dot > 0 ? key.slice(0, dot) : undefined;
  const name = where && LOCATIONS.has(where) ? key.slice(dot + 1) : key;
  const param = op.parameters.find(
    (p) => p.name === name && (where === undefined || !LOCATIONS.has(where) || p.in === where),
  );
  if (!param || param.in === "cookie") return undefined;
  return { in: param.in, name: param.name };
}

const MAX_LINKS = 10_000;

/**
 * Chains the spec declares with OpenAPI `links` on its success responses. Links this tool
 * cannot express (request bodies, constants, templates, other documents) are left out.
 */
export function linkChains(model: ApiModel, report?: ModelContext["report"]): ChainCandidate[] {
  const document = model.spec.document;
  const byPointer = new Map(model.operations.map((op) => [op.pointer, op]));
  const out: ChainCandidate[] = [];
  for (const producer of model.operations) {
    for (const response of producer.responses) {
      if (!/^2/.test(response.status)) continue;
      const segments = pointerSegments(response.pointer);
      const raw = segments ? getAt(document, segments) : undefined;
      const links = isObject(raw) && isObject(raw.links) ? raw.links : {};
      for (const [name, entry] of Object.entries(links)) {
        const resolved = followRefs(document, entry, `${response.pointer}/links/${name}`);
        if (!resolved.ok || !isObject(resolved.value)) continue;
        const link = resolved.value;
        const consumer = linkTarget(link, model, byPointer);
        if (!consumer || !isObject(link.parameters)) continue;
        for (const [key, value] of Object.entries(link.parameters)) {
          if (typeof value !== "string" || out.length >= MAX_LINKS) continue;
          const source = parseSource(value);
          const target = targetParameter(consumer, key);
          if (!source || !target || target.in === "body") continue;
          const why =
            source.from === "body"
              ? unreachablePointer(document, response, source.pointer)
              : undefined;
          if (why) {
            report?.(
              "invalid-link",
              "warning",
              `${resolved.pointer}/parameters/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
              `Link "${name}" takes ${value.trim()}, which no answer can hold (${why}); it is left out and ${consumer.key} sends its example value. Fix the link's pointer (an array's items go by index: #/0/…).`,
            );
            continue;
          }
          const hint = target.name;
          out.push({
            producer: producer.key,
            source,
            expression: value.trim(),
            consumer: consumer.key,
            target,
            hint,
          });
        }
      }
    }
  }
  return out;
}
