import type { ApiModel, OperationModel } from "../model/types";

export type RouteResult =
  | {
      kind: "operation";
      operation: OperationModel;
      /** The path template's `{name}`s as sent (still percent-encoded). */
      params: Record<string, string>;
    }
  | { kind: "not-found" }
  | { kind: "method-not-allowed"; allow: string[] };

export interface RouterRequest {
  method: string;
  /** Path relative to the API's base path, starting with `/`, as sent (percent-encoded). */
  path: string;
  /** Tell apart operations one path and method share (see `pick`). */
  headers?: Record<string, string | string[] | undefined>;
  /** The query string without `?`, as sent. */
  rawQuery?: string;
}

/**
 * Path templates matched segment by segment: literal segments before templated ones (most
 * specific path first), 405 with the methods of the matching paths when only the method is
 * wrong. Built from the model's path strings alone, so it costs next to nothing at start-up,
 * whatever the size of the spec. Segments compare decoded: `/café/{id}` written raw in the
 * spec is reached by `/caf%C3%A9/1`. The path is never read as a URL: `//x` is a path whose
 * first segment is empty, not a host.
 */
export interface ApiRouter {
  route(request: RouterRequest): RouteResult;
}

/** One segment of a template: a literal (decoded) or a pattern with `{name}` captures. */
type Segment = { literal: string } | { pattern: RegExp; names: string[]; fixed: number };

interface Template {
  segments: Segment[];
  /**
   * Operations of this path template by upper-case method, in spec order: several when path
   * keys differ only by a fragment (`/#X-Amz-Target=…CreatePlan`, `/#…DeletePlan`: AWS specs
   * on APIs.guru; `/cookies#exploded`: ReadMe's), which no request carries.
   */
  methods: Map<string, OperationModel[]>;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function compileSegment(text: string): Segment {
  if (!text.includes("{")) return { literal: decode(text) };
  const names: string[] = [];
  let fixed = 0;
  const source = text
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const name = /^\{([^{}]*)\}$/.exec(part)?.[1];
      if (name === undefined) {
        fixed += part.length;
        return decode(part).replace(/[.*+?^$(){}|[\]\\]/g, "\\$&");
      }
      names.push(name);
      return "(.+?)";
    })
    .join("");
  // `fixed`: literal characters around the captures; more of them is the more specific
  // template (Graph's `image(width={w},height={h})` before `image(width={w})`).
  return { pattern: new RegExp(`^${source}$`, "s"), names, fixed };
}

const segmentsOf = (path: string): string[] => path.replace(/^\//, "").split("/");

/** Captures of `template` on `raw` segments (undefined: no match). */
function match(template: Template, raw: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.segments.length; i++) {
    const segment = template.segments[i] as Segment;
    const text = raw[i] as string;
    if ("literal" in segment) {
      if (segment.literal !== decode(text)) return undefined;
      continue;
    }
    // Captures keep their encoding (param-check decodes them); the rest compares decoded.
    const found = segment.pattern.exec(decode(text));
    if (!found) return undefined;
    if (segment.names.length === 1 && segment.pattern.source === "^(.+?)$") {
      params[segment.names[0] as string] = text;
      continue;
    }
    segment.names.forEach((name, index) => {
      params[name] = encodeURIComponent(found[index + 1] ?? "");
    });
  }
  return params;
}

/** Literal segments win over templated ones, position by position from the left. */
function specificity(template: Template): string {
  return template.segments.map((segment) => ("literal" in segment ? "0" : "1")).join("");
}

export function createApiRouter(model: ApiModel): ApiRouter {
  const byTemplate = new Map<string, Template>();
  for (const operation of model.operations) {
    // What is sent: the generator drops a fragment from the path key (load/path-keys.ts warns).
    const wire = operation.path.split("#")[0] as string;
    let template = byTemplate.get(wire);
    if (!template) {
      template = { segments: segmentsOf(wire).map(compileSegment), methods: new Map() };
      byTemplate.set(wire, template);
    }
    const method = operation.method.toUpperCase();
    template.methods.set(method, [...(template.methods.get(method) ?? []), operation]);
  }
  // By segment count and first literal segment (`\0`: templated), most specific first (ties
  // keep spec order: sort is stable). A literal first segment is always more specific than a
  // templated one, so its bucket is searched first.
  const buckets = new Map<string, Template[]>();
  for (const template of byTemplate.values()) {
    const first = template.segments[0];
    const key = `${template.segments.length}/${first && "literal" in first ? first.literal : "\0"}`;
    const list = buckets.get(key) ?? [];
    list.push(template);
    buckets.set(key, list);
  }
  const fixedOf = (template: Template) =>
    template.segments.reduce((sum, segment) => sum + ("fixed" in segment ? segment.fixed : 0), 0);
  for (const list of buckets.values()) {
    list.sort((a, b) =>
      specificity(a) < specificity(b)
        ? -1
        : specificity(a) > specificity(b)
          ? 1
          : fixedOf(b) - fixedOf(a),
    );
  }
  const none: Template[] = [];

  function find(request: RouterRequest, method: string, path: string): RouteResult {
    const raw = segmentsOf(path);
    const allow = new Set<string>();
    const literal = buckets.get(`${raw.length}/${decode(raw[0] ?? "")}`) ?? none;
    const templated = buckets.get(`${raw.length}/\0`) ?? none;
    for (const template of [...literal, ...templated]) {
      const params = match(template, raw);
      if (!params) continue;
      const operations = template.methods.get(method);
      if (operations) return { kind: "operation", operation: pick(operations, request), params };
      for (const known of template.methods.keys()) allow.add(known);
    }
    return allow.size > 0
      ? { kind: "method-not-allowed", allow: [...allow].sort() }
      : { kind: "not-found" };
  }

  return {
    route(request) {
      const method = request.method.toUpperCase();
      const found = find(request, method, request.path);
      // A trailing slash is ignored (`/users/` reaches `/users`).
      if (found.kind === "not-found" && request.path.length > 1 && request.path.endsWith("/")) {
        return find(request, method, request.path.slice(0, -1));
      }
      return found;
    },
  };
}

/**
 * Of the operations one path and method share, the first whose required header or query
 * parameters with a single allowed value (`enum: [x]`, `const`) all arrive with it: AWS's
 * `X-Amz-Target: AnyScaleScalingPlannerFrontendService.CreateScalingPlan`. Else the first.
 */
function pick(operations: OperationModel[], request: RouterRequest): OperationModel {
  if (operations.length === 1) return operations[0] as OperationModel;
  const query = new URLSearchParams(request.rawQuery ?? "");
  const sent = (location: string, name: string): string | undefined => {
    if (location === "query") return query.get(name) ?? undefined;
    const value = request.headers?.[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const fits = (operation: OperationModel) => {
    const fixed = operation.parameters.filter(
      (p) =>
        p.required && (p.in === "header" || p.in === "query") && onlyValue(p.schema) !== undefined,
    );
    return fixed.length > 0 && fixed.every((p) => sent(p.in, p.name) === onlyValue(p.schema));
  };
  return operations.find(fits) ?? (operations[0] as OperationModel);
}

function onlyValue(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== "object") return undefined;
  const { enum: values, const: constant } = schema as { enum?: unknown; const?: unknown };
  const value =
    constant !== undefined
      ? constant
      : Array.isArray(values) && values.length === 1
        ? values[0]
        : undefined;
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
