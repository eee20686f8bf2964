import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgainstOwnMock } from "./own-mock";
import { extractPaths } from "./spec-extract";

// Specs nobody here wrote, run as a user would: generated collection against specpost's own
// mock under Newman. Every failed assertion is the generator and the mock disagreeing.

const GITHUB = "node_modules/@octokit/openapi/generated/api.github.com.json";
/** Operations where they disagreed (issue 8): a 400 to generated requests, bodies the check refused. */
const GITHUB_PATHS = [
  "/orgs/{org}/actions/hosted-runners",
  "/orgs/{org}/actions/hosted-runners/{hosted_runner_id}",
  "/repos/{owner}/{repo}/actions/workflows/{workflow_id}",
  "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
  "/repos/{owner}/{repo}/pages/deployments",
  "/repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}",
  "/user/keys",
  "/orgs/{org}/issue-fields",
  "/user/codespaces/secrets/{secret_name}/repositories",
];

const EXAMPLES = "node_modules/@readme/oas-examples";
/** Schema-heavy examples: readOnly/writeOnly, nullable, discriminators, polymorphism, 3.1. */
const OAS_EXAMPLES = [
  "3.0/json/discriminators.json",
  "3.0/json/polymorphism.json",
  "3.0/json/complex-nesting.json",
  "3.0/json/request-examples.json",
  "3.0/json/response-schemas.json",
  "3.0/json/schema-visibility.json",
  "3.0/json/schema-additional-properties.json",
  "3.0/json/schema-validation.json",
  "3.0/json/parameters-style.json",
  "3.1/json/schema-validation-local.json",
  "2.0/json/petstore-expanded.json",
  // Files: multipart file parts, an array of them, an image body.
  "3.0/json/file-uploads.json",
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specpost-own-mock-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a generated collection against specpost's own mock", () => {
  it("GitHub's operations where they used to disagree: 0 failed assertions", async () => {
    const github = JSON.parse(await readFile(GITHUB, "utf8"));
    const file = join(dir, "github-extract.json");
    await writeFile(file, JSON.stringify(extractPaths(github, GITHUB_PATHS)));
    const run = await runAgainstOwnMock(file);
    expect(run.scriptErrors).toEqual([]);
    expect(run.failures).toEqual({});
    expect(run.mockWarnings).toEqual([]);
    expect(run.requests).toBeGreaterThanOrEqual(GITHUB_PATHS.length);
  });

  it.each(OAS_EXAMPLES)("@readme/oas-examples %s: 0 failed assertions", async (name) => {
    const run = await runAgainstOwnMock(join(EXAMPLES, name));
    expect(run.scriptErrors).toEqual([]);
    expect(run.runWarnings).toEqual([]);
    expect(run.failures).toEqual({});
    expect(run.assertions).toBeGreaterThan(0);
  });
});
