import { join, sep } from "node:path";
import type { ApiModel, BodyModel } from "../model/types";
import { type OutputFile, outputFile } from "./write";

/**
 * The files a collection uploads where the spec wants bytes (file parts, image bodies): small,
 * the same bytes on every generation, written beside the collections. `src` is relative to the
 * collection's folder, which is Newman's working directory in `specpost run`; in the Postman
 * app the user picks a file or points the working directory at the collections folder.
 */
export interface SampleFile {
  /** As written in the collection: relative to the collections folder. */
  src: string;
  bytes(): Uint8Array;
}

/** Their folder, inside the collections folder. */
const FOLDER = "files";

/** A 1×1 white PNG (67 bytes): a real image, for servers that look at what they get. */
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mP4DwABAQEAHLCMmQAAAABJRU5ErkJggg==";
// No URI-reserved characters: Prism refuses them in a form part of a declared style.
const TEXT = "specpost sample upload - choose a real file in Postman or replace this one\n";

// Fresh bytes per call: generated files' buffers are moved to another thread, not copied.
const PNG: SampleFile = {
  src: `${FOLDER}/sample.png`,
  bytes: () => Uint8Array.from(Buffer.from(PNG_BASE64, "base64")),
};
// `.bin`: Postman derives a file part's type from the name, and application/octet-stream is
// OpenAPI's default for a binary part.
const BIN: SampleFile = {
  src: `${FOLDER}/sample.bin`,
  bytes: () => Uint8Array.from(Buffer.from(TEXT, "utf8")),
};
const SAMPLES = [PNG, BIN];

/** The sample for data of `contentType` (a PNG for images Postman can show, else bytes). */
export function sampleFor(contentType: string | undefined): SampleFile {
  const media = (contentType?.split(";")[0] ?? "").trim().toLowerCase();
  return media === "image/png" || media === "image/*" ? PNG : BIN;
}

/**
 * The samples one request body sends, as body.ts writes them: a sample per file part of a
 * multipart body, one for a body of bytes; none for the user's own body (written as given).
 */
function bodySamples(body: BodyModel): SampleFile[] {
  if (body.exampleSource === "user") return [];
  const media = (body.contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (media === "multipart/form-data")
    return (body.files ?? []).map((p) => sampleFor(p.contentType));
  if (media === "application/x-www-form-urlencoded") return [];
  return body.binary ? [sampleFor(media)] : [];
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
    for (const sample of bodySamples(operation.requestBody)) used.add(sample.src);
  }
  return SAMPLES.filter((sample) => used.has(sample.src)).map((sample) =>
    outputFile(join(outDir, "collections", ...sample.src.split("/")), [sample.bytes()]),
  );
}
