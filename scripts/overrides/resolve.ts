import { basename } from "node:path";
import { isReservedVariable } from "../model/reserved";
import type { ApiModel, OperationModel, ParameterModel } from "../model/types";
import type { Problem } from "../problems";
import { parseBodyPath } from "./body-path";
import { resolveChains } from "./chains";
import { type OverridesFile, type Report, reporter, sortByPlace } from "./load";
import { checkRunOrder } from "./order";
import { checkSecurityOverride } from "./security";
import { closest } from "./suggest";
import type { ExampleOverrides, OperationOverride, ResolvedOverrides } from "./types";
import { describePath } from "./validate";

const METHOD_PATH = /^([A-Za-z]+)\s+(\/\S*)$/;

/** operationId first (what users see in the spec), then `METHOD /path`, method in any case. */
export function operationFinder(model: ApiModel): (key: string) => OperationModel | undefined {
  const byId = new Map<string, OperationModel>();
  for (const op of model.operations) {
    if (op.operationId !== undefined && !byId.has(op.operationId)) byId.set(op.operationId, op);
  }
  const byKey = new Map(model.operations.map((op) => [op.key, op]));
  return (key) => {
    const found = byId.get(key);
    if (found) return found;
    const match = METHOD_PATH.exec(key.trim());
    return match ? byKey.get(`${match[1]?.toUpperCase()} ${match[2]}`) : undefined;
  };
}

function staleOperation(model: ApiModel, key: string): string {
  const names = model.operations.flatMap((op) =>
    op.operationId === undefined ? [op.key] : [op.operationId, op.key],
  );
  const guess = closest(key, names);
  return (
    `no operation '${key}' in ${model.spec.file}: it was renamed or removed from the spec. ` +
    `Rename the key to the operation's operationId or "METHOD /path"${guess ? ` (did you mean '${guess}'?)` : ""}, or delete it`
  );
}

const LOCATIONS = ["path", "query", "header"] as const;

function findParameter(op: OperationModel, where: string, name: string) {
  const same = (p: ParameterModel) =>
    p.in === where &&
    (where === "header" ? p.name.toLowerCase() === name.toLowerCase() : p.name === name);
  return op.parameters.find(same);
}

function checkExamples(
  op: OperationModel,
  examples: ExampleOverrides,
  at: string[],
  report: Report,
) {
  for (const where of LOCATIONS) {
    for (const name of Object.keys(examples[where] ?? {})) {
      if (findParameter(op, where, name)) continue;
      const known = op.parameters.filter((p) => p.in === where).map((p) => p.name);
      const guess = closest(name, known);
      const segments = [...at, "examples", where, name];
      report(
        segments,
        "stale-override",
        "error",
        `${describePath(segments)}: ${op.key} has no ${where} parameter '${name}'` +
          ` (${known.length ? `it has ${known.join(", ")}` : `it has no ${where} parameters`})` +
          `; ${guess ? `rename it to '${guess}'` : "rename"} or remove it`,
      );
    }
  }
  if (examples.body !== undefined && op.requestBody === undefined) {
    const segments = [...at, "examples", "body"];
    report(
      segments,
      "stale-override",
      "error",
      `${describePath(segments)}: ${op.key} has no request body in the spec; remove it`,
    );
  }
}

export interface ResolveResult {
  resolved?: ResolvedOverrides;
  problems: Problem[];
}

/**
 * Matches an overrides file to the spec's operations. Every key must still name an operation
 * and every example a parameter: an override the spec no longer has is an error at its line
 * (stale-override), never silently dropped.
 */
export function resolveOverrides(file: OverridesFile, model: ApiModel): ResolveResult {
  const problems: Problem[] = [];
  const report = reporter(file.file, file.position, problems);
  const find = operationFinder(model);

  const operations: OperationOverride[] = [];
  const claimedBy = new Map<string, string>();
  for (const [key, input] of Object.entries(file.input.operations ?? {})) {
    const at = ["operations", key];
    const op = find(key);
    if (!op) {
      report(at, "stale-override", "error", `${describePath(at)}: ${staleOperation(model, key)}`);
      continue;
    }
    const sharing = model.operations.filter((o) => o.operationId === key);
    if (sharing.length > 1) {
      // The spec's duplicate operationId is only a warning; an override it decides is not.
      const keys = sharing.map((o) => `'${o.key}'`).join(", ");
      report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)}: operationId '${key}' names ${sharing.length} operations (${keys}); key the override by "METHOD /path" instead`,
      );
      continue;
    }
    const earlier = claimedBy.get(op.key);
    if (earlier !== undefined) {
      report(
        at,
        "invalid-override",
        "error",
        `${describePath(at)} and '${earlier}' both name ${op.key}; merge them into one entry`,
      );
      continue;
    }
    claimedBy.set(op.key, key);
    const examples = input.examples ?? {};
    checkExamples(op, examples, at, report);
    const set = Object.entries(input.set ?? {}).map(([name, source]) => {
      if (isReservedVariable(name)) {
        report(
          [...at, "set", name],
          "invalid-override",
          "error",
          `${describePath([...at, "set", name])}: '${name}' belongs to the generated collection (authentication and base URL); choose another name`,
        );
      }
      return { name, source, path: parseBodyPath(source) };
    });
    const scripts = file.scripts.get(key) ?? {};
    if (input.security) checkSecurityOverride(op, input.security, at, report);
    operations.push({
      operationKey: op.key,
      disabled: input.disabled === true,
      expect: input.expect ?? [],
      ...(input.maxP95 !== undefined && { maxP95Ms: input.maxP95 }),
      examples,
      set,
      prerequest: scripts.prerequest ?? [],
      tests: scripts.tests ?? [],
      ...(input.security && { security: input.security }),
    });
  }

  if (operations.filter((o) => o.disabled).length === model.operations.length) {
    report(
      ["operations"],
      "invalid-override",
      "error",
      "every operation is disabled: the collection would have no requests; enable at least one",
    );
  }
  const rank = checkRunOrder(file.input.order ?? [], model, operations, {
    find,
    report,
    staleMessage: (key) => staleOperation(model, key),
  });
  const chains = resolveChains(file.input, model, {
    find,
    report,
    staleMessage: (key) => staleOperation(model, key),
  });
  if (problems.some((p) => p.severity === "error")) return { problems: sortByPlace(problems) };
  const fileName = basename(file.absolutePath);
  return {
    resolved: { fileName, operations, rank, inputs: file.inputs, ...(chains ? { chains } : {}) },
    problems: sortByPlace(problems),
  };
}
