import type { Report } from "../overrides/load";
import type { ActionModel, CriterionModel, CriterionType } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const MAX_ITEMS = 100;
const MAX_CONDITION = 1000;

/** Criteria of a step or an action; a criterion this tool cannot evaluate is left out (warning). */
export function readCriteria(
  raw: unknown,
  at: readonly string[],
  report: Report,
): CriterionModel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report([...at], "invalid-arazzo", "error", "criteria must be a list of Criterion objects");
    return [];
  }
  const out: CriterionModel[] = [];
  for (const [index, entry] of raw.slice(0, MAX_ITEMS).entries()) {
    const where = [...at, String(index)];
    if (!isObject(entry) || typeof entry.condition !== "string" || entry.condition.trim() === "") {
      report(where, "invalid-arazzo", "error", "a criterion needs a `condition` (text)");
      continue;
    }
    if (entry.condition.length > MAX_CONDITION) {
      report([...where, "condition"], "invalid-arazzo", "error", "condition over 1000 characters");
      continue;
    }
    const declared = isObject(entry.type) ? entry.type.type : (entry.type ?? "simple");
    if (declared !== "simple" && declared !== "regex" && declared !== "jsonpath") {
      const message = `criterion type ${JSON.stringify(declared)} is not supported (simple, regex, jsonpath); the criterion is left out`;
      report([...where, "type"], "unsupported-arazzo", "warning", message);
      continue;
    }
    const type = declared as CriterionType;
    const context = typeof entry.context === "string" ? entry.context.trim() : undefined;
    if (type !== "simple" && context === undefined) {
      const message = `a ${type} criterion needs a \`context\` (the value it applies to, e.g. $response.body)`;
      report(where, "invalid-arazzo", "error", message);
      continue;
    }
    out.push(
      context === undefined
        ? { condition: entry.condition, type }
        : { condition: entry.condition, type, context },
    );
  }
  return out;
}

/** Where an action leads, as a step key; undefined with a problem reported when it is nowhere. */
export type ResolveTarget = (
  action: { stepId?: unknown; workflowId?: unknown },
  at: readonly string[],
) => string | undefined;

const MAX_RETRY_WAIT = 10;

/**
 * onSuccess / onFailure of a step (reusable `$components` actions already substituted).
 * `retryAfter` waits at most 10 s (the run would stall otherwise).
 */
export function readActions(
  raw: unknown,
  at: readonly string[],
  report: Report,
  target: ResolveTarget,
  allowRetry: boolean,
): ActionModel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report([...at], "invalid-arazzo", "error", "actions must be a list");
    return [];
  }
  const out: ActionModel[] = [];
  for (const [index, entry] of raw.slice(0, MAX_ITEMS).entries()) {
    const where = [...at, String(index)];
    if (!isObject(entry)) {
      report(
        where,
        "invalid-arazzo",
        "error",
        "an action must be an object with `name` and `type`",
      );
      continue;
    }
    const type = entry.type;
    const name = typeof entry.name === "string" ? entry.name : `${at.at(-1)}[${index}]`;
    if (type !== "end" && type !== "goto" && !(type === "retry" && allowRetry)) {
      const message = `action type ${JSON.stringify(type)} is not one of ${allowRetry ? "end, goto, retry" : "end, goto"}`;
      report([...where, "type"], "invalid-arazzo", "error", message);
      continue;
    }
    const action: ActionModel = {
      name,
      type,
      criteria: readCriteria(entry.criteria, [...where, "criteria"], report),
    };
    if (type === "goto" || (type === "retry" && (entry.stepId ?? entry.workflowId) !== undefined)) {
      const to = target(entry, where);
      if (to === undefined) continue;
      action.target = to;
    }
    if (type === "retry") {
      const limit = typeof entry.retryLimit === "number" ? Math.floor(entry.retryLimit) : 1;
      action.retryLimit = Math.max(0, Math.min(limit, 10));
      if (typeof entry.retryAfter === "number" && entry.retryAfter > 0) {
        action.retryAfter = Math.min(entry.retryAfter, MAX_RETRY_WAIT);
      }
    }
    out.push(action);
  }
  return out;
}
