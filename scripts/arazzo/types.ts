/**
 * An Arazzo 1.0.x workflow reduced to what a Postman collection can run: each step names an
 * operation of the spec by its key; values are runtime expressions resolved inside Postman.
 */

/** How a criterion is evaluated (`xpath` is not supported: a warning, the criterion left out). */
export type CriterionType = "simple" | "regex" | "jsonpath";

export interface CriterionModel {
  condition: string;
  type: CriterionType;
  /** Runtime expression the regex or JSONPath applies to (`$response.body`). */
  context?: string;
}

/** `end`, `goto` (a step of this workflow, or the first step of another one), `retry`. */
export interface ActionModel {
  name: string;
  type: "end" | "goto" | "retry";
  /** goto: the target step's key (`workflowId/stepId`). */
  target?: string;
  /** retry: at most this many times (default 1); wait before, in seconds (capped). */
  retryLimit?: number;
  retryAfter?: number;
  criteria: CriterionModel[];
}

/** A parameter the step sends: literal or runtime expression (`$steps.a.outputs.b`, `{$inputs.x}`). */
export interface StepParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  value: unknown;
}

export interface StepModel {
  stepId: string;
  description?: string;
  /** Operation key in the model (`POST /projects`). */
  operation: string;
  parameters: StepParameter[];
  body?: {
    contentType?: string;
    payload: unknown;
    replacements: Array<{ target: string; value: unknown }>;
  };
  criteria: CriterionModel[];
  outputs: Record<string, string>;
  onSuccess: ActionModel[];
  onFailure: ActionModel[];
}

export interface WorkflowInput {
  name: string;
  /** JSON type of the input schema (`string`, `integer`, …): how a variable's text is read. */
  type?: string;
  /** The schema's default or example, as the collection variable's initial value. */
  initial?: unknown;
}

export interface WorkflowModel {
  workflowId: string;
  summary?: string;
  description?: string;
  inputs: WorkflowInput[];
  steps: StepModel[];
  outputs: Record<string, string>;
}

export interface WorkflowsModel {
  /** The Arazzo file as the user would name it. */
  file: string;
  title: string;
  workflows: WorkflowModel[];
}
