import { scriptAssetLines } from "../assets";
import { type ChainModel, type ChainSource, targetText } from "../model/chain-types";
import type { ApiModel, BodyModel, OperationModel, ParameterModel } from "../model/types";
import { type CleanupResource, TRACK } from "./cleanup";
import { singleQuoted } from "./contract-data";

// Inlined into every chained request (10,000 of Graph's): the file's header comment stays in
// the file, the line in front of the data points to it.
const PREREQUEST = withoutHeader(scriptAssetLines("postman/chain-prerequest.js"));
const STORE = scriptAssetLines("postman/chain-store.js");

/** One operation's part in chains, as the Postman scripts read it. */
export interface ChainRoles {
  /** Variables it produces: cleared before it runs, so a failure leaves nothing stale. */
  resets: string[];
  /** Variables it needs: empty means its producer failed, and it is skipped. */
  needs: Array<{ variable: string; producer: string }>;
  stores: Array<{
    variable: string;
    expression: string;
    source: ChainSource;
    dependants: number;
    /** Only ever in a path segment: stored percent-encoded. */
    path?: true;
  }>;
  /**
   * A DELETE of the item a variable names (its last path segment): a success clears the
   * variable, so a later consumer (in a later folder) is skipped instead of meeting a 404.
   */
  gone?: string[];
}

/** What the model's chains become in the collection. */
export interface ChainPlan {
  /** The operations with `{{variable}}` where a chain feeds them (spec order kept). */
  operations: OperationModel[];
  /** Chains that feed a request, in model order. */
  active: ChainModel[];
  /** What each operation that takes part does, by operation key. */
  roles: Map<string, ChainRoles>;
}

const reference = (variable: string) => `{{${variable}}}`;

function withBodyField(
  body: BodyModel,
  path: readonly string[],
  variable: string,
): BodyModel | undefined {
  const value = reference(variable);
  // A body with spec text that looks like `{{…}}` keeps its escaping: it is not chained.
  if (body.exampleSource !== "user" && JSON.stringify(body.example ?? null).includes("{{"))
    return undefined;
  const copy: unknown = structuredClone(body.example);
  let at: unknown = copy;
  let typed = false;
  for (const [index, step] of path.entries()) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, step)) return undefined;
    const holder = at as Record<string, unknown>;
    if (index === path.length - 1) {
      typed = typeof holder[step] === "number" || typeof holder[step] === "boolean";
      holder[step] = value;
    } else at = holder[step];
  }
  const unquoted = typed ? { unquoted: [...(body.unquoted ?? []), variable] } : {};
  return { ...body, example: copy, exampleSource: "user", ...unquoted };
}

/** The consumer with the chain's value in place; undefined when the target is not there or the user set it. */
function feed(
  op: OperationModel,
  chain: ChainModel,
  value: () => ParameterModel | string,
): OperationModel | undefined {
  const target = chain.target;
  if (target.in === "body") {
    const body = op.requestBody && withBodyField(op.requestBody, target.path, chain.variable);
    return body ? { ...op, requestBody: body } : undefined;
  }
  const index = op.parameters.findIndex((p) => p.in === target.in && p.name === target.name);
  const param = op.parameters[index];
  if (!param || param.exampleSource === "user") return undefined;
  const given = value();
  const next: ParameterModel =
    typeof given === "string"
      ? { ...param, example: given, exampleSource: "user" }
      : { ...param, example: given.example, exampleSource: given.exampleSource ?? "generated" };
  const parameters = [...op.parameters];
  parameters[index] = next;
  return { ...op, parameters };
}

/**
 * A chained request's own pre-request lines: its roles (one JSON line) and the script that acts
 * on them before it is sent, scripts/postman/chain-prerequest.js. Only requests that take part
 * carry any: nothing about chains is shipped before every request.
 */
export function chainPrerequestLines(
  plan: ChainPlan,
  operationKey: string,
  cleanup: readonly CleanupResource[] = [],
): string[] {
  const roles = plan.roles.get(operationKey);
  if (!roles) return [];
  return [
    "// specpost chains (scripts/postman/chain-prerequest.js): what this request stores and takes",
    `const SPECPOST_CHAIN = ${singleQuoted(JSON.stringify(withCleanup(operationKey, roles, cleanup)))};`,
    ...PREREQUEST,
  ];
}

/**
 * Collection-level test lines that store what producers give (chain-store.js, with
 * cleanup-track.js in front when there is a Cleanup folder); none without chains.
 */
export function chainStoreLines(
  plan: ChainPlan,
  cleanup: readonly CleanupResource[] = [],
): string[] {
  if (plan.roles.size === 0) return [];
  return cleanup.length > 0 ? [...TRACK, ...STORE] : STORE;
}

interface CleanupIndex {
  /** By create: what it makes, in cleanup order. */
  made: Map<string, CleanupResource[]>;
  /** By delete: the first resource it removes. */
  deletes: Map<string, CleanupResource>;
}

// Indexed once per cleanup list: searching it for every chained request is quadratic on
// Graph-sized specs.
const cleanupIndexes = new WeakMap<readonly CleanupResource[], CleanupIndex>();

function cleanupIndex(cleanup: readonly CleanupResource[]): CleanupIndex {
  let index = cleanupIndexes.get(cleanup);
  if (index) return index;
  index = { made: new Map(), deletes: new Map() };
  for (const resource of cleanup) {
    const made = index.made.get(resource.create);
    if (made) made.push(resource);
    else index.made.set(resource.create, [resource]);
    if (!index.deletes.has(resource.delete)) index.deletes.set(resource.delete, resource);
  }
  cleanupIndexes.set(cleanup, index);
  return index;
}

/** Roles with what the Cleanup folder needs: creates record what they made, deletes forget it. */
function withCleanup(
  key: string,
  roles: ChainRoles,
  cleanup: readonly CleanupResource[],
): ChainRoles | (ChainRoles & { forget: object }) {
  const index = cleanupIndex(cleanup);
  const made = index.made.get(key) ?? [];
  const stores = roles.stores.map((entry) => {
    const resource = made.find((r) => r.variable === entry.variable);
    return resource
      ? { ...entry, track: { list: resource.list, path: resource.createPath, id: resource.id } }
      : entry;
  });
  const deletes = index.deletes.get(key);
  const out = made.length > 0 ? { ...roles, stores } : roles;
  return deletes ? { ...out, forget: { list: deletes.list, path: deletes.deletePath } } : out;
}

/**
 * Places the model's chains: consumers get `{{variable}}` (as a user value, so it stays a
 * reference), producers a test that stores the value, consumers a prerequest that skips them
 * when a producer gave nothing. Chains whose ends are missing (disabled) are left out.
 */
export function planChains(model: ApiModel): ChainPlan {
  const byKey = new Map(model.operations.map((op) => [op.key, op]));
  const active: ChainModel[] = [];
  for (const chain of model.chains ?? []) {
    const producer = byKey.get(chain.producer);
    const consumer = byKey.get(chain.consumer);
    if (!producer || !consumer || producer === consumer) continue;
    const source = chain.source;
    const fed = feed(consumer, chain, () => {
      if (source.from !== "request") return reference(chain.variable);
      const sent = producer.parameters.find((p) => p.in === source.in && p.name === source.name);
      return sent ?? reference(chain.variable);
    });
    if (!fed) continue;
    byKey.set(consumer.key, fed);
    if (source.from !== "request") active.push(chain);
  }

  const dependants = new Map<string, Set<string>>();
  for (const chain of active) {
    const set = dependants.get(chain.variable) ?? new Set<string>();
    set.add(chain.consumer);
    dependants.set(chain.variable, set);
  }
  // Indexed once: filtering every chain per operation is quadratic on Graph-sized specs.
  const byProducer = new Map<string, ChainModel[]>();
  const byConsumer = new Map<string, ChainModel[]>();
  for (const chain of active) {
    for (const [index, key] of [
      [byProducer, chain.producer],
      [byConsumer, chain.consumer],
    ] as const) {
      const list = index.get(key);
      if (list) list.push(chain);
      else index.set(key, [chain]);
    }
  }
  // Variables that only ever fill a path segment: stored percent-encoded, so a value with a
  // slash (GitHub's ref `refs/heads/x`) stays one segment, as OpenAPI's path style sends it.
  const pathOnly = new Set(active.map((c) => c.variable));
  for (const chain of active) if (chain.target.in !== "path") pathOnly.delete(chain.variable);
  const roles = new Map<string, ChainRoles>();
  for (const op of model.operations) {
    const stores = [
      ...new Map((byProducer.get(op.key) ?? []).map((c) => [c.variable, c])).values(),
    ];
    const needs = byConsumer.get(op.key) ?? [];
    if (stores.length + needs.length === 0) continue;
    const last = op.path.split("/").at(-1);
    const gone =
      op.method === "delete"
        ? [
            ...new Set(
              needs
                .filter((c) => c.target.in === "path" && last === `{${c.target.name}}`)
                .map((c) => c.variable),
            ),
          ]
        : [];
    roles.set(op.key, {
      ...(gone.length > 0 && { gone }),
      resets: stores.map((c) => c.variable),
      needs: [
        ...new Map(
          needs.map((c) => [c.variable, { variable: c.variable, producer: c.producer }]),
        ).values(),
      ],
      stores: stores.map((c) => ({
        variable: c.variable,
        expression: c.expression,
        source: c.source,
        dependants: dependants.get(c.variable)?.size ?? 0,
        ...(pathOnly.has(c.variable) && { path: true }),
      })),
    });
  }
  const operations = model.operations.map((op) => byKey.get(op.key) ?? op);
  return { operations, active, roles };
}

const MAX_NOTES = 40;

/** The collection description's note on inferred chains, so users can check the guesses. */
export function inferredNote(active: readonly ChainModel[]): string | undefined {
  const inferred = active.filter((c) => c.origin === "inferred");
  if (inferred.length === 0) return undefined;
  const lines = inferred
    .slice(0, MAX_NOTES)
    .map(
      (c) =>
        `- ${c.consumer} ${targetText(c.target)} ← {{${c.variable}}} = ${c.producer} ${c.expression}`,
    );
  if (inferred.length > MAX_NOTES) lines.push(`- … and ${inferred.length - MAX_NOTES} more`);
  return [
    `Inferred chains (${inferred.length}; the spec declares no links for them). Check them; change or switch one off with \`chains:\` in the overrides file:`,
    ...lines,
  ].join("\n");
}

/** A script's lines without its whole-line `//` comments (the header, biome's). */
function withoutHeader(lines: string[]): string[] {
  return lines.filter((line) => !line.trimStart().startsWith("//"));
}
