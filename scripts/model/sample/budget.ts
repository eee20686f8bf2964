/**
 * Limits on one generated sample, so a huge or hostile schema gives a readable example in
 * bounded time and memory: optional properties only near the top, a cap on string lengths
 * and on the work spent, and a size the serialised example should stay under. Whatever a
 * limit cuts is written down as a note; the caller turns notes into located warnings.
 */

/** Objects this deep or deeper get only their required properties. */
export const OPTIONAL_DEPTH = 2;
/** Longest string the sampler builds; a larger `minLength` is capped (with a note). */
export const MAX_STRING_LENGTH = 4096;
/** Serialised size an example body should stay under (16 KB). */
export const MAX_SAMPLE_BYTES = 16 * 1024;
/** Values built for one sample (each `conform` call counts); past it only placeholders. */
export const MAX_SAMPLE_STEPS = 20_000;
/** Largest `minItems`/`minProperties` honoured; above it the sample is knowingly invalid. */
export const MAX_COLLECTION_SIZE = 256;

export interface SampleNote {
  /** `$ref` (a `#/...` pointer) of the innermost named schema the limit was hit in. */
  ref?: string;
  message: string;
}

export interface SampleBudget {
  /** Objects at this depth or deeper get only their required properties. */
  optionalDepth: number;
  /** `conform` calls left. */
  steps: number;
  notes: SampleNote[];
}

export function createBudget(optionalDepth = OPTIONAL_DEPTH): SampleBudget {
  return { optionalDepth, steps: MAX_SAMPLE_STEPS, notes: [] };
}

/** Records a note once per (ref, message). */
export function note(budget: SampleBudget | undefined, ref: string | undefined, message: string) {
  if (!budget || budget.notes.length >= 32) return;
  if (budget.notes.some((n) => n.ref === ref && n.message === message)) return;
  budget.notes.push(ref === undefined ? { message } : { ref, message });
}

/** Size as the collection writes it (2-space indent), in UTF-16 units: close enough to bytes. */
export function sizeOf(value: unknown): number {
  try {
    return JSON.stringify(value, null, 2)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export const kb = (bytes: number): string => `${Math.ceil(bytes / 1024)} KB`;

/**
 * Builds a sample with optional properties down to `OPTIONAL_DEPTH`, then fewer until it
 * fits `MAX_SAMPLE_BYTES`. Required properties are never dropped: when they alone are
 * over the size, the sample is kept (still bounded by the work budget) with a note.
 */
export function withinBudget(
  make: (budget: SampleBudget) => unknown,
  ref: string | undefined,
): { value: unknown; notes: SampleNote[] } {
  let first: number | undefined;
  let last: { value: unknown; notes: SampleNote[] } | undefined;
  for (let depth = OPTIONAL_DEPTH; depth >= 0; depth--) {
    const budget = createBudget(depth);
    const value = make(budget);
    const size = sizeOf(value);
    first ??= size;
    last = { value, notes: budget.notes };
    if (size <= MAX_SAMPLE_BYTES) {
      if (depth < OPTIONAL_DEPTH)
        note(
          budget,
          ref,
          `the generated example would be ${kb(first)}, over the ${kb(MAX_SAMPLE_BYTES)} budget; it shows fewer optional properties (add an example to the spec to show more)`,
        );
      return last;
    }
  }
  const result = last ?? { value: undefined, notes: [] };
  note(
    { optionalDepth: 0, steps: 0, notes: result.notes },
    ref,
    `the required properties alone make a ${kb(sizeOf(result.value))} example, over the ${kb(MAX_SAMPLE_BYTES)} budget; it is kept as generated`,
  );
  return result;
}

const risky = new WeakMap<object, boolean>();
const LIMITS: Record<string, number> = {
  minLength: MAX_STRING_LENGTH,
  minItems: MAX_COLLECTION_SIZE,
  minProperties: MAX_COLLECTION_SIZE,
};
const MAX_SCAN_NODES = 5_000_000;

/** Maps whose keys are names the spec chose (a property may be called "examples"). */
const NAMED_MAPS = new Set([
  "properties",
  "patternProperties",
  "schemas",
  "definitions",
  "$defs",
  "parameters",
  "requestBodies",
  "responses",
  "headers",
]);

/**
 * Whether a document holds a `minLength`/`minItems`/`minProperties` too large to build.
 * openapi-sampler (the sampler's first guess) would allocate or loop that far, so such a
 * document is sampled without it. Scanned once per document, iteratively, with a node cap;
 * `example`/`examples` values are data, not schemas, and are skipped (GitHub's are 40 % of
 * its spec).
 */
export function hasHugeMinimum(root: unknown): boolean {
  if (root === null || typeof root !== "object") return false;
  const cached = risky.get(root);
  if (cached !== undefined) return cached;
  let found = false;
  const todo: object[] = [root];
  const named: boolean[] = [false];
  for (let seen = 0; todo.length > 0 && !found && seen < MAX_SCAN_NODES; seen++) {
    const node = todo.pop() as object;
    const inNamedMap = named.pop() === true;
    if (Array.isArray(node)) {
      for (const item of node) {
        if (item !== null && typeof item === "object") {
          todo.push(item);
          named.push(false);
        }
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (value !== null && typeof value === "object") {
        if (!inNamedMap && (key === "example" || key === "examples")) continue;
        todo.push(value);
        named.push(NAMED_MAPS.has(key));
      } else if (typeof value === "number" && Object.hasOwn(LIMITS, key))
        found ||= value > (LIMITS[key] ?? 0);
    }
  }
  risky.set(root, found);
  return found;
}
