import type { OperationModel } from "../model/types";
import type { Report } from "../overrides/load";
import { expressionsIn, isExpression, stepOf } from "./expressions";
import type { StepModel, StepParameter } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** Expressions a value uses: unknown ones are sent as text (warning), unknown steps are errors. */
function checkExpressions(
  value: unknown,
  steps: ReadonlySet<string>,
  at: readonly string[],
  report: Report,
  effect = "it is sent as text",
): void {
  for (const expression of expressionsIn(value)) {
    if (!isExpression(expression)) {
      report(
        [...at],
        "unsupported-arazzo",
        "warning",
        `${expression} is not a runtime expression specpost resolves; ${effect}`,
      );
      continue;
    }
    const step = stepOf(expression);
    if (step !== undefined && !steps.has(step)) {
      report(
        [...at],
        "invalid-arazzo",
        "error",
        `${expression}: this workflow has no step ${step}`,
      );
    }
  }
}

/** A step's parameters, request body and outputs, checked against its operation. */
export function readStepValues(
  raw: Json,
  parameters: readonly unknown[],
  operation: OperationModel,
  steps: ReadonlySet<string>,
  at: readonly string[],
  report: Report,
): Pick<StepModel, "parameters" | "body" | "outputs"> {
  const out: StepParameter[] = [];
  for (const [index, entry] of parameters.entries()) {
    const where = [...at, "parameters", String(index)];
    if (entry === undefined) continue;
    if (!isObject(entry) || typeof entry.name !== "string" || entry.value === undefined) {
      report(where, "invalid-arazzo", "error", "a parameter needs a `name` and a `value`");
      continue;
    }
    const declared = typeof entry.in === "string" ? entry.in : undefined;
    if (declared !== undefined && !LOCATIONS.has(declared)) {
      report(
        [...where, "in"],
        "invalid-arazzo",
        "error",
        `in: ${declared} is not path, query, header or cookie`,
      );
      continue;
    }
    const param = operation.parameters.find(
      (p) => p.name === entry.name && (declared === undefined || p.in === declared),
    );
    const location = (declared ?? param?.in) as StepParameter["in"] | undefined;
    if (location === undefined) {
      report(
        [...where, "name"],
        "invalid-arazzo",
        "error",
        `${operation.key} has no parameter ${entry.name}; say where it goes with \`in\``,
      );
      continue;
    }
    if (location === "cookie") {
      report(
        [...where, "in"],
        "unsupported-arazzo",
        "warning",
        "cookie parameters are not sent by specpost's collections; left out",
      );
      continue;
    }
    if (location === "path" && !param) {
      report(
        [...where, "name"],
        "invalid-arazzo",
        "error",
        `${operation.path} has no path parameter ${entry.name}`,
      );
      continue;
    }
    checkExpressions(entry.value, steps, [...where, "value"], report);
    // Later entries win: a step's own parameter over the workflow's shared one of that name.
    const same = out.findIndex((p) => p.name === entry.name && p.in === location);
    if (same >= 0) out.splice(same, 1);
    out.push({ name: entry.name, in: location, value: entry.value });
  }

  const values: Pick<StepModel, "parameters" | "body" | "outputs"> = {
    parameters: out,
    outputs: stringMap(raw.outputs, [...at, "outputs"], report),
  };
  for (const [name, expression] of Object.entries(values.outputs)) {
    checkExpressions(
      expression,
      steps,
      [...at, "outputs", name],
      report,
      "the output gets no value",
    );
  }
  const body = raw.requestBody;
  if (isObject(body)) {
    const where = [...at, "requestBody"];
    if (!operation.requestBody) {
      report(where, "invalid-arazzo", "error", `${operation.key} takes no request body`);
    } else if (body.payload !== undefined || Array.isArray(body.replacements)) {
      checkExpressions(body.payload, steps, [...where, "payload"], report);
      const replacements = (Array.isArray(body.replacements) ? body.replacements.slice(0, 100) : [])
        .filter((r): r is Json => isObject(r) && typeof r.target === "string")
        .map((r) => ({ target: String(r.target), value: r.value }));
      checkExpressions(
        replacements.map((r) => r.value),
        steps,
        [...where, "replacements"],
        report,
      );
      values.body = {
        payload: body.payload ?? operation.requestBody.example,
        replacements,
        ...(typeof body.contentType === "string" ? { contentType: body.contentType } : {}),
      };
    }
  }
  return values;
}

/** `outputs`: names to runtime expressions. */
export function stringMap(
  raw: unknown,
  at: readonly string[],
  report: Report,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined) return out;
  if (!isObject(raw)) {
    report([...at], "invalid-arazzo", "error", "outputs must map names to runtime expressions");
    return out;
  }
  for (const [name, value] of Object.entries(raw).slice(0, 500)) {
    if (typeof value !== "string" || !/^[A-Za-z0-9_.-]+$/.test(name)) {
      report(
        [...at, name],
        "invalid-arazzo",
        "error",
        "an output needs a name of letters, digits, ., _ and - and a runtime expression",
      );
      continue;
    }
    out[name] = value.trim();
  }
  return out;
}
