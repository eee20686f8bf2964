/** Their folder, inside the collections folder. */
export const FOLDER = "files";

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
export const SAMPLES: readonly SampleFile[] = [PNG, BIN];

/** The sample for data of `contentType` (a PNG for images Postman can show, else bytes). */
export function sampleFor(contentType: string | undefined): SampleFile {
  const media = (contentType?.split(";")[0] ?? "").trim().toLowerCase();
  return media === "image/png" || media === "image/*" ? PNG : BIN;
}
