import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { COLLECTION, type TempProject, tempProject, USERS_SPEC } from "./helpers";

/**
 * A malformed overrides file stops its spec like a spec error: one located line per problem
 * (`file:line:col error invalid-override ...`), exit 1, nothing written.
 */
const CASES: Array<{ name: string; yaml: string; at: string; says: string }> = [
  {
    name: "unknown top-level key",
    yaml: "order: [register]\nopertions:\n  register: {}\n",
    at: "2:1",
    says: "unknown key 'opertions' in the file; allowed: order, operations",
  },
  {
    name: "unknown key in an operation",
    yaml: "operations:\n  register:\n    test: pm.test('x', () => {})\n",
    at: "3:5",
    says: "unknown key 'test' in operations.register; allowed: disabled, expect, maxP95, examples, set, prerequest, tests",
  },
  {
    name: "order is not a list",
    yaml: "order: register\n",
    at: "1:1",
    says: "order must be a list",
  },
  {
    name: "disabled is not a boolean",
    yaml: "operations:\n  register:\n    disabled: yes please\n",
    at: "3:5",
    says: "operations.register.disabled must be true or false",
  },
  {
    name: "an operation that is not a mapping",
    yaml: "operations:\n  register:\n",
    at: "2:3",
    says: "operations.register must be a mapping",
  },
  {
    name: "examples in an unknown place",
    yaml: "operations:\n  getUser:\n    examples:\n      cookie: { a: 1 }\n",
    at: "4:7",
    says: "allowed: path, query, header, body",
  },
  {
    name: "query examples as a list",
    yaml: "operations:\n  getUser:\n    examples:\n      query: [view]\n",
    at: "4:7",
    says: "operations.getUser.examples.query must be a mapping",
  },
  {
    name: "set from something that is not a body path",
    yaml: "operations:\n  register:\n    set:\n      userId: response.id\n",
    at: "4:7",
    says: "must be a path into the JSON response body such as $.callbackurl",
  },
  {
    name: "set into a variable name Postman cannot use",
    yaml: "operations:\n  register:\n    set:\n      1st: $.id\n",
    at: "4:7",
    says: "'1st' in operations.register.set is not a usable variable name",
  },
  {
    name: "set into the collection's own credentials",
    yaml: "operations:\n  register:\n    set:\n      client_secret: $.id\n",
    at: "4:7",
    says: "'client_secret' belongs to the generated collection",
  },
  {
    name: "set into the client authentication method (issue 11)",
    yaml: "operations:\n  register:\n    set:\n      client_auth: $.id\n",
    at: "4:7",
    says: "'client_auth' belongs to the generated collection",
  },
  {
    name: "set into an extra token parameter (issue 11)",
    yaml: "operations:\n  register:\n    set:\n      token_param_audience: $.id\n",
    at: "4:7",
    says: "'token_param_audience' belongs to the generated collection",
  },
  {
    name: "tests that are neither text nor a file",
    yaml: "operations:\n  register:\n    tests: 42\n",
    at: "3:5",
    says: "must be JavaScript text or { file: <name>.js }",
  },
  {
    name: "tests file that is not a .js file",
    yaml: "operations:\n  register:\n    tests: { file: checks.txt }\n",
    at: "3:14",
    says: "operations.register.tests.file must name a .js file",
  },
  {
    name: "tests file that does not exist",
    yaml: "operations:\n  register:\n    prerequest: { file: missing.js }\n",
    at: "3:19",
    says: "cannot read specs/missing.js (no such file)",
  },
  {
    name: "one operation under two keys",
    yaml: "operations:\n  register: {}\n  POST /register: {}\n",
    at: "3:3",
    says: "and 'register' both name POST /register; merge them into one entry",
  },
  {
    name: "an operation listed twice in order",
    yaml: "order: [register, listUsers, POST /register]\n",
    at: "1:30",
    says: "POST /register is already listed as 'register'",
  },
  {
    name: "a disabled operation in order",
    yaml: "order: [register]\noperations:\n  register: { disabled: true }\n",
    at: "1:9",
    says: "POST /register is disabled, so it cannot run",
  },
  {
    name: "every operation disabled",
    yaml: "operations:\n  register: { disabled: true }\n  listUsers: { disabled: true }\n  getUser: { disabled: true }\n  dailyReport: { disabled: true }\n",
    at: "1:1",
    says: "every operation is disabled",
  },
  {
    name: "YAML that does not parse",
    yaml: "operations:\n  register:\n    tests: [unclosed\n",
    at: "4:1",
    says: "YAML syntax error",
  },
];

let project: TempProject;
beforeAll(async () => {
  project = await tempProject({ "specs/users.yaml": USERS_SPEC });
});
afterAll(() => project.remove());

describe("invalid overrides files", () => {
  it.each(CASES)("$name → located error, nothing written", async ({ yaml, at, says }) => {
    await project.write("specs/users.overrides.yaml", yaml);
    const result = await runCli(["generate"], project.dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n").filter((l) => l.startsWith("specs/users.overrides"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^specs/users\\.overrides\\.yaml:${at} error \\S+ `));
    expect(lines[0]).toContain(says);
    expect(result.stderr).toContain("skipped specs/users.yaml: nothing written for it");
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(project.dir, COLLECTION))).toBe(false);
  });

  it("reports every shape error of a file at once, top to bottom", async () => {
    await project.write(
      "specs/users.overrides.yaml",
      "operations:\n  register:\n    disabled: 1\n    set: { 2x: $.id }\n  getUser:\n    tests: 3\n",
    );
    const result = await runCli(["generate"], project.dir);
    const places = [...result.stderr.matchAll(/^specs\/users\.overrides\.yaml:(\d+):(\d+)/gm)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(places).toEqual(["3:5", "4:12", "6:5"]);
  });

  it("an empty overrides file is no overrides", async () => {
    await project.write("specs/users.overrides.yaml", "# nothing yet\n");
    const result = await runCli(["generate"], project.dir);
    expect(result.stderr).not.toContain("overrides");
    expect(result.code).toBe(0);
    expect(existsSync(join(project.dir, COLLECTION))).toBe(true);
  });
});
