import { scriptAssetLines } from "../assets";
import { type CleanupResource, TRACK } from "../collection/cleanup";
import { objectLines } from "../collection/contract-data";
import type { IdSource } from "../collection/ids";
import { operationRequest } from "../collection/request";
import type {
  PostmanEvent,
  PostmanItem,
  PostmanItemGroup,
  PostmanVariable,
} from "../collection/types";
import type { OperationModel, ParameterModel } from "../model/types";
import { expressionsIn } from "./expressions";
import type { ActionModel, StepModel, WorkflowModel, WorkflowsModel } from "./types";

const VALUES = scriptAssetLines("postman/workflow-values.js");
const PREREQUEST = [...VALUES, ...scriptAssetLines("postman/workflow-prerequest.js")];
const TEST = [
  ...VALUES,
  ...scriptAssetLines("postman/workflow-condition.js"),
  ...scriptAssetLines("postman/workflow-jsonpath.js"),
  ...scriptAssetLines("postman/workflow-test.js"),
];

/** Collection variables of a workflow: `<workflowId>.inputs.x`, `<workflowId>.steps.s.outputs.x`. */
export const workflowVariable = {
  input: (wf: string, name: string) => `${wf}.inputs.${name}`,
  request: (wf: string, step: string, where: string) => `${wf}.steps.${step}.request.${where}`,
};

const stepKey = (wf: string, step: string) => `workflow-step:${wf}/${step}`;
const usesExpressions = (value: unknown) => expressionsIn(value).length > 0;

/** The operation as this step sends it: `{{variables}}` where a runtime expression goes. */
function stepOperation(op: OperationModel, wf: string, step: StepModel): OperationModel {
  const parameters = [...op.parameters];
  for (const given of step.parameters) {
    const variable = workflowVariable.request(wf, step.stepId, `${given.in}.${given.name}`);
    const value = usesExpressions(given.value) ? `{{${variable}}}` : given.value;
    const index = parameters.findIndex((p) => p.in === given.in && p.name === given.name);
    const base: ParameterModel = parameters[index] ?? {
      name: given.name,
      in: given.in,
      required: true,
      example: value,
      pointer: op.pointer,
    };
    const next: ParameterModel = { ...base, example: value, exampleSource: "user" };
    if (index >= 0) parameters[index] = next;
    else parameters.push(next);
  }
  const out: OperationModel = { ...op, parameters };
  if (step.body && op.requestBody) {
    const runtime = usesExpressions(step.body.payload) || step.body.replacements.length > 0;
    out.requestBody = {
      ...op.requestBody,
      contentType: step.body.contentType ?? op.requestBody.contentType,
      example: runtime ? null : step.body.payload,
      exampleSource: "user",
    };
  }
  return out;
}

/** A step that creates what the Cleanup folder deletes records it, as the create's chain would. */
function trackOf(operation: string, created: readonly CleanupResource[]) {
  const resource = created.find((r) => r.create === operation);
  if (!resource) return {};
  const source = resource.source;
  const expression =
    source.from === "body"
      ? `$response.body#/${source.pointer.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`
      : source.from === "header"
        ? `$response.header.${source.name}`
        : "location-id";
  return { track: { list: resource.list, path: resource.createPath, id: resource.id, expression } };
}

interface Placed {
  workflow: WorkflowModel;
  step: StepModel;
  id: string;
  operation: OperationModel;
}

export interface WorkflowsPlan {
  folder: PostmanItemGroup;
  events: { prerequest: PostmanEvent; test: PostmanEvent };
  variables: PostmanVariable[];
}

/**
 * The "Workflows" folder: one sub-folder per workflow, one request per step. What each step
 * resolves, checks, stores and where it goes next sits in one collection-level table keyed by
 * item id, read by the workflow scripts. `following`: the item after the folder (null: none),
 * where a workflow that ends early jumps to when it is the last one.
 */
export function workflowsPlan(
  documents: readonly WorkflowsModel[],
  operations: ReadonlyMap<string, OperationModel>,
  ids: IdSource,
  around: { following: string | null; created: readonly CleanupResource[] },
): WorkflowsPlan | undefined {
  const following = around.following;
  const workflows = documents.flatMap((d) => d.workflows).filter((w) => w.steps.length > 0);
  if (workflows.length === 0) return undefined;
  const placed: Placed[][] = workflows.map((workflow) =>
    workflow.steps.flatMap((step) => {
      const operation = operations.get(step.operation);
      return operation
        ? [{ workflow, step, id: ids.of(stepKey(workflow.workflowId, step.stepId)), operation }]
        : [];
    }),
  );
  const idOf = (key: string | undefined) =>
    key === undefined ? undefined : ids.of(`workflow-step:${key}`);
  const table = new Map<string, unknown>();
  const folders: PostmanItemGroup[] = [];
  const variables: PostmanVariable[] = [];
  for (const [w, steps] of placed.entries()) {
    const workflow = workflows[w] as WorkflowModel;
    const wf = workflow.workflowId;
    const end = placed.slice(w + 1).find((s) => s.length > 0)?.[0]?.id ?? following;
    const action = (a: ActionModel) => ({
      ...a,
      target: a.type === "retry" && a.target === undefined ? "self" : (idOf(a.target) ?? null),
    });
    for (const input of workflow.inputs) {
      const initial =
        input.initial === undefined
          ? ""
          : typeof input.initial === "string"
            ? input.initial
            : JSON.stringify(input.initial);
      variables.push({
        key: workflowVariable.input(wf, input.name),
        value: initial,
        type: "string",
        description: `Input ${input.name} of workflow ${wf} ($inputs.${input.name}); set it in the environment to change it.`,
      });
    }
    for (const { step, id } of steps) {
      const params = step.parameters
        .filter((p) => usesExpressions(p.value))
        .map((p) => ({
          variable: workflowVariable.request(wf, step.stepId, `${p.in}.${p.name}`),
          in: p.in,
          name: p.name,
          value: p.value,
        }));
      const body =
        step.body && (usesExpressions(step.body.payload) || step.body.replacements.length > 0)
          ? { variable: workflowVariable.request(wf, step.stepId, "body"), ...step.body }
          : undefined;
      table.set(id, {
        workflow: wf,
        step: step.stepId,
        inputs: Object.fromEntries(workflow.inputs.map((i) => [i.name, i.type ?? "string"])),
        params,
        ...(body ? { body } : {}),
        criteria: step.criteria,
        outputs: step.outputs,
        workflowOutputs: workflow.outputs,
        onSuccess: step.onSuccess.map(action),
        onFailure: step.onFailure.map(action),
        end,
        ...trackOf(step.operation, around.created),
      });
    }
    const items: PostmanItem[] = steps.map(({ step, id, operation }) => {
      const request = operationRequest(stepOperation(operation, wf, step));
      const variable = workflowVariable.request(wf, step.stepId, "body");
      if (request.body?.mode === "raw" && (table.get(id) as { body?: unknown }).body)
        request.body.raw = `{{${variable}}}`;
      const item: PostmanItem = { id, name: step.stepId, request, response: [] };
      const description = [
        step.description,
        `Step ${step.stepId} of workflow ${wf}: ${operation.key}.`,
      ]
        .filter(Boolean)
        .join("\n\n");
      item.description = description;
      return item;
    });
    const folder: PostmanItemGroup = {
      id: ids.of(`workflow:${wf}`),
      name: workflow.summary ?? wf,
      item: items,
    };
    if (workflow.description) folder.description = workflow.description;
    folders.push(folder);
  }
  const lines = objectLines("SPECPOST_WORKFLOWS", table, true);
  const event = (listen: PostmanEvent["listen"], body: string[]): PostmanEvent => ({
    listen,
    script: {
      type: "text/javascript",
      exec: [
        `// Arazzo workflows (${workflows.length}): what each step resolves, checks, stores and where it goes next.`,
        ...lines,
        ...body,
      ],
    },
  });
  return {
    folder: { id: ids.of("workflows"), name: "Workflows", item: folders },
    events: {
      prerequest: event("prerequest", PREREQUEST),
      test: event("test", around.created.length > 0 ? [...TRACK, ...TEST] : TEST),
    },
    variables,
  };
}
