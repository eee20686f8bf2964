import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveRunContext } from "../../scripts/run/args";
import { credentialEnvName, credentialsFor } from "../../scripts/run/context";

const cwd = "/project";

describe("resolveRunContext", () => {
  const ok: [string, string[], Record<string, string>, object][] = [
    [
      "defaults: every collection, mock, cli only, reports/",
      [],
      {},
      {
        collections: [],
        target: "mock",
        reporters: ["cli"],
        reportDir: path.resolve(cwd, "reports"),
        envVars: [],
        delayRequestMs: 0,
      },
    ],
    ["CI turns on junit and html", [], { CI: "true" }, { reporters: ["cli", "junit", "html"] }],
    [
      "--allow-outside-refs, as for generate",
      ["--allow-outside-refs"],
      {},
      { allowOutsideRefs: true },
    ],
    ["CI=false does not", [], { CI: "false" }, { reporters: ["cli"] }],
    [
      "--report-dir turns on junit and html",
      ["--report-dir", "out"],
      {},
      { reporters: ["cli", "junit", "html"], reportDir: path.resolve(cwd, "out") },
    ],
    ["--reporters wins over CI", ["--reporters", "junit"], { CI: "1" }, { reporters: ["junit"] }],
    ["reporters in canonical order", ["--reporters=html,cli"], {}, { reporters: ["cli", "html"] }],
    [
      "--shard adds the json reporter merge reads",
      ["--shard", "2/3"],
      {},
      { shard: { index: 2, count: 3 }, reporters: ["cli", "json"], parallel: 1 },
    ],
    [
      "--parallel, --max-p95, --progress-every",
      ["--parallel", "2", "--max-p95=250", "--progress-every", "0"],
      {},
      { parallel: 2, maxP95Ms: 250, progressEveryMs: 0 },
    ],
    [
      "collections and target",
      ["a", "collections/b.postman_collection.json", "--target", "sandbox"],
      {},
      { collections: ["a", "collections/b.postman_collection.json"], target: "sandbox" },
    ],
    [
      "--env-var keeps '=' in values and order",
      ["--env-var", "baseUrl=http://x/?a=b", "--env-var=tokenUrl=http://t"],
      {},
      {
        envVars: [
          { key: "baseUrl", value: "http://x/?a=b" },
          { key: "tokenUrl", value: "http://t" },
        ],
      },
    ],
    ["--delay-request", ["--delay-request", "250"], {}, { delayRequestMs: 250 }],
    ["--token-ttl for the mock", ["--token-ttl", "2"], {}, { mock: { tokenTtlSeconds: 2 } }],
    ["--stateless for the mock", ["--stateless"], {}, { mock: { stateless: true } }],
  ];
  it.each(ok)("%s", (_name, args, env, want) => {
    const result = resolveRunContext(args, env, cwd);
    expect(result).toHaveProperty("context");
    expect((result as { context: object }).context).toMatchObject(want);
  });

  const bad: [string, string[], RegExp][] = [
    [
      "unknown target",
      ["--target", "staging"],
      /--target must be one of mock, sandbox, production/,
    ],
    ["unknown option", ["--verbose"], /unknown option '--verbose'/],
    ["missing value", ["--target"], /--target needs a value/],
    ["env-var without =", ["--env-var", "baseUrl"], /KEY=VALUE/],
    ["no workers", ["--parallel", "0"], /--parallel must be a whole number from 1 to 16/],
    ["shard past the count", ["--shard", "3/2"], /--shard expects K\/N/],
    ["zero p95", ["--max-p95", "0"], /--max-p95 must be a positive/],
    ["unknown reporter", ["--reporters", "xml"], /--reporters takes a list of cli, junit, html/],
    ["negative delay", ["--delay-request", "-1"], /--delay-request needs a value|whole number/],
    [
      "ttl on a real target",
      ["--target", "sandbox", "--token-ttl", "2"],
      /only applies to --target mock/,
    ],
    [
      "stateless on a real target",
      ["--target", "production", "--stateless"],
      /--stateless only applies to --target mock/,
    ],
  ];
  it.each(bad)("usage error: %s", (_name, args, message) => {
    const result = resolveRunContext(args, {}, cwd);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(message);
  });

  it("reads credentials from the environment, empty ones count as unset", () => {
    const result = resolveRunContext(
      [],
      {
        SPECPOST_CLIENT_ID: "shared-id",
        SPECPOST_CLIENT_SECRET: "",
        SPECPOST_MY_API_CLIENT_ID: "own-id",
        SPECPOST_MY_API_CLIENT_SECRET: "own-secret",
      },
      cwd,
    ) as { context: { credentials: object } };
    expect(result.context.credentials).toEqual({
      shared: { clientId: "shared-id" },
      perCollection: { MY_API: { clientId: "own-id", clientSecret: "own-secret" } },
    });
  });
});

describe("credentials", () => {
  it.each([
    ["elcies-health-data-aggregator", "ELCIES_HEALTH_DATA_AGGREGATOR"],
    ["petStore.v2", "PET_STORE_V2"],
  ])("%s → SPECPOST_%s_CLIENT_*", (name, env) => {
    expect(credentialEnvName(name)).toBe(env);
  });

  const shared = { clientId: "s-id", clientSecret: "s-secret" };
  it.each([
    ["shared pair when the collection has none", {}, shared],
    [
      "the collection's own pair wins",
      { MY_API: { clientId: "o-id", clientSecret: "o-secret" } },
      { clientId: "o-id", clientSecret: "o-secret" },
    ],
    [
      "a half-set own pair is not mixed with the shared one",
      { MY_API: { clientId: "o-id" } },
      { clientId: "o-id" },
    ],
  ])("%s", (_name, perCollection, want) => {
    expect(credentialsFor({ shared, perCollection }, "my-api")).toEqual(want);
  });
});
