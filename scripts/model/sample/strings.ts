import type { JsonObject } from "../resolve";
import { MAX_STRING_LENGTH } from "./budget";
import { asNumber } from "./env";
import { stringForName } from "./names";
import { patternCandidates } from "./pattern";
import { stringLength } from "./scalars";

/** Base values per format, each valid for ajv-formats' "full" checks. */
const FORMAT_SAMPLES: Record<string, (variant: number) => string[]> = {
  "date-time": (v) => [`2019-08-${pad(24 + (v % 5))}T14:15:22Z`],
  date: (v) => [`2019-08-${pad(24 + (v % 5))}`],
  time: (v) => [`14:15:${pad(22 + (v % 30))}Z`],
  duration: (v) => [`P${v + 1}D`],
  email: (v) => [v ? `user${v}@example.com` : "user@example.com", `a${v || ""}@b.co`],
  "idn-email": (v) => [v ? `user${v}@example.com` : "user@example.com"],
  uuid: (v) => [
    `3fa85f64-5717-4562-b3fc-2c963f66a${(0xfa6 + v).toString(16).padStart(3, "0").slice(-3)}`,
  ],
  uri: (v) => [
    v ? `https://example.com/${v}` : "https://example.com",
    `https://e.co${v ? `/${v}` : ""}`,
  ],
  url: (v) => [v ? `https://example.com/${v}` : "https://example.com"],
  iri: (v) => [v ? `https://example.com/${v}` : "https://example.com"],
  "uri-reference": (v) => [`/example${v || ""}`],
  "iri-reference": (v) => [`/example${v || ""}`],
  "uri-template": (v) => [`https://example.com/{id}${v ? `/${v}` : ""}`],
  hostname: (v) => [v ? `host${v}.example.com` : "example.com"],
  "idn-hostname": (v) => [v ? `host${v}.example.com` : "example.com"],
  ipv4: (v) => [`192.168.0.${(v % 254) + 1}`],
  ipv6: (v) => [`2001:db8::${(v + 1).toString(16)}`],
  byte: (v) => [["U3dhZ2dlciByb2Nrcw==", "ZXhhbXBsZQ==", "c2FtcGxl"][v % 3] ?? "ZXhhbXBsZQ=="],
  binary: (v) => [v ? `file${v}` : "file"],
  password: (v) => [v ? `pa$$word${v}` : "pa$$word"],
  regex: () => ["^[a-z]+$"],
  "json-pointer": (v) => [`/example/${v}`],
  "relative-json-pointer": (v) => [`${v}/example`],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** Candidate strings for a schema, most realistic first; the caller keeps the first valid one. */
export function* stringCandidates(
  schema: JsonObject,
  hint: unknown,
  name: string | undefined,
  variant: number,
) {
  // A larger minLength is capped (the caller notes it): nobody reads a gigabyte of "x".
  const min = Math.min(asNumber(schema.minLength) ?? 0, MAX_STRING_LENGTH);
  const max = asNumber(schema.maxLength);
  const format = typeof schema.format === "string" ? schema.format : undefined;
  const byFormat = format ? FORMAT_SAMPLES[format] : undefined;
  if (typeof hint === "string" && variant === 0) yield hint;
  if (byFormat) {
    for (const base of byFormat(variant)) yield* fitFormatted(base, format ?? "", min, max);
  }
  const named = stringForName(name);
  if (named !== undefined && !byFormat) yield withVariant(named, variant);
  if (typeof schema.pattern === "string") {
    for (const candidate of patternCandidates(schema.pattern, variant)) {
      yield candidate;
      if (max !== undefined && stringLength(candidate) > max) break;
    }
  }
  if (typeof hint === "string" && variant === 0) yield fitPlain(hint, min, max, 0);
  yield fitPlain("string", min, max, variant);
  yield fitPlain("x", min, max, variant);
}

function withVariant(base: string, variant: number): string {
  return variant === 0 ? base : `${base}${variant}`;
}

/** `string` padded or cut to fit the length limits; the variant keeps array items distinct. */
function fitPlain(base: string, min: number, max: number | undefined, variant: number): string {
  const suffix = variant === 0 ? "" : String(variant);
  // An empty hint has nothing to repeat: pad with "x" (repeating "" never reaches min).
  const unit = base === "" ? "x" : base;
  const missing = min - suffix.length - stringLength(base);
  const out = missing > 0 ? base + unit.repeat(Math.ceil(missing / stringLength(unit))) : base;
  const chars = [...out].slice(0, Math.max(MAX_STRING_LENGTH, stringLength(base)));
  const keep = Math.max(
    min - suffix.length,
    Math.min(chars.length, (max ?? chars.length + suffix.length) - suffix.length),
  );
  return chars.slice(0, Math.max(0, keep)).join("") + suffix;
}

/** Formatted strings stretched to a minimum length where the format has room for it. */
function* fitFormatted(base: string, format: string, min: number, max: number | undefined) {
  yield base;
  const missing = min - base.length;
  if (missing <= 0 || (max !== undefined && min > max)) return;
  if (format === "email" || format === "idn-email") {
    const at = base.indexOf("@");
    yield `${base.slice(0, at)}${"x".repeat(missing)}${base.slice(at)}`;
  } else if (["uri", "url", "iri", "uri-reference", "iri-reference"].includes(format)) {
    yield `${base}/${"x".repeat(Math.max(0, missing - 1))}`;
  } else if (format === "hostname" || format === "idn-hostname") {
    yield `${"x".repeat(missing)}${base}`;
  } else if (format === "password" || format === "binary") {
    yield base + "x".repeat(missing);
  }
}
