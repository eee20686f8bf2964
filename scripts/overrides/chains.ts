import type { ChainModel, ChainTarget } from "../model/chain-types";
import { parseSource } from "../model/links";
import type { ApiModel, OperationModel } from "../model/types";
import { parseBodyPath } from "./body-path";
import type { Report } from "./load";
import { closest } from "./suggest";
import type { ChainOverrideInput, OverridesInput } from "./types";
import { describePath } from "./validate";

interface ChainContext {
  find(key: string): OperationModel | undefined;
  report: Report;
  staleMessage(key: string): string;
}

const TARGET = /^(?:(path|query|header)\.(\S+)|body\.(\$\S*))$/;

/** `getProject`, `getProject query.projectId`, `"POST /tasks" body.$.projectId` → op + target. */
function parseConsumer(
  text: string,
  variable: string,
  at: string[],
  ctx: ChainContext,
): { consumer: string; target: ChainTarget } | undefined {
  const words = text.trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  const match = words.length > 1 ? TARGET.exec(last) : null;
  const key = match ? words.slice(0, -1).join(" ") : text.trim();
  const op = ctx.find(key);
  const fail = (why: string) => {
    ctx.report(at, "stale-override", "error", `${describePath(at)}: ${why}`);
    return undefined;
  };
  if (!op) return fail(ctx.staleMessage(key));
  if (match?.[3] !== undefined) {
    if (!op.requestBody) return fail(`${op.key} has no request body in the spec`);
    const path = parseBodyPath(match[3]).map(String);
    return path.length > 0
      ? { consumer: op.key, target: { in: "body", path } }
      : fail("give a field: body.$.name");
  }
  const where = match?.[1];
  const name = match?.[2] ?? variable;
  const param = op.parameters.find(
    (p) => p.name === name && p.in !== "cookie" && (where === undefined || p.in === where),
  );
  if (!param || param.in === "cookie") {
    const known = op.parameters.map((p) => `${p.in}.${p.name}`);
    const guess = closest(`${where ?? "path"}.${name}`, known);
    return fail(
      `${op.key} has no ${where ? `${where} ` : ""}parameter '${name}'` +
        ` (${known.length ? `it has ${known.join(", ")}` : "it has none"}); ` +
        `${guess ? `write '${op.operationId ?? op.key} ${guess}'` : "name one as `operation path.name`"}, or remove it`,
    );
  }
  return { consumer: op.key, target: { in: param.in, name: param.name } };
}

const sameTarget = (a: ChainModel, b: Pick<ChainModel, "consumer" | "target">) =>
  a.consumer === b.consumer && JSON.stringify(a.target) === JSON.stringify(b.target);

function userChains(
  variable: string,
  entry: ChainOverrideInput,
  existing: readonly ChainModel[],
  ctx: ChainContext,
): ChainModel[] {
  const at = ["chains", variable];
  const producer = ctx.find(entry.from);
  if (!producer) {
    ctx.report(
      [...at, "from"],
      "stale-override",
      "error",
      `${describePath([...at, "from"])}: ${ctx.staleMessage(entry.from)}`,
    );
    return [];
  }
  const source = parseSource(entry.value);
  if (!source || source.from === "request") {
    const where = [...at, "value"];
    ctx.report(
      where,
      "invalid-override",
      "error",
      `${describePath(where)}: write $response.body#/pointer or $response.header.Name`,
    );
    return [];
  }
  const base = {
    variable,
    producer: producer.key,
    source,
    expression: entry.value.trim(),
    origin: "user" as const,
  };
  if (entry.to === undefined) {
    const targets = existing.filter((c) => c.variable === variable);
    if (targets.length === 0) {
      ctx.report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)}: no chain uses {{${variable}}} yet; say which requests do with to: [operation, ...]`,
      );
    }
    return targets.map((c) => ({ ...base, consumer: c.consumer, target: c.target }));
  }
  return entry.to.flatMap((text, index) => {
    const parsed = parseConsumer(text, variable, [...at, "to", String(index)], ctx);
    return parsed ? [{ ...base, ...parsed }] : [];
  });
}

/**
 * The chains as the overrides file wants them: `inferChains: false` drops the guesses, a
 * `false` entry switches a chain off, an entry adds one or replaces the chain(s) with its
 * variable and whatever fed the same parameters. Undefined when the file says nothing on chains.
 */
export function resolveChains(
  input: OverridesInput,
  model: ApiModel,
  ctx: ChainContext,
): ChainModel[] | undefined {
  if (input.chains === undefined && input.inferChains === undefined) return undefined;
  let chains = (model.chains ?? []).filter(
    (c) => input.inferChains !== false || c.origin !== "inferred",
  );
  for (const [variable, entry] of Object.entries(input.chains ?? {})) {
    const at = ["chains", variable];
    if (entry === true) {
      ctx.report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)}: true changes nothing; give from and value, or false to switch it off`,
      );
      continue;
    }
    if (entry === false) {
      if (!chains.some((c) => c.variable === variable)) {
        const names = [...new Set((model.chains ?? []).map((c) => c.variable))];
        const guess = closest(variable, names);
        ctx.report(
          at,
          "stale-override",
          "warning",
          `${describePath(at)}: no chain sets {{${variable}}}${guess ? ` (did you mean '${guess}'?)` : ""}; remove the entry`,
        );
      }
      chains = chains.filter((c) => c.variable !== variable);
      continue;
    }
    const added = userChains(variable, entry, chains, ctx);
    chains = [
      ...chains.filter((c) => c.variable !== variable && !added.some((a) => sameTarget(c, a))),
      ...added,
    ];
  }
  return chains;
}
