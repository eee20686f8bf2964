import type { ChainModel } from "../model/chain-types";
/**
 * The user's own additions to a generated collection, kept in `specs/<name>.overrides.yaml`
 * beside the spec so that regeneration never loses them. See schema.ts for the file format.
 */

/** JS source written inline in the overrides file, or a `.js` file beside it. */
export type ScriptSource = string | { file: string };

/** Parameter values by name, per location; `body` replaces the whole request body. */
export interface ExampleOverrides {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

/** An operation's `security:`: which requirement alternative to send, which schemes to leave out. */
export interface SecurityOverride {
  /** 0-based index into the spec's requirement list, or `none`: the `{}` alternative. */
  use?: number | "none";
  off?: string[];
}

/** What the file says about one operation, as written (validated against the schema). */
export interface OperationOverrideInput {
  disabled?: boolean;
  /** Statuses expected instead of a 2xx (the happy-path check then asks for these). */
  expect?: number[];
  /** `specpost run` fails the operation when its p95 response time is over this (ms). */
  maxP95?: number;
  examples?: ExampleOverrides;
  /** Collection variable name → where in the JSON response body to take it from (`$.a.b[0]`). */
  set?: Record<string, string>;
  prerequest?: ScriptSource;
  tests?: ScriptSource;
  /** Which requirement alternative to send, which schemes to leave out (security.ts). */
  security?: SecurityOverride;
}

/** The whole file, as written. */
export interface OverridesInput {
  /** Operations to run first, in this order (operationId or `METHOD /path`). */
  order?: string[];
  /** Keyed by operationId or `METHOD /path`. */
  operations?: Record<string, OperationOverrideInput>;
  /** Chains by variable name: add or change one, or `false` to switch it off. */
  chains?: Record<string, ChainOverrideInput | boolean>;
  /** `false`: no inferred chains, only the spec's links and the chains listed here. */
  inferChains?: boolean;
}

/** A chain as the user writes it. */
export interface ChainOverrideInput {
  /** The producer: operationId or `METHOD /path`. */
  from: string;
  /** `$response.body#/id` or `$response.header.Location`. */
  value: string;
  /** Consumers: `getProject` (the parameter named like the variable) or `getProject query.x`, `... body.$.x`. */
  to?: string[];
}

/** One `set` entry: the response value at `path` is stored in `{{name}}`. */
export interface SetVariable {
  name: string;
  /** As written, e.g. `$.callbackurl`: names the assertion. */
  source: string;
  /** Property names and array indexes from the body's root. */
  path: Array<string | number>;
}

/** One operation's overrides, matched to the spec: keyed by the generator's operation key. */
export interface OperationOverride {
  /** `GET /userlist`. */
  operationKey: string;
  disabled: boolean;
  /** Empty: the happy path expects a non-4xx. */
  expect: number[];
  /** The operation's own `--max-p95`, in ms. */
  maxP95Ms?: number;
  examples: ExampleOverrides;
  set: SetVariable[];
  /** Script lines, ready to go into the item's events. */
  prerequest: string[];
  tests: string[];
  security?: SecurityOverride;
}

/** An overrides file checked against the model, ready to merge into the collection. */
export interface ResolvedOverrides {
  /** File name of the overrides file (no folder): named in the comments of generated scripts. */
  fileName: string;
  /** In the file's order. */
  operations: OperationOverride[];
  /** Run rank by operation key: listed operations first, in order, then the rest in spec order. */
  rank: Map<string, number>;
  /** Every file the overrides read (the overrides file and its script files), absolute. */
  inputs: string[];
  /** The chains the collection gets, when the file changes them (else the model's stay). */
  chains?: ChainModel[];
}
