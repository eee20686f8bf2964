import { type Options, sample } from "openapi-sampler";
import type { OasSchema } from "../model/types";

type SamplerSchema = Parameters<typeof sample>[0];

/**
 * openapi-sampler, deterministic and silent. Its `quiet` option does not cover every warning
 * (allOf type clashes, date-time length bounds go straight to console.warn), and the mock must
 * print nothing; sampling is synchronous, so console.warn is muted for exactly that call.
 */
export function sampleQuietly(schema: OasSchema, options: Options, document?: object): unknown {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return sample(schema as SamplerSchema, { ...options, quiet: true }, document);
  } finally {
    console.warn = warn;
  }
}
