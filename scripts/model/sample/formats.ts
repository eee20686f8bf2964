import { fullFormats } from "ajv-formats/dist/formats.js";

/**
 * Format checks shared with Ajv (ajv-formats "full" mode), so a value this module calls
 * valid is one Ajv with ajv-formats calls valid too. Unknown formats pass, as in Ajv.
 */
type FormatDef =
  | RegExp
  | ((value: string) => boolean)
  | true
  | { type?: "string" | "number"; validate: RegExp | ((value: never) => boolean) };

const formats = fullFormats as unknown as Record<string, FormatDef | undefined>;

export function formatAccepts(format: string, value: unknown): boolean {
  const def = formats[format];
  if (def === undefined || def === true) return true;
  if (def instanceof RegExp) return typeof value !== "string" || def.test(value);
  if (typeof def === "function") return typeof value !== "string" || def(value);
  const type = def.type ?? "string";
  if (typeof value !== type) return true;
  const check = def.validate;
  return check instanceof RegExp
    ? check.test(String(value))
    : (check as (v: unknown) => boolean)(value);
}
