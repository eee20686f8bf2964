import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { displayPath, readSource } from "../load/source";
import type { ApiModel } from "../model/types";
import { reporter, sortByPlace } from "../overrides/load";
import type { Problem } from "../problems";
import { readWorkflows } from "./read";
import type { WorkflowsModel } from "./types";

/** `<name>.arazzo.yaml` / `.yml` / `.json`: workflows over the spec its sourceDescriptions name. */
export const ARAZZO_FILE = /\.arazzo\.(ya?ml|json)$/i;

const MAX_FILES = 50;

export interface WorkflowsOutcome {
  /** One entry per Arazzo file that names this spec (sorted by file name). */
  documents: WorkflowsModel[];
  /** Located in the Arazzo files; any error means nothing is written for the spec. */
  problems: Problem[];
  /** Arazzo files read (absolute), for watch mode. */
  inputs: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Whether the document's sourceDescriptions name the spec at `specPath` (url relative to the file). */
function namesSpec(document: unknown, arazzoPath: string, specPath: string): boolean {
  if (!isObject(document) || !Array.isArray(document.sourceDescriptions)) return false;
  return document.sourceDescriptions
    .slice(0, 100)
    .some(
      (source) =>
        isObject(source) &&
        typeof source.url === "string" &&
        (source.type === undefined || source.type === "openapi") &&
        !/^[a-z][a-z0-9+.-]*:/i.test(source.url) &&
        resolve(dirname(arazzoPath), source.url) === specPath,
    );
}

/**
 * The Arazzo files beside the model's spec whose sourceDescriptions name it, read and matched
 * to the model. No such file is no workflows, not a problem.
 */
export async function workflowsFor(model: ApiModel, cwd: string): Promise<WorkflowsOutcome> {
  const specPath = model.spec.absolutePath;
  const dir = dirname(specPath);
  let names: string[];
  try {
    names = (await readdir(dir))
      .filter((n) => ARAZZO_FILE.test(n))
      .sort()
      .slice(0, MAX_FILES);
  } catch {
    return { documents: [], problems: [], inputs: [] };
  }
  const documents: WorkflowsModel[] = [];
  const problems: Problem[] = [];
  const inputs: string[] = [];
  for (const name of names) {
    const absolutePath = join(dir, name);
    const file = displayPath(absolutePath, cwd);
    const read = await readSource(absolutePath, file);
    if (!read.ok) {
      // Unreadable: it cannot say which spec it is for; `<spec name>.arazzo.*` is this one's.
      if (name.startsWith(`${model.name}.`)) problems.push(read.problem);
      inputs.push(absolutePath);
      continue;
    }
    if (!namesSpec(read.source.data, absolutePath, specPath)) continue;
    inputs.push(absolutePath);
    const own: Problem[] = [];
    const source = read.source;
    const report = reporter(file, (s) => source.position(s), own);
    const workflows = readWorkflows(source.data, file, model, report);
    problems.push(...sortByPlace(own));
    if (workflows && workflows.workflows.length > 0) documents.push(workflows);
  }
  return { documents, problems, inputs };
}
