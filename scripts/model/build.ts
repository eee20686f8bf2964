import path from "node:path";
import type { LoadedSpec } from "../load/types";
import { buildAuth } from "./auth";
import { buildChains } from "./chains";
import { createContext, type ExampleMode, type ModelContext } from "./context";
import { buildOperations } from "./operations";
import { applyRequirements } from "./requirements";
import { isObject } from "./resolve";
import { checkSchemaExamples } from "./schema-examples";
import { collectSecurity } from "./security";
import { buildBaseUrl, buildServerTargets } from "./servers";
import type { ApiModel, ModelOptions, ModelResult, TagModel } from "./types";

/**
 * The spec reduced to what the collection, the mock and the runner need. Never throws:
 * what is wrong in the spec comes back as problems (pointers in the loaded document, located
 * by the pipeline when they are printed). The model is absent only when there is nothing to
 * build (no operations).
 */
export function buildModel(
  spec: LoadedSpec,
  options: ModelOptions = {},
  examples: ExampleMode = "checked",
): ModelResult {
  const ctx = createContext(spec, options, examples);
  const info = isObject(ctx.document.info) ? ctx.document.info : {};
  const name = path.parse(spec.file).name;
  const baseUrl = buildBaseUrl(ctx);
  const { auth, assumed } = buildAuth(ctx, baseUrl, collectSecurity(ctx));
  const { operations, usedTags } = buildOperations(ctx, baseUrl, assumed);
  applyRequirements(ctx, auth, operations, assumed);
  if (operations.length === 0) {
    ctx.report(
      "no-operations",
      "error",
      "#/paths",
      "The spec has no operations under paths; there is nothing to build a collection from.",
    );
    return { problems: ctx.problems };
  }
  const model: ApiModel = {
    spec,
    name,
    title: typeof info.title === "string" && info.title.trim() !== "" ? info.title : name,
    version: typeof info.version === "string" ? info.version : String(info.version ?? ""),
    baseUrl,
    auth,
    tags: buildTags(ctx, usedTags),
    operations,
  };
  if (typeof info.description === "string" && info.description.trim() !== "")
    model.description = info.description;
  model.chains = buildChains(model, ctx.report);
  const servers = buildServerTargets(ctx);
  if (servers.length > 0) model.servers = servers;
  checkSchemaExamples(ctx);
  return { model, problems: ctx.problems };
}

/** Declared tags in their order, then tags operations use without declaring them. */
function buildTags(ctx: ModelContext, usedTags: string[]): TagModel[] {
  const tags: TagModel[] = [];
  const seen = new Set<string>();
  for (const tag of Array.isArray(ctx.document.tags) ? ctx.document.tags : []) {
    if (!isObject(tag) || typeof tag.name !== "string" || seen.has(tag.name)) continue;
    seen.add(tag.name);
    tags.push(
      typeof tag.description === "string"
        ? { name: tag.name, description: tag.description }
        : { name: tag.name },
    );
  }
  for (const name of usedTags) {
    if (!seen.has(name)) {
      seen.add(name);
      tags.push({ name });
    }
  }
  return tags;
}
