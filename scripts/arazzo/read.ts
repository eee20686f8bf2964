import { parsePointer } from "../load/pointer";
import { canonicalPointer } from "../model/resolve";
import type { ApiModel, OperationModel } from "../model/types";
import type { Report } from "../overrides/load";
import { readActions, readCriteria } from "./criteria";
import { readStepValues, stringMap } from "./step-values";
import type { StepModel, WorkflowInput, WorkflowModel, WorkflowsModel } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_ITEMS) : []);

const MAX_ITEMS = 500;
const ID = /^[A-Za-z0-9_-]+$/;

/** `{ reference: $components.successActions.x }` → the component it names; else the value. */
function dereference(
  value: unknown,
  components: Json,
  at: readonly string[],
  report: Report,
): unknown {
  if (!isObject(value) || typeof value.reference !== "string") return value;
  const match =
    /^\$components\.(parameters|successActions|failureActions|inputs)\.([A-Za-z0-9_.-]+)$/.exec(
      value.reference,
    );
  const group = match?.[1] ? components[match[1]] : undefined;
  const found = isObject(group) && match?.[2] ? group[match[2]] : undefined;
  if (found === undefined) {
    report(
      [...at, "reference"],
      "invalid-arazzo",
      "error",
      `${value.reference} names no component of this document`,
    );
    return undefined;
  }
  // A parameter reference may override the component's value.
  return isObject(found) && value.value !== undefined ? { ...found, value: value.value } : found;
}

/** The operation a step names: `operationId` (optionally `$sourceDescriptions.x.id`) or `operationPath`. */
function operationOf(
  step: Json,
  model: ApiModel,
  at: readonly string[],
  report: Report,
): OperationModel | undefined {
  if (typeof step.operationId === "string") {
    const id = step.operationId.replace(/^\$sourceDescriptions\.[A-Za-z0-9_-]+\./, "");
    const found = model.operations.find((op) => op.operationId === id);
    if (!found)
      report(
        [...at, "operationId"],
        "invalid-arazzo",
        "error",
        `no operation of ${model.spec.file} has operationId ${id}`,
      );
    return found;
  }
  if (typeof step.operationPath === "string") {
    const hash = step.operationPath.indexOf("#");
    const segments = hash < 0 ? undefined : parsePointer(step.operationPath.slice(hash));
    const pointer = segments ? canonicalPointer(segments) : undefined;
    const found = model.operations.find((op) => op.pointer === pointer);
    if (!found) {
      const message = `operationPath ${step.operationPath} names no operation of ${model.spec.file} (expected {$sourceDescriptions.<name>.url}#/paths/~1…/<method>)`;
      report([...at, "operationPath"], "invalid-arazzo", "error", message);
    }
    return found;
  }
  const message =
    step.workflowId !== undefined
      ? "a step that runs another workflow is not supported (Postman cannot return from a jump); the step is left out"
      : "a step needs an operationId or operationPath";
  report(
    [...at],
    step.workflowId !== undefined ? "unsupported-arazzo" : "invalid-arazzo",
    step.workflowId !== undefined ? "warning" : "error",
    message,
  );
  return undefined;
}

function readInputs(
  raw: unknown,
  components: Json,
  at: readonly string[],
  report: Report,
): WorkflowInput[] {
  const schema = dereference(raw, components, at, report);
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  return Object.entries(schema.properties)
    .slice(0, MAX_ITEMS)
    .map(([name, property]) => {
      const input: WorkflowInput = { name };
      if (isObject(property)) {
        if (typeof property.type === "string") input.type = property.type;
        const initial =
          property.default ??
          property.example ??
          (Array.isArray(property.examples) ? property.examples[0] : undefined);
        if (initial !== undefined) input.initial = initial;
      }
      return input;
    });
}

/**
 * The workflows of one Arazzo document against one model. Problems are reported at their
 * place in the Arazzo file; a step whose operation is not found is left out.
 */
export function readWorkflows(
  document: unknown,
  file: string,
  model: ApiModel,
  report: Report,
): WorkflowsModel | undefined {
  if (!isObject(document) || typeof document.arazzo !== "string") {
    report([], "invalid-arazzo", "error", "not an Arazzo document (no `arazzo: 1.0.x` field)");
    return undefined;
  }
  if (!/^1\.0\.\d+/.test(document.arazzo)) {
    report(
      ["arazzo"],
      "invalid-arazzo",
      "error",
      `Arazzo ${document.arazzo} is not supported (1.0.x is)`,
    );
    return undefined;
  }
  const components = isObject(document.components) ? document.components : {};
  const info = isObject(document.info) ? document.info : {};
  const rawWorkflows = list(document.workflows);
  if (rawWorkflows.length === 0)
    report(["workflows"], "invalid-arazzo", "error", "workflows must be a non-empty list");
  const ids = new Set<string>();
  const stepIds = new Map<string, Set<string>>();
  for (const [index, wf] of rawWorkflows.entries()) {
    if (!isObject(wf) || typeof wf.workflowId !== "string" || !ID.test(wf.workflowId)) {
      report(
        ["workflows", String(index)],
        "invalid-arazzo",
        "error",
        "a workflow needs a workflowId of letters, digits, _ and -",
      );
      continue;
    }
    if (ids.has(wf.workflowId))
      report(
        ["workflows", String(index), "workflowId"],
        "invalid-arazzo",
        "error",
        `workflowId ${wf.workflowId} is used twice`,
      );
    ids.add(wf.workflowId);
    stepIds.set(
      wf.workflowId,
      new Set(
        list(wf.steps).flatMap((s) =>
          isObject(s) && typeof s.stepId === "string" ? [s.stepId] : [],
        ),
      ),
    );
  }

  const workflows: WorkflowModel[] = [];
  for (const [index, wf] of rawWorkflows.entries()) {
    if (!isObject(wf) || typeof wf.workflowId !== "string" || !ID.test(wf.workflowId)) continue;
    const workflowId = wf.workflowId;
    const at = ["workflows", String(index)];
    const own = stepIds.get(workflowId) ?? new Set<string>();
    checkDependsOn(wf.dependsOn, [...stepIds.keys()], workflowId, at, report);
    const target = (
      action: { stepId?: unknown; workflowId?: unknown },
      where: readonly string[],
    ) => {
      if (typeof action.stepId === "string") {
        if (own.has(action.stepId)) return `${workflowId}/${action.stepId}`;
        report(
          [...where, "stepId"],
          "invalid-arazzo",
          "error",
          `no step ${action.stepId} in workflow ${workflowId}`,
        );
        return undefined;
      }
      if (typeof action.workflowId === "string") {
        const first = [...(stepIds.get(action.workflowId) ?? [])][0];
        if (first !== undefined) return `${action.workflowId}/${first}`;
        report(
          [...where, "workflowId"],
          "invalid-arazzo",
          "error",
          `no workflow ${action.workflowId} with steps in this document`,
        );
        return undefined;
      }
      report([...where], "invalid-arazzo", "error", "a goto action needs a stepId or workflowId");
      return undefined;
    };
    const shared = list(wf.parameters).map((p, i) =>
      dereference(p, components, [...at, "parameters", String(i)], report),
    );
    const defaults = (kind: "successActions" | "failureActions") =>
      list(wf[kind]).map((a, i) => dereference(a, components, [...at, kind, String(i)], report));
    const steps: StepModel[] = [];
    const rawSteps = list(wf.steps);
    if (rawSteps.length === 0)
      report([...at, "steps"], "invalid-arazzo", "error", "a workflow needs at least one step");
    const seen = new Set<string>();
    for (const [s, raw] of rawSteps.entries()) {
      const where = [...at, "steps", String(s)];
      if (!isObject(raw) || typeof raw.stepId !== "string" || !ID.test(raw.stepId)) {
        report(
          where,
          "invalid-arazzo",
          "error",
          "a step needs a stepId of letters, digits, _ and -",
        );
        continue;
      }
      if (seen.has(raw.stepId))
        report(
          [...where, "stepId"],
          "invalid-arazzo",
          "error",
          `stepId ${raw.stepId} is used twice in workflow ${workflowId}`,
        );
      seen.add(raw.stepId);
      const operation = operationOf(raw, model, where, report);
      if (!operation) continue;
      const parameters = [
        ...shared,
        ...list(raw.parameters).map((p, i) =>
          dereference(p, components, [...where, "parameters", String(i)], report),
        ),
      ];
      const values = readStepValues(raw, parameters, operation, own, where, report);
      const actions = (kind: "onSuccess" | "onFailure", fallback: unknown[]) => {
        const given =
          raw[kind] === undefined
            ? fallback
            : list(raw[kind]).map((a, i) =>
                dereference(a, components, [...where, kind, String(i)], report),
              );
        return readActions(given, [...where, kind], report, target, kind === "onFailure");
      };
      const step: StepModel = {
        stepId: raw.stepId,
        operation: operation.key,
        ...values,
        criteria: readCriteria(raw.successCriteria, [...where, "successCriteria"], report),
        onSuccess: actions("onSuccess", defaults("successActions")),
        onFailure: actions("onFailure", defaults("failureActions")),
      };
      if (typeof raw.description === "string") step.description = raw.description;
      steps.push(step);
    }
    const workflow: WorkflowModel = {
      workflowId,
      inputs: readInputs(wf.inputs, components, [...at, "inputs"], report),
      steps,
      outputs: stringMap(wf.outputs, [...at, "outputs"], report),
    };
    if (typeof wf.summary === "string") workflow.summary = wf.summary;
    if (typeof wf.description === "string") workflow.description = wf.description;
    workflows.push(workflow);
  }
  const title = typeof info.title === "string" ? info.title : file;
  return { file, title, workflows };
}

/** Workflows run in document order: one that depends on a later (or unknown) one cannot. */
function checkDependsOn(
  raw: unknown,
  order: readonly string[],
  workflowId: string,
  at: readonly string[],
  report: Report,
): void {
  const self = order.indexOf(workflowId);
  for (const [i, name] of list(raw).entries()) {
    const where = [...at, "dependsOn", String(i)];
    const index = typeof name === "string" ? order.indexOf(name) : -1;
    if (index < 0)
      report(
        where,
        "invalid-arazzo",
        "error",
        `dependsOn ${String(name)}: no such workflow in this document`,
      );
    else if (index > self) {
      const message = `dependsOn ${String(name)}, which comes later in the document: workflows run in document order, so move it before ${workflowId}`;
      report(where, "unsupported-arazzo", "warning", message);
    }
  }
}
