import { resolve } from "node:path";
import type { FileInfo } from "@apidevtools/json-schema-ref-parser";
import type { Finding, Origin } from "./finding";
import type { Source } from "./source";

export type BundleResult = { ok: true; document: object } | { ok: false; error: Finding };

/**
 * Pulls every external `$ref` into the root document (json-schema-ref-parser `bundle()`):
 * afterwards every `$ref` is internal and internal ones are untouched, so cycles survive.
 * The files were already read and parsed by checkRefs; the plugins below hand those parsed
 * objects over instead of touching the disk or the network again. Handing over the very
 * same objects is what lets `originFinder` map bundled pointers back to their files.
 */
export async function bundleExternal(
  root: Source,
  sources: Map<string, Source>,
): Promise<BundleResult> {
  // Loaded only when a spec names another file: most specs never need the bundler.
  const [{ default: $RefParser }, { toFileSystemPath }] = await Promise.all([
    import("@apidevtools/json-schema-ref-parser"),
    import("@apidevtools/json-schema-ref-parser/dist/lib/util/url.js"),
  ]);
  const sourceOf = (file: FileInfo): Source => {
    const source = sources.get(resolve(toFileSystemPath(file.url)));
    if (!source) throw new Error(`${toFileSystemPath(file.url)} was not checked before bundling`);
    return source;
  };
  try {
    const document = await $RefParser.bundle(root.absolutePath, root.data as object, {
      mutateInputSchema: true,
      resolve: {
        external: true,
        file: false,
        http: false,
        checked: { order: 1, canRead: true, read: (file: FileInfo) => sourceOf(file).absolutePath },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        checked: {
          order: 1,
          canParse: true,
          allowEmpty: true,
          parse: (file: FileInfo) => sourceOf(file).data,
        },
      },
    });
    return { ok: true, document };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: "unresolved-ref",
        severity: "error",
        segments: [],
        message: `Could not bundle the external $refs: ${reason}; check the references this file makes to other files.`,
      },
    };
  }
}

/**
 * Maps a pointer in the bundled document to the file and pointer it came from. The map is
 * taken before bundling, while each file's objects still hold only that file's content.
 */
export function originFinder(
  root: Source,
  externals: readonly Source[],
): (segments: readonly string[], bundled: unknown) => Origin {
  const origins = new WeakMap<object, Origin>();
  for (const source of externals) {
    const path: string[] = [];
    const visit = (value: unknown): void => {
      if (typeof value !== "object" || value === null || origins.has(value)) return;
      origins.set(value, { source, segments: [...path] });
      for (const [key, child] of Object.entries(value)) {
        path.push(key);
        visit(child);
        path.pop();
      }
    };
    visit(source.data);
  }
  return (segments, bundled) => {
    let best: Origin = { source: root, segments: [...segments] };
    let value: unknown = bundled;
    for (let depth = 0; depth <= segments.length; depth++) {
      const from = typeof value === "object" && value !== null ? origins.get(value) : undefined;
      if (from)
        best = { source: from.source, segments: [...from.segments, ...segments.slice(depth)] };
      const segment = segments[depth];
      if (segment === undefined || typeof value !== "object" || value === null) break;
      if (!Object.hasOwn(value, segment)) break;
      value = (value as Record<string, unknown>)[segment];
    }
    return best;
  };
}
