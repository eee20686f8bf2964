import { editDistance } from "../text/edit-distance";

/**
 * The closest candidate, when it is close enough to be the same name edited (a case change,
 * a typo, a renamed path segment); ties go to the first candidate.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = editDistance(lower, candidate.toLowerCase());
    if (score <= Math.max(2, Math.floor(name.length / 3)) && (!best || score < best.score)) {
      best = { candidate, score };
    }
  }
  return best?.candidate;
}
