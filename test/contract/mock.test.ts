import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { PostmanCollection } from "../../scripts/collection/types";
import { loadSpec } from "../../scripts/load/load";
import {
  MOCK_CLIENT_ID,
  MOCK_CLIENT_SECRET,
  type MockFaults,
  type MockServer,
  startMock,
} from "../../scripts/mock";
import { buildModel } from "../../scripts/model/build";
import type { ApiModel } from "../../scripts/model/types";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { runNewman } from "../collection/newman-run";
import { failed, passedNames } from "./newman";

// The whole chain on the committed ELCIES spec: generated collection, real mock, Newman.

let model: ApiModel;
let collection: PostmanCollection;
let mock: MockServer;

beforeAll(async () => {
  const loaded = await loadSpec("specs/elcies-health-data-aggregator.yaml", { cwd: process.cwd() });
  if (!loaded.spec) throw new Error("the ELCIES spec does not load");
  const built = buildModel(loaded.spec);
  if (!built.model) throw new Error("the ELCIES spec does not model");
  model = built.model;
  collection = buildCollection(
    model,
    createSchemaRegistry(loaded.spec.document, loaded.spec.version),
  );
  mock = await startMock(model);
});
afterAll(() => mock.close());

async function runAgainstMock(faults: MockFaults) {
  mock.setFaults(faults);
  const run = await runNewman(collection, {
    envVar: {
      baseUrl: mock.baseUrl,
      tokenUrl: mock.tokenUrl ?? "",
      client_id: MOCK_CLIENT_ID,
      client_secret: MOCK_CLIENT_SECRET,
    },
  });
  expect(run.scriptErrors).toEqual([]);
  return run;
}

const contractNames = (run: { assertions: { name: string }[] }) =>
  run.assertions.map((a) => a.name).filter((name) => name.includes(" → "));

describe("contract assertions against the ELCIES mock", () => {
  it("are all green, three to four per operation, plus the auth checks", async () => {
    mock.resetStats();
    const run = await runAgainstMock({});
    expect(failed(run)).toEqual({});
    // "Get Access Token" gets the one token; the auth checks fetch none (the wrong-credentials
    // check is the second call, refused) and do not disturb the cache.
    expect(mock.stats()).toMatchObject({ tokenRequests: 2, tokensIssued: 1 });
    const secured = model.operations.filter((op) => op.secured).length;
    expect(contractNames(run)).toHaveLength(model.operations.length * 3 + secured);
    expect(passedNames(run)).toEqual(
      expect.arrayContaining([
        "GET /userlist → authorized",
        "GET /userlist → status 200 is documented",
        "GET /userlist → 200 content type application/json",
        "GET /userlist → 200 matches schema UserList",
        "Token endpoint rejects wrong credentials",
        "GET /userlist rejects a missing token",
        "GET /userlist rejects an invalid token",
      ]),
    );
  });

  it.each<{
    fault: MockFaults;
    name: RegExp;
    message: RegExp;
    operations: (op: ApiModel["operations"][number]) => boolean;
  }>([
    {
      fault: { invalidBody: true },
      name: / → 2\d\d matches (schema \w+|response schema)$/,
      message: /^body does not match (schema \w+|response schema): body\S* should /,
      operations: () => true,
    },
    {
      fault: { undocumentedStatus: true },
      // A 4xx to a request built from the spec is also the happy path failing.
      name: / → (status 418 is documented|request accepted)$/,
      message:
        / answered 418 I'm a Teapot, which the spec does not document \(documented: 2|^the server rejected a request built from the spec's examples: 418 I'm a Teapot, body: /,
      operations: () => true,
    },
    {
      fault: { wrongContentType: true },
      name: / → 2\d\d content type application\/json$/,
      message: /^Content-Type is text\/plain; the spec documents application\/json for 2\d\d$/,
      operations: () => true,
    },
    {
      fault: { rejectTokens: true },
      name: / → authorized$/,
      message:
        / answered 401 Unauthorized to a request sent with the collection's credentials \(Invalid Access Token\)/,
      operations: (op) => op.secured,
    },
  ])(
    "catch $fault, one failure per operation, and pass again without it",
    async ({ fault, name, message, operations }) => {
      const run = await runAgainstMock(fault);
      const failures = failed(run);
      const expected = model.operations.filter(operations).map((op) => op.key);
      expect([...new Set(Object.keys(failures).map((n) => n.split(" → ")[0]))]).toEqual(expected);
      for (const [failedName, failedMessage] of Object.entries(failures)) {
        expect(failedName).toMatch(name);
        expect(failedMessage).toMatch(message);
      }

      const fixed = await runAgainstMock({});
      expect(failed(fixed)).toEqual({});
    },
  );

  it("say nothing about secured operations when the token endpoint is down", async () => {
    const run = await runAgainstMock({ tokenFailures: 1000 });
    const contract = run.assertions.filter((a) => a.name.includes(" → "));
    // Only operations that need no token are still checked.
    const open = model.operations.filter((op) => !op.secured).map((op) => op.key);
    expect([...new Set(contract.map((a) => a.name.split(" → ")[0]))]).toEqual(open);
    expect(failed(run)).toEqual(
      expect.objectContaining({
        "Access token is issued by the token endpoint": expect.stringContaining("500"),
      }),
    );
  });
});
