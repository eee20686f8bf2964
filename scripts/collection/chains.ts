import { scriptAssetLines } from "../assets";
import { type ChainModel, targetText } from "../model/chain-types";
import type { ApiModel, BodyModel, OperationModel, ParameterModel } from "../model/types";
import type { PostmanEvent, PostmanVariable } from "./types";

const PREREQUEST = scriptAssetLines("postman/chain-prerequest.js");
const STORE = scriptAssetLines("postman/chain-store.js");

/** What the model's chains become in the collection. */
export interface ChainPlan {
  /** The operations with `{{variable}}` where a chain feeds them (spec order kept). */
  operations: OperationModel[];
  /** Chains that feed a request, in model order. */
  active: ChainModel[];
  /** Prerequest and test events per operation key, before the user's own. */
  events: Map<string, PostmanEvent[]>;
  variables: PostmanVariable[];
}

const reference = (variable: string) => `{{${variable}}}`;

function withBodyField(
  body: BodyModel,
  path: readonly string[],
  value: string,
): BodyModel | undefined {
  // A body with spec text that looks like `{{…}}` keeps its escaping: it is not chained.
  if (body.exampleSource !== "user" && JSON.stringify(body.example ?? null).includes("{{"))
    return undefined;
  const copy: unknown = structuredClone(body.example);
  let at: unknown = copy;
  for (const [index, step] of path.entries()) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, step)) return undefined;
    const holder = at as Record<string, unknown>;
    if (index === path.length - 1) holder[step] = value;
    else at = holder[step];
  }
  return { ...body, example: copy, exampleSource: "user" };
}

/** The consumer with the chain's value in place; undefined when the target is not there or the user set it. */
function feed(
  op: OperationModel,
  chain: ChainModel,
  value: () => ParameterModel | string,
): OperationModel | undefined {
  const target = chain.target;
  if (target.in === "body") {
    const body =
      op.requestBody && withBodyField(op.requestBody, target.path, reference(chain.variable));
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

function script(listen: PostmanEvent["listen"], exec: string[]): PostmanEvent {
  return { listen, script: { type: "text/javascript", exec } };
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
  const events = new Map<string, PostmanEvent[]>();
  const variables: PostmanVariable[] = [];
  for (const op of model.operations) {
    const stores = [
      ...new Map(active.filter((c) => c.producer === op.key).map((c) => [c.variable, c])).values(),
    ];
    const needs = active.filter((c) => c.consumer === op.key);
    const resets = stores.map((c) => c.variable);
    const needed = [
      ...new Map(
        needs.map((c) => [c.variable, { variable: c.variable, producer: c.producer }]),
      ).values(),
    ];
    const added: PostmanEvent[] = [];
    if (resets.length + needed.length > 0) {
      added.push(
        script("prerequest", [
          `const SPECPOST_CHAIN = ${JSON.stringify({ resets, needs: needed })};`,
          ...PREREQUEST,
        ]),
      );
    }
    if (stores.length > 0) {
      const entries = stores.map((c) => ({
        variable: c.variable,
        expression: c.expression,
        source: c.source,
        dependants: dependants.get(c.variable)?.size ?? 0,
      }));
      added.push(script("test", [`const SPECPOST_STORE = ${JSON.stringify(entries)};`, ...STORE]));
    }
    if (added.length > 0) events.set(op.key, added);
    for (const c of stores) {
      variables.push({
        key: c.variable,
        value: "",
        type: "string",
        description: `Set by ${c.producer} from ${c.expression} (${c.origin} chain); used by ${[...(dependants.get(c.variable) ?? [])].join(", ")}.`,
      });
    }
  }
  const operations = model.operations.map((op) => byKey.get(op.key) ?? op);
  return { operations, active, events, variables };
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
