/**
 * OpenAPI `format` → what Ajv 6 can check. Ajv 6 throws at compile time on a format it does
 * not know, so only its own formats survive; integer widths become bounds, `byte` a pattern,
 * and everything else (int64, float, double, binary, password, vendor formats) is dropped.
 */

/** Formats Ajv 6 validates out of the box (`format: "fast"`, its default). */
const AJV6_FORMATS = new Set([
  "date",
  "time",
  "date-time",
  "uri",
  "uri-reference",
  "uri-template",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "json-pointer",
  "json-pointer-uri-fragment",
  "relative-json-pointer",
]);

const INTEGER_BOUNDS: Record<string, readonly [number, number]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  // int64 has no bounds: JSON numbers past 2^53 are not exact in JavaScript anyway.
};

/**
 * Base64 alphabet (standard or URL-safe) with optional padding: rejects what is plainly not
 * base64 without failing the common unpadded and URL-safe variants.
 */
export const BASE64_PATTERN = "^[A-Za-z0-9+/_-]*={0,2}$";

export interface FormatRule {
  /** Kept as the draft-07 `format`. */
  format?: string;
  /** Inclusive bounds implied by an integer width. */
  bounds?: readonly [number, number];
  /** A pattern implied by the format (only used when the schema has no pattern of its own). */
  pattern?: string;
}

export function formatRule(format: unknown): FormatRule {
  if (typeof format !== "string") return {};
  if (AJV6_FORMATS.has(format)) return { format };
  const bounds = INTEGER_BOUNDS[format];
  if (bounds !== undefined) return { bounds };
  if (format === "byte") return { pattern: BASE64_PATTERN };
  return {};
}
