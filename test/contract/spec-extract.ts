import { isObject } from "../../scripts/load/pointer";

type Json = Record<string, unknown>;

/**
 * A small spec cut from a big one: the given paths and the components they reach through
 * `$ref`s (followed transitively), so a test runs a few real operations in seconds.
 */
export function extractPaths(document: Json, paths: readonly string[]): Json {
  const sourcePaths = document.paths as Json;
  const components = (document.components ?? {}) as Record<string, Json>;
  const kept: Record<string, Json> = {};
  const pending: unknown[] = paths.map((path) => {
    if (!(path in sourcePaths)) throw new Error(`the spec has no path ${path}`);
    return sourcePaths[path];
  });
  const seen = new Set<string>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isObject(node)) {
      const ref = node.$ref;
      const match = typeof ref === "string" ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) : null;
      if (match && !seen.has(ref as string)) {
        seen.add(ref as string);
        const [, kind, name] = match as unknown as [string, string, string];
        const value = components[kind]?.[name];
        kept[kind] = { ...kept[kind], [name]: value };
        pending.push(value);
      }
      for (const value of Object.values(node)) pending.push(value);
    }
  }
  const sortedComponents = Object.fromEntries(
    Object.entries(components)
      .filter(([kind]) => kind === "securitySchemes" || kind in kept)
      .map(([kind, all]) => [kind, kind === "securitySchemes" ? all : kept[kind]]),
  );
  // Webhooks reach components of their own: not part of the cut.
  const { webhooks: _webhooks, "x-webhooks": _xWebhooks, ...rest } = document;
  return {
    ...rest,
    paths: Object.fromEntries(paths.map((path) => [path, sourcePaths[path]])),
    components: sortedComponents,
  };
}
