import { formatPointer, isObject, refSegments, valueAtPointer } from "../load/pointer";
import type { OpenApiDocument, SpecVersion } from "../load/types";
import type { OasSchema } from "../model/types";
import { type Problem, type ProblemCode, problem } from "../problems";
import { createObjectLocator } from "./locate";
import { componentKey, createNameTable } from "./names";
import { scanSchema } from "./scan";
import { translateSchema } from "./translate";
import type {
  Dialect,
  Draft07Schema,
  SchemaMode,
  SchemaRegistry,
  SchemaRegistryOptions,
  TranslateContext,
} from "./types";

interface Target {
  /** Canonical pointer (`#/components/schemas/Pet`), whatever escaping the `$ref` used. */
  pointer: string;
  value: unknown;
}

interface Definition {
  name: string;
  target: Target;
  mode: SchemaMode;
  schema?: Draft07Schema;
}

interface Finding {
  code: ProblemCode;
  message: string;
  /** Pointer, or the part of it below `base` when `base` (a schema object) has to be located. */
  at: string;
  base?: object;
}

/**
 * The registry for one document. Work is lazy and memoized per (pointer, mode): a `$ref`
 * only names its definition and queues it; queued definitions are translated (reaching
 * further refs) when `definitions()` or `problems()` is read. Nothing is cloned.
 */
export function createSchemaRegistry(
  document: OpenApiDocument,
  version: SpecVersion,
  options: SchemaRegistryOptions = {},
): SchemaRegistry & {
  problems(): Problem[];
  /**
   * The definitions `schema` (a translation) reaches, directly or through others; a name
   * `known` says the caller has (with all it reaches) is neither returned nor walked.
   */
  reached(schema: Draft07Schema, known?: (name: string) => boolean): Record<string, Draft07Schema>;
} {
  const dialect: Dialect = version === "3.1" ? "3.1" : "3.0";
  const annotations = options.annotations ?? true;
  const components = document.components?.schemas;
  const names = createNameTable(isObject(components) ? Object.keys(components) : []);
  const locate = createObjectLocator(document);

  const targets = new Map<string, Target | null>();
  const target = (ref: string): Target | undefined => {
    let found = targets.get(ref);
    if (found === undefined) {
      const tokens = refSegments(ref);
      const value = tokens === undefined ? undefined : valueAtPointer(document, tokens);
      const usable = tokens !== undefined && (isObject(value) || typeof value === "boolean");
      found = usable ? { pointer: formatPointer(tokens), value } : null;
      targets.set(ref, found);
    }
    return found ?? undefined;
  };
  const resolve = (ref: string): unknown => target(ref)?.value;

  // A chain of plain $refs that comes back on itself has no schema at its end (Ajv 6
  // overflows its stack on it).
  const loops = new Map<string, boolean>();
  const aliasLoops = (start: Target): boolean => {
    let known = loops.get(start.pointer);
    if (known === undefined) {
      const seen = new Set([start.pointer]);
      known = false;
      for (let node = start.value; isObject(node) && typeof node.$ref === "string"; ) {
        const next = target(node.$ref);
        if (next === undefined) break;
        if (seen.has(next.pointer)) {
          known = true;
          break;
        }
        seen.add(next.pointer);
        node = next.value;
      }
      loops.set(start.pointer, known);
    }
    return known;
  };

  // A definition needs a request variant when some schema it reaches has a `required`
  // that readOnly/writeOnly change. Found by a walk over the ref graph; every node of a
  // walk that finds nothing is known to be mode-independent, so each node is walked once.
  const scans = new Map<string, { edges: Target[]; local: boolean }>();
  const scan = (node: Target) => {
    let found = scans.get(node.pointer);
    if (found === undefined) {
      const result = scanSchema(node.value, dialect, resolve);
      const edges = result.refs.map(target).filter((t): t is Target => t !== undefined);
      found = { edges, local: result.modeDependent };
      scans.set(node.pointer, found);
    }
    return found;
  };
  const modeDependent = new Map<string, boolean>();
  const dependsOnMode = (start: Target): boolean => {
    const known = modeDependent.get(start.pointer);
    if (known !== undefined) return known;
    const visited = new Map([[start.pointer, start]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i] as Target;
      const memo = modeDependent.get(node.pointer);
      if (memo === false) continue;
      const { edges, local } = scan(node);
      if (memo === true || local) {
        modeDependent.set(start.pointer, true);
        return true;
      }
      for (const edge of edges) {
        if (!visited.has(edge.pointer)) {
          visited.set(edge.pointer, edge);
          queue.push(edge);
        }
      }
    }
    for (const pointer of visited.keys()) modeDependent.set(pointer, false);
    return false;
  };

  const findings: Finding[] = [];
  const definitions = new Map<string, Definition>();
  const byName = new Map<string, Definition>();
  const pending: Definition[] = [];
  let translated = 0;
  const translations = new WeakMap<object, Map<string, Draft07Schema>>();

  const refTo = (ref: string, at: string, mode: SchemaMode, report: Report): Draft07Schema => {
    const found = target(ref);
    if (found === undefined) {
      report(
        "unresolved-ref",
        at,
        `$ref "${ref}" does not resolve to a schema in this document, so the contract test accepts any value there; fix the reference`,
      );
      return {};
    }
    if (aliasLoops(found)) {
      report(
        "unsupported-schema",
        at,
        `$ref "${ref}" leads only to $refs that loop back, never to a schema; the contract test accepts any value there`,
      );
      return {};
    }
    const effective = mode === "request" && !dependsOnMode(found) ? "response" : mode;
    const key = `${effective} ${found.pointer}`;
    let definition = definitions.get(key);
    if (definition === undefined) {
      definition = {
        name: names.nameFor(found.pointer, effective),
        target: found,
        mode: effective,
      };
      definitions.set(key, definition);
      byName.set(definition.name, definition);
      pending.push(definition);
    }
    return { $ref: `#/definitions/${definition.name}` };
  };

  type Report = TranslateContext["report"];
  const context = (mode: SchemaMode, base?: object): TranslateContext => {
    const report: Report = (code, at, message) =>
      findings.push(base === undefined ? { code, message, at } : { code, message, at, base });
    return {
      dialect,
      mode,
      annotations,
      resolve,
      report,
      ref: (ref, at) => refTo(ref, at, mode, report),
    };
  };

  // A schema the caller built itself cannot be located: better no pointer than a wrong one.
  const pointerOfFinding = ({ base, at }: Finding): string | undefined => {
    if (base === undefined) return at || "#";
    const root = locate(base);
    return root === undefined ? undefined : `${root}${at}`;
  };

  const drain = (): void => {
    for (; translated < pending.length; translated++) {
      const definition = pending[translated] as Definition;
      const { pointer, value } = definition.target;
      definition.schema = asObject(translateSchema(value, pointer, context(definition.mode)));
    }
  };

  return {
    translate(schema, mode, at) {
      // Shared responses and parameters bring the same schema object back at the same
      // place many times: translated (and its problems found) once.
      const memo =
        typeof schema === "object" && schema !== null ? translations.get(schema) : undefined;
      const key = `${mode} ${at ?? ""}`;
      const known = memo?.get(key);
      if (known !== undefined) return known;
      const base = at === undefined && typeof schema === "object" ? schema : undefined;
      const result = asObject(translateSchema(schema, at ?? "", context(mode, base)));
      if (typeof schema === "object" && schema !== null) {
        if (memo === undefined) translations.set(schema, new Map([[key, result]]));
        else memo.set(key, result);
      }
      return result;
    },
    nameOf(schema: OasSchema) {
      if (!isObject(schema) || typeof schema.$ref !== "string") return undefined;
      const found = target(schema.$ref);
      return found === undefined ? undefined : componentKey(found.pointer);
    },
    definitions() {
      drain();
      const sorted = [...definitions.values()].sort((a, b) => compare(a.name, b.name));
      return Object.fromEntries(sorted.map((d) => [d.name, d.schema as Draft07Schema]));
    },
    reached(schema, known) {
      drain();
      return reachedDefinitions(schema, byName, known);
    },
    problems() {
      drain();
      const unique = new Map<string, Problem>();
      for (const finding of findings) {
        const pointer = pointerOfFinding(finding);
        const item = problem(finding.code, "warning", options.file ?? "", finding.message, pointer);
        unique.set(`${pointer ?? ""} ${finding.code} ${finding.message}`, item);
      }
      return [...unique.entries()].sort(([a], [b]) => compare(a, b)).map(([, p]) => p);
    },
  };
}

const DEFINITION_PREFIX = "#/definitions/";

function reachedDefinitions(
  schema: Draft07Schema,
  byName: ReadonlyMap<string, Definition>,
  known: (name: string) => boolean = () => false,
): Record<string, Draft07Schema> {
  const picked: Record<string, Draft07Schema> = {};
  const pending: unknown[] = [schema];
  // Every node is pushed once: translations are trees, and each definition is entered once.
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) pending.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith(DEFINITION_PREFIX)) {
        const name = value.slice(DEFINITION_PREFIX.length);
        const found = byName.get(name);
        if (found?.schema !== undefined && !Object.hasOwn(picked, name) && !known(name)) {
          picked[name] = found.schema;
          pending.push(found.schema);
        }
      } else if (key !== "enum" && key !== "const" && key !== "default" && key !== "examples") {
        pending.push(value);
      }
    }
  }
  return picked;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newman's jsonSchema assertion insists on an object schema. */
function asObject(schema: Draft07Schema): Draft07Schema {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  return schema;
}
