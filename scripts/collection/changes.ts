/**
 * What a regeneration changes in one collection, per request, keyed by the generator's stable
 * item ids: the summary `specpost generate` prints after writing and `--check` prints for a
 * stale collection, so a reviewer sees "GET /tiles/{tile}: parameters" instead of a JSON diff.
 */

import { isDataLine, readObjectLines, scriptLines } from "./contract-data";
import { readDeclaredContract } from "./contract-lines";
import { SHARED_CONSTANT } from "./contracts";
import { orderMoves } from "./order-changes";

type Json = Record<string, unknown>;

export type ChangeAspect =
  | "parameters"
  | "body"
  | "responses"
  | "scripts"
  | "url"
  | "auth"
  | "name"
  | "description";

export interface ItemRef {
  /** Postman item id (UUIDv5 from the spec). */
  id: string;
  /** `GET /tiles/{tile}` when the contract data names it, else `GET /tiles/:tile`. */
  key: string;
  name: string;
}

export interface ItemChange extends ItemRef {
  /** In a fixed order: url, parameters, body, responses, scripts, auth, name, description. */
  aspects: ChangeAspect[];
  /** Short phrases per aspect, e.g. parameters: [`query date: "2026-11-01" → "2026-11-02"`]. */
  details: Partial<Record<ChangeAspect, string[]>>;
}

export interface CollectionChanges {
  /** The collection's name (info.name). */
  name: string;
  /** No previous file: everything is new. */
  created: boolean;
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
  /** Collection-level changes: variables, scripts, auth, shared schemas, run order. */
  collection: string[];
}

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: unknown) => (typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v));

function parse(json: string | undefined): Json | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Anything but a collection (an empty or hand-broken file) has nothing to compare with. */
function parseCollection(json: string | undefined): Json | undefined {
  const value = parse(json);
  return value && Array.isArray(value.item) ? value : undefined;
}

/** Requests (leaves) in run order, folders flattened. */
function leaves(nodes: unknown): Json[] {
  return list(nodes).flatMap((node) => (Array.isArray(node.item) ? leaves(node.item) : [node]));
}

/** The contract a request declares in its pre-request script (contract-lines.ts). */
function contractOf(item: Json): Json | undefined {
  return parse(readDeclaredContract(item.event).contract);
}

/** Every schema by name: the collection's shared ones and those only one request reaches. */
function schemasOf(collection: Json, items: Json[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const event of list(collection.event)) {
    const exec =
      isObject(event.script) && Array.isArray(event.script.exec) ? event.script.exec : [];
    for (const [name, schema] of readObjectLines(exec).get(SHARED_CONSTANT) ?? []) {
      out.set(name, schema);
    }
  }
  for (const item of items) {
    for (const [name, schema] of readDeclaredContract(item.event).schemas) out.set(name, schema);
  }
  return out;
}

function refOf(item: Json, contract: Json | undefined): ItemRef {
  const request = isObject(item.request) ? item.request : {};
  const url = isObject(request.url) ? request.url : {};
  const path = Array.isArray(url.path) ? `/${url.path.join("/")}` : text(url.raw);
  const key =
    typeof contract?.key === "string" ? contract.key : `${text(request.method)} ${path}`.trim();
  return { id: text(item.id), key, name: text(item.name) };
}

/** `query date`, `header api-version`, `path tile` → value and whether it is sent. */
function parameters(request: Json): Map<string, string> {
  const out = new Map<string, string>();
  const url = isObject(request.url) ? request.url : {};
  const add = (where: string, entries: unknown) => {
    for (const p of list(entries)) {
      const state = p.disabled === true ? " (off)" : "";
      const name = `${where} ${text(p.key)}`;
      // Repeated keys (exploded arrays) are one parameter with several values.
      const before = out.get(name);
      const value = `${JSON.stringify(text(p.value))}${state}`;
      out.set(name, before === undefined ? value : `${before}, ${value}`);
    }
  };
  add("path", url.variable);
  add("query", url.query);
  add("header", request.header);
  return out;
}

function parameterDetails(before: Json, after: Json): string[] {
  const a = parameters(before);
  const b = parameters(after);
  const details: string[] = [];
  for (const [name, value] of b) {
    const old = a.get(name);
    if (old === undefined) details.push(`+${name}`);
    else if (old !== value) details.push(`${name}: ${old} → ${value}`);
  }
  for (const name of a.keys()) if (!b.has(name)) details.push(`-${name}`);
  return details;
}

/** Documented statuses from the contract data, else the saved responses' codes. */
function statuses(item: Json, contract: Json | undefined): string[] {
  if (isObject(contract?.responses)) return Object.keys(contract.responses);
  return [...new Set(list(item.response).map((r) => text(r.code)))];
}

/** Saved responses without their copy of the request, which parameters already cover. */
const saved = (item: Json) => list(item.response).map(({ originalRequest, ...rest }) => rest);

function responseDetails(a: Json, b: Json, ca?: Json, cb?: Json): string[] {
  const before = statuses(a, ca);
  const after = statuses(b, cb);
  const documented = (c: Json | undefined, status: string) =>
    isObject(c?.responses) ? c.responses[status] : undefined;
  const examples = (item: Json, status: string) =>
    saved(item).filter((r) => text(r.code) === status);
  const changed = after.filter(
    (s) =>
      before.includes(s) &&
      (!same(documented(ca, s), documented(cb, s)) || !same(examples(a, s), examples(b, s))),
  );
  return [
    ...after.filter((s) => !before.includes(s)).map((s) => `+${s}`),
    ...before.filter((s) => !after.includes(s)).map((s) => `-${s}`),
    ...(changed.length > 0 ? [`${changed.join(", ")} changed`] : []),
  ];
}

function compareItem(a: Json, b: Json, ca: Json | undefined, cb: Json | undefined): ItemChange {
  const ra = isObject(a.request) ? a.request : {};
  const rb = isObject(b.request) ? b.request : {};
  const aspects: ChangeAspect[] = [];
  const details: ItemChange["details"] = {};
  const mark = (aspect: ChangeAspect, changed: boolean, more: () => string[] = () => []) => {
    if (!changed) return;
    aspects.push(aspect);
    const found = more();
    if (found.length > 0) details[aspect] = found;
  };
  const urlA = isObject(ra.url) ? ra.url : {};
  const urlB = isObject(rb.url) ? rb.url : {};
  mark("url", text(urlA.raw).split("?")[0] !== text(urlB.raw).split("?")[0]);
  mark("parameters", !same([...parameters(ra)], [...parameters(rb)]), () =>
    parameterDetails(ra, rb),
  );
  mark("body", !same(ra.body, rb.body));
  mark("responses", !same(ca?.responses, cb?.responses) || !same(saved(a), saved(b)), () =>
    responseDetails(a, b, ca, cb),
  );
  // The declared contract is data from the spec: its changes are the responses' above.
  const scripts = (item: Json) => readDeclaredContract(item.event).otherEvents;
  mark("scripts", !same(scripts(a), scripts(b)));
  mark("auth", !same(ra.auth, rb.auth));
  mark("name", a.name !== b.name, () => [
    `name ${JSON.stringify(a.name)} → ${JSON.stringify(b.name)}`,
  ]);
  mark("description", ra.description !== rb.description);
  return { ...refOf(b, cb), aspects, details };
}

function collectionDetails(a: Json, b: Json) {
  const out: string[] = [];
  const vars = (c: Json) => new Map(list(c.variable).map((v) => [text(v.key), text(v.value)]));
  const va = vars(a);
  const vb = vars(b);
  for (const [key, value] of vb) {
    if (!va.has(key)) out.push(`variable +${key}`);
    else if (va.get(key) !== value)
      out.push(`variable ${key}: ${JSON.stringify(va.get(key))} → ${JSON.stringify(value)}`);
  }
  for (const key of va.keys()) if (!vb.has(key)) out.push(`variable -${key}`);
  const defsA = schemasOf(a, leaves(a.item));
  const defsB = schemasOf(b, leaves(b.item));
  const names = [...new Set([...defsA.keys(), ...defsB.keys()])].sort();
  const defs = names.filter((n) => defsA.get(n) !== defsB.get(n));
  if (defs.length > 0) out.push(`schemas ${defs.join(", ")}`);
  // Scripts without their data lines: a change here is the generator's, not the spec's.
  const code = (c: Json) =>
    list(c.event).map((e) =>
      scriptLines(isObject(e.script) && Array.isArray(e.script.exec) ? e.script.exec : []).filter(
        (l) => !isDataLine(l),
      ),
    );
  if (!same(code(a), code(b))) out.push("collection scripts");
  if (!same(a.auth, b.auth)) out.push("auth");
  if (!same(a.info, b.info)) out.push("info");
  const name = (item: Json) => label(refOf(item, contractOf(item)));
  const moves = orderMoves(leaves(a.item), leaves(b.item), (item) => text(item.id), name);
  if (moves.length > 0) out.push(`run order (${moves.join("; ")})`);
  return out;
}

/**
 * Compares the collection on disk (`previous`, undefined when there is none) with the one
 * about to be written, both as file text.
 */
export function summariseChanges(previous: string | undefined, next: string): CollectionChanges {
  const b = parseCollection(next) ?? {};
  const a = parseCollection(previous);
  const name = isObject(b.info) ? text(b.info.name) : "";
  const after = leaves(b.item);
  if (!a) {
    const added = after.map((item) => refOf(item, contractOf(item)));
    return { name, created: true, added, removed: [], changed: [], collection: [] };
  }
  const before = new Map(leaves(a.item).map((item) => [text(item.id), item]));
  const afterIds = new Set(after.map((item) => text(item.id)));
  const changes: CollectionChanges = {
    name,
    created: false,
    added: [],
    removed: [],
    changed: [],
    collection: collectionDetails(a, b),
  };
  for (const item of after) {
    const id = text(item.id);
    const old = before.get(id);
    const cb = contractOf(item);
    if (!old) {
      changes.added.push(refOf(item, cb));
      continue;
    }
    const change = compareItem(old, item, contractOf(old), cb);
    if (change.aspects.length > 0) changes.changed.push(change);
  }
  for (const [id, item] of before) {
    if (!afterIds.has(id)) changes.removed.push(refOf(item, contractOf(item)));
  }
  return changes;
}

export const hasChanges = (c: CollectionChanges) =>
  c.created || c.added.length + c.removed.length + c.changed.length + c.collection.length > 0;

const label = (ref: ItemRef) => (ref.key === ref.name ? ref.key : `${ref.key} (${ref.name})`);

/** Indented lines for the terminal, one per request; empty when nothing changed. */
export function formatChanges(changes: CollectionChanges): string[] {
  if (changes.created) return [`  new collection: ${changes.added.length} requests`];
  const lines = [
    ...changes.added.map((r) => `  + ${label(r)}`),
    ...changes.removed.map((r) => `  - ${label(r)}`),
    ...changes.changed.map((c) => {
      const aspects = c.aspects.map((a) => {
        const details = c.details[a] ?? [];
        return details.length > 0 ? `${a} (${details.join("; ")})` : a;
      });
      return `  ~ ${label(c)}: ${aspects.join(", ")}`;
    }),
  ];
  if (changes.collection.length > 0) lines.push(`  ~ collection: ${changes.collection.join("; ")}`);
  return lines;
}
