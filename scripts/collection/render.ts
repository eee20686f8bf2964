import { join } from "node:path";
import type { ApiModel, ModelOptions } from "../model/types";
import { buildWithOverrides, type ResolvedOverrides } from "../overrides";
import type { Problem } from "../problems";
import { createSchemaRegistry } from "../schema/registry";
import { collectionOf } from "./build";
import { buildEnvironments } from "./environments";
import { recordModelOptions } from "./model-options";
import { sampleFiles } from "./sample-files";
import { Pending, serialiseBytes } from "./serialise";
import { type OutputFile, outputFile } from "./write";

export const collectionPath = (outDir: string, name: string) =>
  join(outDir, "collections", `${name}.postman_collection.json`);

export const environmentPath = (outDir: string, name: string, target: string) =>
  join(outDir, "environments", `${name}.${target}.postman_environment.json`);

export interface Rendered {
  /** The collection first, then one environment per target, then the sample files it sends. */
  files: OutputFile[];
  /** The schema stage's own problems (unsupported or dropped keywords), pointers unlocated. */
  problems: Problem[];
}

/**
 * The files one model turns into: a collection, one environment per target and the sample
 * files its binary bodies upload (collections/files/). `overrides`:
 * the user's additions from `<spec>.overrides.yaml`, merged into the collection. `options`:
 * the model options, recorded in the collection so `run` and `mock` rebuild the same model.
 */
export function renderModel(
  model: ApiModel,
  outDir: string,
  overrides?: ResolvedOverrides,
  options: ModelOptions = {},
): Rendered {
  // Annotations (titles, descriptions) check nothing: each request carries its own schemas,
  // and every byte of them goes through the sandbox on every run of that request.
  const registry = createSchemaRegistry(model.spec.document, model.spec.version, {
    file: model.spec.file,
    annotations: false,
  });
  const problems: Problem[] = [];
  // Items are built as they are written: the whole tree of them never exists.
  let built = model;
  const collection = buildWithOverrides(model, overrides, (m, added) => {
    built = m;
    return collectionOf(m, registry, (id, build) => new Pending(id, build), added, problems);
  });
  recordModelOptions(collection, options);
  const files: OutputFile[] = [
    outputFile(collectionPath(outDir, model.name), serialiseBytes(collection)),
  ];
  for (const { target, environment } of buildEnvironments(model)) {
    files.push(
      outputFile(environmentPath(outDir, model.name, target), serialiseBytes(environment)),
    );
  }
  files.push(...sampleFiles(built, outDir));
  return { files, problems: [...registry.problems(), ...problems] };
}
