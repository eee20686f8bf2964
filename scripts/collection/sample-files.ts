import { join, sep } from "node:path";
import type { ApiModel, BodyModel } from "../model/types";
import { requestBody } from "./body";
import { FOLDER, SAMPLES } from "./sample-bytes";
import { type OutputFile, outputFile } from "./write";

/**
 * The sample files one request body sends, read off the body body.ts writes (so the two cannot
 * disagree): file parts of a multipart body, the file of a body of bytes. Only a body with file
 * parts or bytes can send one, so the others are not built twice.
 */
function bodySamples(body: BodyModel): string[] {
  if (!body.binary && !body.files?.length) return [];
  const built = requestBody(body).body;
  if (built.mode === "file") return [built.file.src];
  if (built.mode !== "formdata") return [];
  return built.formdata.flatMap((param) =>
    param.type === "file" && typeof param.src === "string" ? [param.src] : [],
  );
}

const samplesDir = (outDir: string) => join(outDir, "collections", FOLDER);

/** A sample file's path: one every spec of a generation may write (with the same bytes). */
export const isSampleFile = (path: string, outDir: string): boolean =>
  path.startsWith(`${samplesDir(outDir)}${sep}`);

/**
 * The sample files the requests of `model` send, as files under `<outDir>/collections/files`.
 * Read off the model, not the collection: its items are built only as they are written.
 */
export function sampleFiles(model: ApiModel, outDir: string): OutputFile[] {
  const used = new Set<string>();
  for (const operation of model.operations) {
    if (!operation.requestBody) continue;
    for (const src of bodySamples(operation.requestBody)) used.add(src);
  }
  return SAMPLES.filter((sample) => used.has(sample.src)).map((sample) =>
    outputFile(join(outDir, "collections", ...sample.src.split("/")), [sample.bytes()]),
  );
}
