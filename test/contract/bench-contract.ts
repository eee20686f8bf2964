/**
 * Per-request cost of the contract script under Newman, for a small (ELCIES) and a big
 * (GitHub REST API, api.github.com from @octokit/openapi) definitions set. Not a test: run
 * `npx tsx test/contract/bench-contract.ts` on a quiet machine and read the table.
 *
 * Each variant runs one request N times (iterationCount) against a loopback server with a
 * fixed valid body; the cost per request is (time(N2) - time(N1)) / (N2 - N1), which cancels
 * Newman's start-up.
 */
import { contractPrerequestLines } from "../../scripts/collection/contract-lines";
import { contractTestScript, requestContracts } from "../../scripts/collection/contracts";
import { idKeys, idSource } from "../../scripts/collection/ids";
import type { PostmanCollection } from "../../scripts/collection/types";
import { POSTMAN_SCHEMA_URL } from "../../scripts/collection/types";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import type { ModelOptions } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { runNewman } from "../collection/newman-run";
import { json, startServer } from "./server";

const N1 = 20;
const N2 = 220;

interface Variant {
  name: string;
  exec?: string[];
  /** The request's own pre-request script: its contract. */
  prerequest?: string[];
  itemId: string;
  body: unknown;
}

async function contractLines(
  file: string,
  opKey: string,
  options: ModelOptions,
  annotations: boolean,
) {
  const loaded = await loadSpec(file, { cwd: process.cwd() });
  if (!loaded.spec) throw new Error(`${file} does not load`);
  const { model } = buildModel(loaded.spec, options);
  if (!model) throw new Error(`${file} does not model`);
  const registry = createSchemaRegistry(loaded.spec.document, loaded.spec.version, { annotations });
  const ids = idSource(model.title);
  const itemIdOf = (key: string) => ids.of(idKeys.operation(key));
  const plan = requestContracts(model, registry);
  const contract = plan.requests.get(opKey);
  if (!contract) throw new Error(`${file} has no ${opKey}`);
  return {
    exec: contractTestScript(plan.shared),
    prerequest: contractPrerequestLines(contract),
    itemId: itemIdOf(opKey),
  };
}

function collection(variant: Variant, baseUrl: string): PostmanCollection {
  return {
    info: { _postman_id: "bench", name: variant.name, schema: POSTMAN_SCHEMA_URL },
    item: [
      {
        id: variant.itemId,
        name: variant.name,
        request: {
          method: "GET",
          header: [],
          url: { raw: `${baseUrl}/x`, host: [baseUrl], path: ["x"] },
        },
        response: [],
        ...(variant.prerequest
          ? {
              event: [
                {
                  listen: "prerequest",
                  script: { type: "text/javascript", exec: variant.prerequest },
                },
              ],
            }
          : {}),
      },
    ],
    ...(variant.exec
      ? { event: [{ listen: "test", script: { type: "text/javascript", exec: variant.exec } }] }
      : {}),
    variable: [],
  };
}

async function timed(c: PostmanCollection, n: number) {
  const start = performance.now();
  const run = await runNewman(c, { iterationCount: n });
  const ms = performance.now() - start;
  const failedCount = run.assertions.filter((a) => !a.passed).length;
  if (failedCount > 0 || run.scriptErrors.length > 0) {
    throw new Error(`${c.info.name}: ${failedCount} failed, ${run.scriptErrors.join("; ")}`);
  }
  return { ms, assertions: run.assertions.length / n };
}

const elcies = await contractLines(
  "specs/elcies-health-data-aggregator.yaml",
  "GET /userlist",
  {},
  true,
);
const github = (annotations: boolean) =>
  contractLines(
    "node_modules/@octokit/openapi/generated/api.github.com.json",
    "GET /emojis",
    { tokenUrl: "https://github.com/login/oauth/access_token" },
    annotations,
  );
const githubFull = await github(true);
const githubLean = await github(false);
const size = (v: { exec: string[]; prerequest: string[] }) =>
  `${Math.round([...v.exec, ...v.prerequest].join("\n").length / 1024)} KB`;

const users = [{ ExternalUserId: "u-1", callbackurl: "https://cb.example/u-1" }];
const variants: Variant[] = [
  { name: "no test script", itemId: "none", body: users },
  {
    name: "reference: one pm jsonSchema assertion",
    itemId: "none",
    exec: ["pm.test('s', () => pm.response.to.have.jsonSchema({ type: 'array' }));"],
    body: users,
  },
  { name: `ELCIES contract (${size(elcies)})`, ...elcies, body: users },
  {
    name: `GitHub contract (${size(githubFull)})`,
    ...githubFull,
    body: { "+1": "https://x/1.png" },
  },
  {
    name: `GitHub, annotations off (${size(githubLean)})`,
    ...githubLean,
    body: { "+1": "https://x/1.png" },
  },
];

let body: unknown;
const server = await startServer(() => json(200, body));
try {
  for (const variant of variants) {
    body = variant.body;
    const c = collection(variant, server.url);
    await timed(c, 3); // warm-up
    const short = await timed(c, N1);
    const long = await timed(c, N2);
    const perRequest = (long.ms - short.ms) / (N2 - N1);
    console.log(
      `${variant.name.padEnd(40)} ${perRequest.toFixed(1).padStart(6)} ms/request, ${long.assertions} assertions/request`,
    );
  }
} finally {
  await server.close();
}
