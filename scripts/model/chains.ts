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
  return candidates.map((candidate) => {
    const value = `${candidate.producer} ${candidate.expression}`;
    let variable = byValue.get(value);
    if (variable === undefined) {
      let base = candidate.hint.replace(/[^A-Za-z0-9_.-]/g, "_");
      if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
      if (isReservedVariable(base)) base = `${base}_chain`;
      variable = base;
      for (let n = 2; taken.has(variable); n++) variable = `${base}_${n}`;
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
  const unique = links.filter(
    (c, i) => links.findIndex((o) => targetKey(o) === targetKey(c)) === i,
  );
  return nameChains([...unique, ...inferred], (c) => (linked.has(c) ? "link" : "inferred"));
}
