import path from "node:path";
import type { CollectionDefinition } from "postman-collection";
import { readModelOptions } from "../collection/model-options";
import type { ApiModel } from "../model/types";
import { formatProblem } from "../problems";
import {
  type ClientCredentials,
  credentialEnvName,
  credentialsFor,
  type RunContext,
} from "./context";
import type { RunDeps } from "./deps";
import { type CollectionFiles, discoverCollections, rel } from "./discover";
import { type EnvironmentValue, readJson } from "./environment";

/** One collection, checked and loaded, ready to run. */
export interface RunPlan {
  files: CollectionFiles;
  model: ApiModel;
  collection: CollectionDefinition;
  environmentFile?: { name?: string; values?: EnvironmentValue[] };
  /** Only for sandbox/production; the mock has its own demo credentials. */
  credentials?: Required<ClientCredentials>;
  /** `maxP95` of the spec's overrides file, by operation key (ms). */
  p95Limits: Record<string, number>;
}

export interface Preparation {
  plans: RunPlan[];
  /** One line each. Any error means nothing runs (exit 2): no half-done runs. */
  errors: string[];
}

/**
 * Everything that can be checked before a request goes out: the collection files, their
 * specs (loaded into a model), environment files and credentials. Only client-credentials
 * APIs need credentials here; other auth kinds take theirs from `--env-var` (api_key, ...).
 */
export async function prepareRun(ctx: RunContext, deps: RunDeps): Promise<Preparation> {
  const { files, errors } = discoverCollections(ctx);
  const plans: RunPlan[] = [];
  for (const entry of files) {
    const label = rel(ctx.cwd, entry.collectionFile);
    const collection = readJson<CollectionDefinition>(entry.collectionFile, label);
    if ("error" in collection) {
      errors.push(collection.error);
      continue;
    }
    if (!isCollection(collection.value)) {
      errors.push(`${label}: not a Postman v2.1 collection (no info or item)`);
      continue;
    }

    let environmentFile: RunPlan["environmentFile"];
    if (entry.environmentFile) {
      const read = readJson<RunPlan["environmentFile"]>(
        entry.environmentFile,
        rel(ctx.cwd, entry.environmentFile),
      );
      if ("error" in read) {
        errors.push(read.error);
        continue;
      }
      environmentFile = read.value;
    }

    // The options the collection was generated with rebuild the model it was generated from.
    const recorded = readModelOptions(collection.value);
    if (!recorded.ok) {
      errors.push(`${label}: ${recorded.reason}`);
      continue;
    }
    const loaded = await deps.loadModel(entry.specFile, ctx.cwd, recorded.options, {
      allowOutsideRefs: ctx.allowOutsideRefs === true,
    });
    const specErrors = loaded.problems.filter((p) => p.severity === "error");
    if (!loaded.model || specErrors.length > 0) {
      const spec = path.relative(ctx.cwd, entry.specFile) || entry.specFile;
      errors.push(
        ...(specErrors.length ? specErrors.map(formatProblem) : [`${spec}: could not be loaded`]),
      );
      continue;
    }
    let credentials: RunPlan["credentials"];
    if (ctx.target !== "mock" && loaded.model.auth.kind === "client-credentials") {
      const found = credentialsFor(ctx.credentials, entry.name);
      if (!found.clientId || !found.clientSecret) {
        errors.push(missingCredentials(entry.name, ctx.target, ctx.credentials, found));
        continue;
      }
      credentials = { clientId: found.clientId, clientSecret: found.clientSecret };
    }

    plans.push({
      files: entry,
      model: loaded.model,
      p95Limits: await p95Limits(loaded.model, ctx.cwd),
      collection: collection.value,
      ...(environmentFile && { environmentFile }),
      ...(credentials && { credentials }),
    });
  }
  return { plans, errors };
}

/** Problems in the overrides file are generate's to report; a run only reads the limits. */
async function p95Limits(model: ApiModel, cwd: string): Promise<Record<string, number>> {
  const { overridesFor } = await import("../overrides");
  const { resolved } = await overridesFor(model, cwd);
  const limits: Record<string, number> = {};
  for (const op of resolved?.operations ?? []) {
    if (op.maxP95Ms !== undefined) limits[op.operationKey] = op.maxP95Ms;
  }
  return limits;
}

function isCollection(value: unknown): value is CollectionDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    "info" in value &&
    Array.isArray((value as { item?: unknown }).item)
  );
}

/** One line naming exactly the variables to set, without echoing any value. */
function missingCredentials(
  name: string,
  target: string,
  source: RunContext["credentials"],
  found: ClientCredentials,
): string {
  const own = `SPECPOST_${credentialEnvName(name)}`;
  const usesOwn = found === source.perCollection[credentialEnvName(name)];
  if (usesOwn) {
    const missing = found.clientId ? `${own}_CLIENT_SECRET` : `${own}_CLIENT_ID`;
    return `${name}: no ${target} credentials: set ${missing} (${own}_CLIENT_${found.clientId ? "ID" : "SECRET"} is set); credentials are read from environment variables only`;
  }
  return `${name}: no ${target} credentials: set SPECPOST_CLIENT_ID and SPECPOST_CLIENT_SECRET (or ${own}_CLIENT_ID and ${own}_CLIENT_SECRET); credentials are read from environment variables only`;
}
