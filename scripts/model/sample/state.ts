import type { SampleBudget } from "./budget";
import type { SchemaEnv } from "./env";

/** Where a sample is being built: shared by conform.ts and the structure and string pickers. */
export interface GenState {
  depth: number;
  /** Property or parameter name, for realistic strings. */
  name?: string;
  /** Nth distinct value (array items under `uniqueItems`). */
  variant: number;
  /** Path parameters need a non-empty value that is safe in a URL. */
  pathParam?: boolean;
  /** Only what the schema requires (a retry when the full sample breaks a rule). */
  minimal?: boolean;
  /** Limits shared by the whole sample; absent: the defaults, without notes. */
  budget?: SampleBudget;
  /** `$ref` of the innermost named schema, to locate what a limit cut. */
  ref?: string;
}

/** Beyond this depth objects get only their required properties and arrays their minItems. */
export const SOFT_DEPTH = 8;

const URL_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]+$/;

export function acceptable(value: unknown, at: GenState): boolean {
  if (!at.pathParam) return true;
  if (typeof value === "string") return URL_SAFE.test(value);
  return value !== null && value !== undefined;
}

/** `conform` itself, handed to the structure builders so they can recurse without a cycle. */
export type Conform = (hint: unknown, schema: unknown, env: SchemaEnv, at: GenState) => unknown;
