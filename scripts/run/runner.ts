import path from "node:path";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../mock/constants";
import type { MockFaults, MockServer } from "../mock/types";
import type { RunContext } from "./context";
import { defaultDeps, type RunDeps } from "./deps";
import {
  type EnvironmentOverride,
  layerEnvironment,
  secretValues,
  variableOf,
} from "./environment";
import { itemOrder, type RunProgress, runInParts, selectShard } from "./parts";
import { type Preparation, prepareRun, type RunPlan } from "./prepare";
import { type CollectionReport, reportPassed } from "./report";
import { makeRedactor, type Redact } from "./secrets";
import { summarizeRun } from "./summarize";

export interface CollectionResult {
  report: CollectionReport;
  passed: boolean;
  /** The run's redactor: anything printed about this run goes through it once more. */
  redact: Redact;
}

export type CollectionOutcome = CollectionResult | { setupError: string };

export interface RunOutcome {
  /** 0 every assertion passed; 1 failures; 2 usage or set-up error, or a target nothing answered on. */
  exitCode: 0 | 1 | 2;
  /** Set-up errors, one line each. */
  errors: string[];
  results: CollectionResult[];
}

export interface RunHooks {
  /** Faults for the mock target (tests: mutation and token-failure runs). */
  mockFaults?: MockFaults;
  /** Called as each collection finishes, so a command can print while the next one runs. */
  onResult?(result: CollectionResult): void;
  /** Called when a collection starts and after each item it finishes. */
  onProgress?(progress: RunProgress): void;
}

/** Library entry point: prepare every collection, run them one after another, summarise. */
export async function runCollections(
  ctx: RunContext,
  deps: RunDeps = defaultDeps,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const preparation: Preparation = await prepareRun(ctx, deps);
  if (preparation.errors.length > 0 || preparation.plans.length === 0) {
    return { exitCode: 2, errors: preparation.errors, results: [] };
  }
  const results: CollectionResult[] = [];
  const errors: string[] = [];
  for (const plan of preparation.plans) {
    const outcome = await runPlan(plan, ctx, deps, hooks);
    if ("setupError" in outcome) {
      errors.push(outcome.setupError);
      continue;
    }
    results.push(outcome);
    hooks.onResult?.(outcome);
  }
  return { exitCode: exitCodeOf(results, errors), errors, results };
}

export function exitCodeOf(
  results: readonly CollectionResult[],
  errors: readonly string[],
): 0 | 1 | 2 {
  if (errors.length > 0 || results.some((r) => r.report.unreachable)) return 2;
  return results.every((r) => r.passed) ? 0 : 1;
}

/** Runs one prepared collection; for the mock target the mock lives exactly as long as the run. */
export async function runPlan(
  plan: RunPlan,
  ctx: RunContext,
  deps: RunDeps = defaultDeps,
  hooks: RunHooks = {},
): Promise<CollectionOutcome> {
  const { mockFaults } = hooks;
  let mock: MockServer | undefined;
  if (ctx.target === "mock") {
    try {
      mock = await deps.startMock(plan.model, {
        port: 0,
        ...(ctx.mock.tokenTtlSeconds !== undefined && {
          tokenTtlSeconds: ctx.mock.tokenTtlSeconds,
        }),
        ...(ctx.mock.stateless === true && { stateless: true }),
        ...(mockFaults && { faults: mockFaults }),
      });
    } catch (error) {
      return { setupError: `${plan.files.name}: could not start the mock: ${firstLine(error)}` };
    }
  }
  const environment = layerEnvironment(
    `${plan.files.name}.${ctx.target}`,
    plan.environmentFile,
    mock ? mockLayer(mock, plan) : credentialLayer(plan),
    ctx.envVars,
  );
  const knownSecrets = [
    ...(plan.credentials ? [plan.credentials.clientSecret] : []),
    ...secretValues(environment),
  ];
  try {
    const recorded = await runInParts(
      selectShard(plan.collection, plan.model, ctx.shard),
      plan.model,
      {
        environment,
        delayRequestMs: ctx.delayRequestMs,
        timeoutRequestMs: ctx.timeoutRequestMs,
        workingDir: path.dirname(plan.files.collectionFile),
      },
      ctx.parallel,
      (progress) => hooks.onProgress?.({ collection: plan.files.name, ...progress }),
    );
    const tokenUrl = variableOf(environment, "tokenUrl") ?? tokenUrlOf(plan);
    const { report, redact } = summarizeRun(recorded, {
      name: plan.files.name,
      title: plan.model.title,
      target: ctx.target,
      baseUrl: variableOf(environment, "baseUrl") ?? plan.model.baseUrl,
      ...(tokenUrl && { tokenUrl }),
      operations: plan.model.operations,
      knownSecrets,
      timeoutRequestMs: ctx.timeoutRequestMs,
      ...(mock && { mockTokens: mockTokens(mock) }),
      itemOrder: itemOrder(plan.collection),
      limits: {
        ...(ctx.maxP95Ms !== undefined && { all: ctx.maxP95Ms }),
        perOperation: plan.p95Limits,
      },
    });
    if (mock && mock.warnings.length > 0) {
      report.messages.push(...mock.warnings.map((warning) => redact(`mock: ${warning}`)));
    }
    return { report, passed: reportPassed(report), redact };
  } catch (error) {
    const redact = makeRedactor(knownSecrets);
    return { setupError: redact(`${plan.files.name}: the run failed: ${firstLine(error)}`) };
  } finally {
    // A mock that fails to stop must not turn a finished run into a crash.
    await mock?.close().catch(() => undefined);
  }
}

/** Points the run at the mock; the demo credentials are the mock's own and no secret. */
function mockLayer(mock: MockServer, plan: RunPlan): EnvironmentOverride[] {
  const layer: EnvironmentOverride[] = [{ key: "baseUrl", value: mock.baseUrl }];
  if (mock.tokenUrl) layer.push({ key: "tokenUrl", value: mock.tokenUrl });
  const values = plan.environmentFile?.values ?? [];
  const has = (key: string) => values.some((entry) => entry.key === key && entry.value);
  if (!has("client_id")) layer.push({ key: "client_id", value: MOCK_CLIENT_ID });
  if (!has("client_secret")) layer.push({ key: "client_secret", value: MOCK_CLIENT_SECRET });
  return layer;
}

function credentialLayer(plan: RunPlan): EnvironmentOverride[] {
  if (!plan.credentials) return [];
  return [
    { key: "client_id", value: plan.credentials.clientId },
    { key: "client_secret", value: plan.credentials.clientSecret, secret: true },
  ];
}

function mockTokens(mock: MockServer): { requests: number; issued: number } {
  const stats = mock.stats();
  return { requests: stats.tokenRequests, issued: stats.tokensIssued };
}

function tokenUrlOf(plan: RunPlan): string | undefined {
  return plan.model.auth.kind === "client-credentials" ? plan.model.auth.tokenUrl : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
