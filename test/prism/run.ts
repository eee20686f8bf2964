import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import newman from "newman";
import { AUTH_CHECKS_FOLDER } from "../../scripts/collection/auth-checks";
import { buildCollection } from "../../scripts/collection/build";
import { idKeys, idSource } from "../../scripts/collection/ids";
import { sampleFiles } from "../../scripts/collection/sample-files";
import { writeFiles } from "../../scripts/collection/write";
import { loadSpec } from "../../scripts/load/load";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, startMock } from "../../scripts/mock";
import { buildModel } from "../../scripts/model/build";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { startPrism } from "./prism";

/** One request a collection sent, as Prism judged it. */
export interface PrismExchange {
  item: string;
  itemId: string;
  method: string;
  url: string;
  status: number;
  /** Prism's request-validation errors (its `sl-violations` header), empty when accepted. */
  violations: string[];
  body: string;
}

export interface PrismRun {
  sent: number;
  accepted: number;
  /** Requests Prism's request validation rejected: item → what Prism said. */
  rejected: Record<string, string>;
  /**
   * Requests Prism refused for their credentials (`UNAUTHORIZED`): a security scheme specpost
   * does not authenticate (implicit flow, API key), not a request built against the schemas.
   */
  unauthorised: string[];
  /**
   * Rejected requests specpost marked beforehand as ones the server may rightly reject (an
   * unsatisfiable schema, with a located warning at generation).
   */
  marked: string[];
  /**
   * Prism failing to answer a request it accepted (`UNKNOWN`, e.g. `-d` on a media type without
   * schema; `NO_RESPONSE_RESPONSE_DEFINED`, an operation without responses).
   */
  prismErrors: string[];
  /**
   * Failed assertion → message, the Auth checks left out: Prism checks that a token is there,
   * not that it is valid, so "rejects an invalid token" fails against it by design.
   */
  failures: Record<string, string>;
  scriptErrors: string[];
}

interface Violation {
  location?: string[];
  severity?: string;
  message?: string;
  code?: string | number;
}

function requestViolations(header: string | undefined): string[] {
  if (!header) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return [header];
  }
  if (!Array.isArray(parsed)) return [header];
  return (parsed as Violation[])
    .filter((v) => v.severity === "Error" && v.location?.[0] === "request")
    .slice(0, 20)
    .map((v) => `${(v.location ?? []).join(".")}: ${v.message ?? v.code}`);
}

/**
 * What Prism's own problem+json answer says (a request it could not route, authorise or
 * validate): its kind (`UNPROCESSABLE_ENTITY`, `UNAUTHORIZED`, …) and its validation messages.
 */
function prismProblem(body: string): { kind: string; messages: string[] } | undefined {
  const kind = /stoplight\.io\/prism\/errors#([A-Z_]+)/.exec(body)?.[1];
  if (!kind) return undefined;
  let validation: Violation[] = [];
  try {
    const parsed = JSON.parse(body) as { validation?: Violation[] };
    validation = Array.isArray(parsed.validation) ? parsed.validation : [];
  } catch {
    // A truncated body: the kind is enough.
  }
  const messages = validation
    .slice(0, 20)
    .map((v) => `${(v.location ?? []).join(".")}: ${v.message ?? v.code}`);
  return { kind, messages };
}

/**
 * The user's chain with an independent server: the generated collection under Newman against
 * Prism (request validation on), tokens from specpost's own mock token endpoint (Prism has none).
 */
export async function runAgainstPrism(
  file: string,
  options: { dynamic?: boolean } = {},
): Promise<PrismRun> {
  const loaded = await loadSpec(file, { cwd: process.cwd() });
  if (!loaded.spec) throw new Error(`${file} does not load`);
  const built = buildModel(loaded.spec);
  if (!built.model) throw new Error(`${file} does not model`);
  const model = built.model;
  const collection = buildCollection(
    model,
    createSchemaRegistry(loaded.spec.document, loaded.spec.version),
  );
  // The sample files binary bodies upload, where `specpost generate` puts them.
  const outDir = await mkdtemp(join(tmpdir(), "specpost-prism-"));
  await writeFiles(sampleFiles(model, outDir));
  const tokens = await startMock(model);
  const prism = await startPrism(file, options);
  try {
    // The Auth checks send a missing or an invalid token on purpose: Prism refusing them is right.
    const deliberate = authCheckIds(collection);
    const exchanges = await send(collection, deliberate, join(outDir, "collections"), {
      // Prism serves every path at its root, whatever the spec's server URL says.
      baseUrl: prism.origin,
      tokenUrl: tokens.tokenUrl ?? "",
      client_id: MOCK_CLIENT_ID,
      client_secret: MOCK_CLIENT_SECRET,
    });
    const api = exchanges.list.filter(
      (e) => e.url.startsWith(prism.origin) && !deliberate.has(e.itemId),
    );
    const rejected: Record<string, string> = {};
    const unauthorised: string[] = [];
    const prismErrors: string[] = [];
    const marked: string[] = [];
    const ids = idSource(model.title);
    const mayReject = new Set(
      model.operations
        .filter((op) => op.requestBody?.mayReject)
        .map((op) => ids.of(idKeys.operation(op.key))),
    );
    for (const e of api) {
      const name = `${e.item} (${e.method} ${e.url.slice(prism.origin.length)})`;
      const problem = prismProblem(e.body);
      const security = e.violations.some((v) => /security scheme/i.test(v));
      if (problem?.kind === "UNAUTHORIZED" || security) unauthorised.push(name);
      // UNKNOWN: Prism failed on an answer; NO_RESPONSE_RESPONSE_DEFINED: the operation documents
      // no response (OpenAPI 3.1 allows that), so Prism has nothing to serve. Neither judges the request.
      else if (problem?.kind === "UNKNOWN" || problem?.kind === "NO_RESPONSE_RESPONSE_DEFINED")
        prismErrors.push(name);
      else if (mayReject.has(e.itemId) && (e.violations.length > 0 || problem)) marked.push(name);
      else if (e.violations.length > 0 || problem) {
        const said = [...e.violations, ...(problem?.messages ?? [])];
        rejected[name] =
          `${e.status} ${problem?.kind ?? ""} ${said.join("; ") || e.body.slice(0, 300)}`;
      }
    }
    const sent = api.length;
    return {
      sent,
      // A Prism `UNKNOWN` (500) comes after validation: the request itself was accepted.
      accepted: sent - Object.keys(rejected).length - unauthorised.length - marked.length,
      rejected,
      unauthorised,
      prismErrors,
      marked,
      failures: exchanges.failures,
      scriptErrors: exchanges.scriptErrors,
    };
  } finally {
    await prism.close();
    await tokens.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

interface Group {
  id?: string;
  name?: string;
  item?: Group[];
}

function authCheckIds(collection: object): Set<string> {
  const ids = new Set<string>();
  const folder = ((collection as Group).item ?? []).find((g) => g.name === AUTH_CHECKS_FOLDER);
  for (const item of folder?.item ?? []) if (item.id) ids.add(item.id);
  return ids;
}

interface Sent {
  list: PrismExchange[];
  failures: Record<string, string>;
  scriptErrors: string[];
}

function send(
  collection: object,
  skip: Set<string>,
  workingDir: string,
  env: Record<string, string>,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const list: PrismExchange[] = [];
    const failures: Record<string, string> = {};
    const scriptErrors: string[] = [];
    newman
      .run(
        {
          collection: collection as never,
          reporters: [],
          workingDir,
          envVar: Object.entries(env).map(([key, value]) => ({ key, value })),
        },
        (error) => (error ? reject(error) : resolve({ list, failures, scriptErrors })),
      )
      .on("request", (error: Error | null, args: RequestArgs) => {
        const response = args.response;
        list.push({
          item: args.item.name,
          itemId: args.item.id,
          method: args.request.method,
          url: args.request.url.toString(),
          status: response?.code ?? 0,
          violations: requestViolations(response?.headers.get("sl-violations")),
          body: error
            ? String(error.message)
            : (response?.stream?.toString("utf8") ?? "").slice(0, 2000),
        });
      })
      .on(
        "assertion",
        (error: Error | null, args: { assertion: string; item: { name: string; id: string } }) => {
          if (error && !skip.has(args.item.id))
            failures[`${args.item.name} · ${args.assertion}`] = error.message.slice(0, 400);
        },
      )
      .on("script", (error: Error | null, args: { event: { listen: string } }) => {
        if (error) scriptErrors.push(`${args.event.listen}: ${error.name}: ${error.message}`);
      });
  });
}

interface RequestArgs {
  item: { name: string; id: string };
  request: { method: string; url: { toString(): string } };
  response?: { code: number; headers: { get(name: string): string | undefined }; stream?: Buffer };
}
