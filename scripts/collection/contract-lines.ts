/**
 * The script a request declares its contract in: a few comment lines saying what is checked
 * (statuses, content types, schema names, headers), then the data the collection-level checks
 * (scripts/postman/contract.js) read from the local variable `specpost_contract`.
 *
 * It is the request's pre-request script because the collection-level test script runs before
 * the request's own test script (Postman and Newman alike): data set there would come too late.
 */
import { objectLines, readObjectLines, singleQuoted } from "./contract-data";
import type { OperationContract, RequestContract, ResponseContract } from "./contracts";

/** The constant holding the contract's JSON text; the change summary reads it back. */
export const CONTRACT_CONSTANT = "SPECPOST_CONTRACT";
/** The constant holding the definitions only this request's schemas reach, one per line. */
export const SCHEMAS_CONSTANT = "SPECPOST_SCHEMAS";

const CONTRACT_LINE = new RegExp(`^const ${CONTRACT_CONSTANT} = '(.*)';$`, "s");

/** Spec text in a `//` comment: a line break (U+2028/U+2029 included) would end it. */
const inComment = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " ");

export function contractPrerequestLines({ contract, schemas }: RequestContract): string[] {
  const own = new Map(Object.entries(schemas));
  return [
    `// specpost checks every answer to ${inComment(contract.key)} (generated, do not edit):`,
    ...summary(contract).map((line) => `//   ${inComment(line)}`),
    `const ${CONTRACT_CONSTANT} = ${singleQuoted(JSON.stringify(contract))};`,
    // Most requests own no definition (shared ones are the collection's): no empty constant then.
    ...(own.size > 0 ? objectLines(SCHEMAS_CONSTANT, own, true) : []),
    `pm.variables.set("specpost_contract", JSON.stringify({ requestId: pm.info.requestId, contract: ${CONTRACT_CONSTANT}, schemas: ${own.size > 0 ? SCHEMAS_CONSTANT : "{}"} }));`,
  ];
}

/** The contract's JSON text from a pre-request script's lines, if they declare one. */
export function readContractLine(lines: readonly unknown[]): string | undefined {
  for (const line of lines) {
    const match = typeof line === "string" ? CONTRACT_LINE.exec(line) : null;
    if (match?.[1] !== undefined) return match[1].replace(/\\(.)/gs, "$1");
  }
  return undefined;
}

function summary(contract: OperationContract): string[] {
  const lines: string[] = [];
  if (contract.secured) lines.push("a 401 or 403 to the collection's token fails");
  if (contract.expect) {
    lines.push(`status ${contract.expect.join(" or ")}, as the overrides declare`);
  } else if (contract.mayReject) {
    lines.push("a 4xx may be right: the request could not be built valid from the spec");
  } else if (contract.errorsOnly) {
    lines.push("a documented 4xx passes: the spec documents no other answer");
  } else {
    lines.push("a 4xx fails: the request is built from the spec's examples to be accepted");
  }
  const groups = new Map<string, string[]>();
  for (const [status, response] of Object.entries(contract.responses)) {
    const text = describe(response);
    groups.set(text, [...(groups.get(text) ?? []), status]);
  }
  for (const [text, statuses] of groups) lines.push(`${statuses.join(", ")}: ${text}`);
  if (Object.keys(contract.responses).length === 0) {
    lines.push(
      "the spec documents no final answer (none, or only 1xx): no status is judged but a 4xx",
    );
  } else if (!Object.hasOwn(contract.responses, "default")) lines.push("any other status fails");
  return lines;
}

function describe(response: ResponseContract): string {
  const parts = Object.entries(response.content ?? {}).map(([type, content]) => {
    if (content.schema === undefined) return type;
    if (content.name) return `${type} schema ${content.name}`;
    const uses = refNames(content.schema);
    return uses.length > 0
      ? `${type}, an inline schema using ${uses.join(", ")}`
      : `${type}, an inline schema`;
  });
  for (const name of response.headers ?? []) parts.push(`header ${name}`);
  return parts.length > 0 ? parts.join("; ") : "no content";
}

/** The definitions a schema names itself (not through other definitions), in order, at most 5. */
function refNames(schema: unknown): string[] {
  const names: string[] = [];
  const pending: unknown[] = [schema];
  // Bounded: an inline schema is finite data, and a name list longer than 5 reads as a blob.
  while (pending.length > 0 && names.length < 5) {
    const node = pending.shift();
    if (node === null || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/definitions/")) {
        const name = value.slice("#/definitions/".length);
        if (!names.includes(name)) names.push(name);
      } else {
        pending.push(value);
      }
    }
  }
  return names;
}

/** What a request's events declare: its contract's JSON text and its schemas by name. */
export interface DeclaredContract {
  contract: string | undefined;
  schemas: Map<string, string>;
  /** The events without the generated declaration: what the user or other features added. */
  otherEvents: unknown[];
}

/** The reverse of `contractPrerequestLines` over an item's `event` list (the change summary). */
export function readDeclaredContract(events: unknown): DeclaredContract {
  const out: DeclaredContract = { contract: undefined, schemas: new Map(), otherEvents: [] };
  for (const event of Array.isArray(events) ? events : []) {
    const exec: unknown = event?.script?.exec;
    if (event?.listen !== "prerequest" || !Array.isArray(exec)) {
      out.otherEvents.push(event);
      continue;
    }
    const end = exec.findIndex(
      (line) => typeof line === "string" && line.startsWith('pm.variables.set("specpost_contract"'),
    );
    const block = exec.slice(0, end + 1);
    out.contract = readContractLine(block);
    out.schemas = readObjectLines(block).get(SCHEMAS_CONSTANT) ?? new Map();
    const rest = exec.slice(end + 1);
    if (rest.length > 0)
      out.otherEvents.push({ ...event, script: { ...event.script, exec: rest } });
  }
  return out;
}
