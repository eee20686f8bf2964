import newman, { type NewmanRunSummary } from "newman";
import type { CollectionDefinition, VariableScopeDefinition } from "postman-collection";
import { SANDBOX2_MARKER } from "../collection/merge-events";
import { TOKEN_TIMING } from "../collection/token";
import type { PostmanCollection } from "../collection/types";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../mock/constants";
import { startMock } from "../mock/server";
import type { MockServer } from "../mock/types";
import {
  bareCollection,
  countRequests,
  emptyScripts,
  firstRequests,
  operationsOnly,
} from "./newman-collections";
import { type LoopbackServer, startLoopback } from "./newman-loopback";
import type { NewmanRequest, NewmanResult } from "./newman-protocol";
import { generateInMemory } from "./specpost-adapter";
import { StageClock } from "./stage-clock";

/** Where the run's requests go: specpost's mock, or the trivial loopback server. */
interface Target {
  baseUrl: string;
  tokenUrl: string;
  /** A bearer token for the bare variant, fetched before the run. */
  token(): Promise<string>;
  resetStats(): void;
  tokenRequests(): number;
  unauthorized(): number;
  close(): Promise<void>;
}

function mockTarget(mock: MockServer): Target {
  if (!mock.tokenUrl) throw new Error("the benchmark spec has no client-credentials token URL");
  return {
    baseUrl: mock.baseUrl,
    tokenUrl: mock.tokenUrl,
    token: () => fetchToken(mock),
    resetStats: () => mock.resetStats(),
    tokenRequests: () => mock.stats().tokenRequests,
    unauthorized: () =>
      Object.values(mock.stats().statuses).reduce((sum, s) => sum + (s["401"] ?? 0), 0),
    close: () => mock.close(),
  };
}

function loopbackTarget(server: LoopbackServer): Target {
  let before = 0;
  return {
    baseUrl: server.baseUrl,
    tokenUrl: server.tokenUrl,
    token: async () => "bench",
    resetStats: () => {
      before = server.tokenRequests();
    },
    tokenRequests: () => server.tokenRequests() - before,
    unauthorized: () => 0,
    close: () => server.close(),
  };
}

/** One empty test script for every request: the sandbox's fixed cost per script. */
const FLOOR_SCRIPT = {
  listen: "test" as const,
  script: {
    type: "text/javascript" as const,
    exec: [SANDBOX2_MARKER, "// the bench's floor: a script that does nothing"],
  },
};

async function measure(request: NewmanRequest): Promise<NewmanResult> {
  const model = request.real ? { tokenUrl: request.real.tokenUrl } : {};
  const output = await generateInMemory(request.specFile, model, new StageClock());
  const generated = JSON.parse(output.files[0]?.content ?? "{}") as PostmanCollection;
  const ttl = request.tokenTtlSeconds;
  const target = request.real
    ? loopbackTarget(await startLoopback())
    : mockTarget(await startMock(output.model, { port: 0, tokenTtlSeconds: ttl }));
  try {
    let collection = operationsOnly(generated);
    if (request.real) collection = firstRequests(collection, request.real.limit);
    if (request.variant === "layout") collection = emptyScripts(collection, await target.token());
    if (request.variant === "bare" || request.variant === "floor")
      collection = bareCollection(collection, await target.token());
    if (request.variant === "floor") collection.event = [FLOOR_SCRIPT];
    target.resetStats();
    const environment: VariableScopeDefinition = {
      name: "bench",
      values: [
        { key: "baseUrl", value: target.baseUrl },
        { key: "tokenUrl", value: target.tokenUrl },
        { key: "client_id", value: MOCK_CLIENT_ID },
        { key: "client_secret", value: MOCK_CLIENT_SECRET },
      ],
    };
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const summary = await run(collection, environment);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const requests = countRequests(collection.item);
    const assertions = summary.run.stats.assertions;
    return {
      ok: true,
      variant: request.variant,
      requests,
      sent: summary.run.stats.requests.total ?? 0,
      wallMs,
      perRequestMs: wallMs / requests,
      cpuPerRequestMs: (cpu.user + cpu.system) / 1000 / requests,
      assertions: assertions.total ?? 0,
      failedAssertions: assertions.failed ?? 0,
      failures: summary.run.failures
        .slice(0, 5)
        .map((failure) => `${failure.source?.name ?? "?"}: ${failure.error?.message ?? "?"}`),
      tokenRequests: target.tokenRequests(),
      tokenTtlSeconds: ttl,
      ...(request.variant !== "bare" && { maxTokenRequests: tokenWindows(wallMs, ttl) }),
      unauthorized: target.unauthorized(),
      maxRssKb: process.resourceUsage().maxRSS,
    };
  } finally {
    await target.close();
  }
}

/**
 * Most token requests a script that renews once per window can make in a run of `wallMs`:
 * one per renewal interval (the lifetime minus the generated script's safety margin). Too few
 * shows up instead as 401 answers: requests that went out with an expired token.
 */
function tokenWindows(wallMs: number, ttlSeconds: number): number {
  const lifetimeMs = ttlSeconds * 1000;
  const margin = Math.min(TOKEN_TIMING.marginMs, TOKEN_TIMING.marginRatio * lifetimeMs);
  return Math.floor(wallMs / (lifetimeMs - margin)) + 1;
}

/** The bare variant's token, fetched once before the run, as a CI job would with curl. */
async function fetchToken(mock: MockServer): Promise<string> {
  const url = mock.tokenUrl as string;
  const form = new URLSearchParams({
    client_id: MOCK_CLIENT_ID,
    client_secret: MOCK_CLIENT_SECRET,
  });
  if (!new URL(url).searchParams.has("grant_type")) form.set("grant_type", "client_credentials");
  const response = await fetch(url, { method: "POST", body: form });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`the mock's token endpoint answered ${response.status}`);
  }
  return body.access_token;
}

function run(
  collection: PostmanCollection,
  environment: VariableScopeDefinition,
): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection: collection as unknown as CollectionDefinition,
        environment,
        reporters: [],
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

function report(message: NewmanResult): void {
  process.send?.(message, () => process.exit(0));
}

const request = JSON.parse(process.argv[2] ?? "{}") as NewmanRequest;
measure(request).then(report, (error: unknown) =>
  report({
    ok: false,
    variant: request.variant,
    error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
  }),
);
