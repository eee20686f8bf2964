import type { CheckResult } from "./schema-validator";

/** Enough for deep samples; each round removes one node. */
const MAX_ROUNDS = 64;

function tokensOf(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A copy without the node at `tokens` (array items are spliced out, not left as holes). */
function without(root: unknown, tokens: string[]): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const token of tokens.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return copy;
    node = (node as Record<string, unknown>)[token];
  }
  const last = tokens[tokens.length - 1] as string;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else if (typeof node === "object" && node !== null)
    delete (node as Record<string, unknown>)[last];
  return copy;
}

/**
 * Repairs a generated sample by removing what the schema objects to: optional properties and
 * array items the sampler filled in (a recursive schema cut off at the sampler's depth limit
 * leaves `{}` where an object is required; removing the item or property that holds it is
 * usually enough). Each round removes the node, nearest the error first, that lowers the
 * number of errors. Undefined when no removal helps.
 */
export function pruneToValid(value: unknown, check: (value: unknown) => CheckResult): unknown {
  let current = value;
  let result = check(current);
  for (let round = 0; round < MAX_ROUNDS && !result.valid; round++) {
    let next: { value: unknown; result: CheckResult } | undefined;
    for (const issue of result.issues) {
      const tokens = tokensOf(issue.path);
      for (let length = tokens.length; length >= 1 && !next; length--) {
        const candidate = without(current, tokens.slice(0, length));
        const candidateResult = check(candidate);
        if (candidateResult.valid || candidateResult.issues.length < result.issues.length) {
          next = { value: candidate, result: candidateResult };
        }
      }
      if (next) break;
    }
    if (!next) return undefined;
    current = next.value;
    result = next.result;
  }
  return result.valid ? current : undefined;
}
