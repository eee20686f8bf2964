import type { ChainModel } from "./chain-types";
import { inferredChains } from "./chains-infer";
import type { ModelContext } from "./context";
import { type ChainCandidate, linkChains } from "./links";
import { isReservedVariable } from "./reserved";
import type { ApiModel } from "./types";

const targetKey = (c: Pick<ChainCandidate, "consumer" | "target">) =>
  `${c.consumer} ${c.target.in} ${c.target.in === "body" ? c.target.path.join(".") : c.target.name}`;

/**
 * Names one variable per value a producer yields (`POST /projects` + `$response.body#/id`),
 * preferring the hint; another value wanting the same name gets `_2`, `_3`, ... in spec order.
 */
export function nameChains(
  candidates: readonly ChainCandidate[],
  origin: ChainModel["origin"] | ((c: ChainCandidate) => ChainModel["origin"]),
  taken: Map<string, string> = new Map(),
): ChainModel[] {
  const byValue = new Map<string, string>();
  for (const [name, value] of taken) byValue.set(value, name);
  // Names are only ever added, so the first free suffix of a base never goes down: each
  // search resumes where the last one for its base stopped (from 2 each time was quadratic
  // in the producers sharing a base).
  const nextSuffix = new Map<string, number>();
  return candidates.map((candidate) => {
    const value = `${candidate.producer} ${candidate.expression}`;
    let variable = byValue.get(value);
    if (variable === undefined) {
      let base = candidate.hint.replace(/[^A-Za-z0-9_.-]/g, "_");
      if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
      if (isReservedVariable(base)) base = `${base}_chain`;
      variable = base;
      let n = nextSuffix.get(base) ?? 2;
      for (; taken.has(variable); n++) variable = `${base}_${n}`;
      nextSuffix.set(base, n);
      taken.set(variable, value);
      byValue.set(value, variable);
    }
    const { hint: _hint, ...rest } = candidate;
    return { ...rest, variable, origin: typeof origin === "function" ? origin(candidate) : origin };
  });
}

/**
 * The spec's chains: its OpenAPI links, then inferred ones for the parameters and fields no
 * link feeds. One chain per consumer target; spec order throughout, so output is stable.
 */
export function buildChains(model: ApiModel, report?: ModelContext["report"]): ChainModel[] {
  const links = linkChains(model, report);
  const fed = new Set(links.map(targetKey));
  const inferred = inferredChains(model).filter((c) => {
    if (fed.has(targetKey(c))) return false;
    fed.add(targetKey(c));
    return true;
  });
  const linked = new Set(links);
  const seen = new Set<string>();
  const unique = links.filter((c) => {
    const key = targetKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return nameChains([...unique, ...inferred], (c) => (linked.has(c) ? "link" : "inferred"));
}
