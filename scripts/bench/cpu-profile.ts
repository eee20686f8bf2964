import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  /** `scripts/model/build.ts:buildModel`, `node_modules/...`, or a V8 pseudo-frame. */
  where: string;
  selfMs: number;
  /** Time with this function anywhere on the stack (recursion counted once). */
  totalMs: number;
}

/** Self and inclusive time per function from a V8 `.cpuprofile`, hottest first. */
export function hotFunctions(file: string, root: string): HotFunction[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = new Map(profile.nodes.map((node) => [node.id, describe(node, root)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((sample, index) => {
    const deltaMs = (profile.timeDeltas[index] ?? 0) / 1000;
    const leaf = keyOf.get(sample) ?? "?";
    self.set(leaf, (self.get(leaf) ?? 0) + deltaMs);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const key = keyOf.get(id) ?? "?";
      if (seen.has(key) || !byId.has(id)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + deltaMs);
    }
  });
  return [...total.entries()]
    .map(([where, totalMs]) => ({ where, totalMs, selfMs: self.get(where) ?? 0 }))
    .sort((a, b) => b.selfMs - a.selfMs || a.where.localeCompare(b.where));
}

function describe(node: ProfileNode, root: string): string {
  const { functionName, url } = node.callFrame;
  const name = functionName || "(anonymous)";
  if (!url) return name;
  let path = url;
  if (url.startsWith("file://")) {
    try {
      path = relative(root, fileURLToPath(url));
    } catch {
      // Keep the URL as it is.
    }
  }
  // tsx-compiled modules report line 1 for everything, so a line number would mislead.
  return `${path}:${name}`;
}
