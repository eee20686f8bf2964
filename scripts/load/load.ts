import { resolve } from "node:path";
import type { Position } from "../problems";
import { hasErrors, locateProblems, type Problem } from "../problems";
import { bundleExternal, originFinder } from "./bundle";
import { convertSwagger2 } from "./convert";
import { type Finding, locateFinding, type Origin } from "./finding";
import { checkPathKeys } from "./path-keys";
import { formatPointer, parsePointer } from "./pointer";
import { checkRefDepth } from "./ref-depth";
import { checkRefs } from "./refs";
import { displayPath, readSource, type Source } from "./source";
import { checkStructure } from "./structure";
import { toSwagger2Segments } from "./swagger2-pointer";
import type { LoadedSpec, LoadResult, OpenApiDocument, SpecVersion } from "./types";
import { detectVersion } from "./version";

export interface LoadOptions {
  /** Relative spec paths resolve against this; problems name files relative to it. */
  cwd: string;
  /** `$ref`s may name files outside the spec's folder tree (`--allow-outside-refs`). */
  allowOutsideRefs?: boolean;
}

type FindOrigin = (segments: readonly string[]) => Origin;

function makeLocate(
  version: SpecVersion,
  written: unknown,
  origin: FindOrigin,
): LoadedSpec["locate"] {
  const cache = new Map<string, Position>();
  return (pointer) => {
    let found = cache.get(pointer);
    if (!found) {
      const segments = parsePointer(pointer) ?? [];
      const where = origin(version === "2.0" ? toSwagger2Segments(segments, written) : segments);
      const { line, column } = where.source.position(where.segments);
      found = { file: where.source.display, pointer: formatPointer(where.segments), line, column };
      cache.set(pointer, found);
    }
    return found;
  };
}

function finish(problems: Problem[], spec?: LoadedSpec): LoadResult {
  const sorted = locateProblems(problems);
  return spec && !hasErrors(sorted) ? { spec, problems: sorted } : { problems: sorted };
}

async function loadSource(root: Source, options: LoadOptions): Promise<LoadResult> {
  const cwd = options.cwd;
  const at = (
    finding: Finding,
    origin: FindOrigin = (segments) => ({ source: root, segments: [...segments] }),
  ) => locateFinding(origin(finding.segments), finding);

  const version = detectVersion(root.data);
  if (!version.ok) return finish([at(version.error)]);
  const problems = version.warnings.map((w) => at(w));

  const refs = await checkRefs(root, cwd, { allowOutside: options.allowOutsideRefs === true });
  problems.push(...refs.problems);
  if (hasErrors(problems)) return finish(problems);

  // The written document, external refs bundled in; still Swagger 2.0 when that is what it is.
  let written = root.data as object;
  let origin: FindOrigin = (segments) => ({ source: root, segments: [...segments] });
  if (refs.hasExternal) {
    const find = originFinder(root, refs.externals);
    const bundled = await bundleExternal(root, refs.sources);
    if (!bundled.ok) return finish([...problems, at(bundled.error)]);
    const bundledDocument = bundled.document;
    written = bundledDocument;
    origin = (segments) => find(segments, bundledDocument);
  }

  const shape = checkStructure(written as Record<string, unknown>, version.version);
  if (!shape.some((f) => f.severity === "error")) {
    shape.push(...checkPathKeys(written as Record<string, unknown>));
    shape.push(...checkRefDepth(written, refs.hasExternal ? undefined : refs.rootSites));
  }
  problems.push(...shape.map((f) => at(f, origin)));
  if (hasErrors(problems)) return finish(problems);

  let document = written as OpenApiDocument;
  if (version.version === "2.0") {
    const converted = await convertSwagger2(written);
    if (!converted.ok) return finish([...problems, at(converted.error, origin)]);
    document = converted.document;
    for (const warning of converted.warnings) {
      problems.push(
        at({ ...warning, segments: toSwagger2Segments(warning.segments, written) }, origin),
      );
    }
  }

  return finish(problems, {
    file: root.display,
    absolutePath: root.absolutePath,
    version: version.version,
    document,
    locate: makeLocate(version.version, written, origin),
  });
}

/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 spec (YAML or JSON) into one OpenAPI 3.x document:
 * external `$ref`s bundled in, internal ones kept, Swagger 2.0 converted. Never throws for bad
 * input: every failure comes back as a located problem, and any error means no `spec`.
 */
export async function loadSpec(file: string, options: LoadOptions): Promise<LoadResult> {
  const absolutePath = resolve(options.cwd, file);
  const display = displayPath(absolutePath, options.cwd);
  const read = await readSource(absolutePath, display);
  if (!read.ok) return { problems: [read.problem] };
  try {
    return await loadSource(read.source, options);
  } catch (error) {
    // A bug of ours, not a fault in the spec: still a problem, never a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        {
          code: "read-error",
          severity: "error",
          file: display,
          message: `specpost failed while loading this spec (${reason}); please report it with the spec attached.`,
          line: 1,
          column: 1,
        },
      ],
    };
  }
}
