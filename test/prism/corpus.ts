import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractPaths } from "../contract/spec-extract";

/** The specs the Prism suite runs, per corpus: specs nobody here wrote, ours, and fixtures. */
const EXAMPLES = "node_modules/@readme/oas-examples";
export const OAS_EXAMPLES = [
  "3.0/json/complex-nesting.json",
  "3.0/json/discriminators.json",
  "3.0/json/file-uploads.json",
  "3.0/json/form-data.json",
  "3.0/json/parameters-common.json",
  "3.0/json/parameters-style.json",
  "3.0/json/petstore.json",
  "3.0/json/polymorphism.json",
  "3.0/json/request-examples.json",
  "3.0/json/response-examples.json",
  "3.0/json/response-http-behavior.json",
  "3.0/json/schema-additional-properties.json",
  "3.0/json/schema-enums.json",
  "3.0/json/schema-types.json",
  "3.0/json/schema-validation.json",
  "3.0/json/schema-visibility.json",
  "3.0/json/security.json",
  "3.1/json/parameters-style.json",
  "3.1/json/schema-types.json",
  "3.1/json/schema-validation-local.json",
  "3.1/json/train-travel.json",
  "2.0/json/petstore.json",
  "2.0/json/petstore-expanded.json",
].map((name) => join(EXAMPLES, name));

export const OWN = ["specs/elcies-health-data-aggregator.yaml"];
export const FIXTURES = [
  "test/fixtures/specs/model/elcies.yaml",
  "test/fixtures/specs/model/kpn-swagger2.yaml",
];

const GITHUB = "node_modules/@octokit/openapi/generated/api.github.com.json";
/** A slice of GitHub's operations: bodies with nested objects, path parameters, enums, arrays. */
export const GITHUB_PATHS = [
  "/orgs/{org}/actions/hosted-runners",
  "/orgs/{org}/actions/hosted-runners/{hosted_runner_id}",
  "/repos/{owner}/{repo}/actions/workflows/{workflow_id}",
  "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
  "/repos/{owner}/{repo}/pages/deployments",
  "/user/keys",
  "/orgs/{org}/issue-fields",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/labels",
  "/repos/{owner}/{repo}/pulls",
  "/gists",
  "/user/repos",
];

/** GitHub's slice written to a temporary file Prism and specpost both read. */
export async function githubSlice(): Promise<string> {
  const github = JSON.parse(await readFile(GITHUB, "utf8"));
  const dir = await mkdtemp(join(tmpdir(), "specpost-prism-"));
  const file = join(dir, "github-slice.json");
  await writeFile(file, JSON.stringify(extractPaths(github, GITHUB_PATHS)));
  return file;
}
