import { editDistance } from "../text/edit-distance";
import { formatPointer, isObject, parsePointer, walkPointer } from "./pointer";

/** A `$ref` found in a document: where it is and what it says. */
export interface RefSite {
  /** Segments of the object that holds the `$ref`. */
  segments: string[];
  ref: string;
}

/**
 * Every string `$ref` in document order. JSON text cannot hold cycles; YAML can (an alias to
 * its own ancestor), so only then are ancestors tracked: this walk is on the hot path of a
 * 10 MB spec.
 */
export function collectRefs(data: unknown, mayCycle: boolean): RefSite[] {
  const sites: RefSite[] = [];
  const path: string[] = [];
  const ancestors = new Set<object>();
  const visit = (value: object): void => {
    if (mayCycle) {
      if (ancestors.has(value)) return;
      ancestors.add(value);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === "object" && item !== null) {
          path.push(String(i));
          visit(item);
          path.pop();
        }
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const child = record[key];
        if (key === "$ref") {
          if (typeof child === "string") sites.push({ segments: path.slice(), ref: child });
        } else if (typeof child === "object" && child !== null) {
          path.push(key);
          visit(child);
          path.pop();
        }
      }
    }
    if (mayCycle) ancestors.delete(value);
  };
  if (typeof data === "object" && data !== null) visit(data);
  return sites;
}

export type RefTarget =
  | { kind: "internal"; fragment: string }
  | { kind: "remote" }
  | { kind: "file"; path: string; fragment: string | undefined };

/** Splits `other.yaml#/a/b` into its file part and fragment; recognises remote URLs. */
export function classifyRef(ref: string): RefTarget {
  const hash = ref.indexOf("#");
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? undefined : ref.slice(hash);
  if (file === "") return { kind: "internal", fragment: fragment ?? "#" };
  const windowsDrive = /^[a-z]:[\\/]/i.test(file);
  if (/^[a-z][a-z\d+.-]*:/i.test(file) && !windowsDrive && !/^file:/i.test(file)) {
    return { kind: "remote" };
  }
  return { kind: "file", path: file, fragment };
}

/** The existing key a typo most likely meant, if one is close enough. */
function closest(missing: string, keys: readonly string[]): string | undefined {
  if (keys.length > 5000) return undefined;
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(missing.length / 3) + 1);
  for (const key of keys) {
    const distance = key.toLowerCase() === missing.toLowerCase() ? 0 : editDistance(key, missing);
    if (distance < bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Why `fragment` does not resolve in `data`, or undefined when it does. Fragments that are
 * not pointers (3.1 `$anchor` names) are accepted: checking them needs a schema walk.
 */
export function whyUnresolved(data: unknown, fragment: string): string | undefined {
  const segments = parsePointer(fragment);
  if (!segments) return undefined;
  const walk = walkPointer(data, segments);
  if (walk.depth === segments.length) return undefined;
  const missing = segments[walk.depth] ?? "";
  const parent = segments.slice(0, walk.depth);
  const parentText = parent.length === 0 ? "the document root" : `"${formatPointer(parent)}"`;
  const suggestion = isObject(walk.value) ? closest(missing, Object.keys(walk.value)) : undefined;
  const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
  return `${parentText} has no "${missing}"${hint}`;
}
