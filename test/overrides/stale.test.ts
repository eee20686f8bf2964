import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { COLLECTION, type TempProject, tempProject, USERS_SPEC } from "./helpers";

const OVERRIDES = `order:
  - register
operations:
  register:
    set:
      userId: $.id
  "GET /users/{id}":
    examples:
      path:
        id: "{{userId}}"
      query:
        view: summary
  listUsers:
    tests: |
      pm.test("listed", () => {});
`;

/**
 * The spec moves on; the overrides file does not. Every override that no longer has its
 * operation or parameter is an error at its own line, and the collection on disk is left as
 * it was (never regenerated without the user's additions).
 */
const CASES: Array<{ name: string; edit: (spec: string) => string; at: string; says: string }> = [
  {
    name: "operationId renamed",
    edit: (s) => s.replace("operationId: register", "operationId: registerUser"),
    at: "4:3",
    says: "no operation 'register' in specs/users.yaml: it was renamed or removed from the spec",
  },
  {
    name: "operationId of a tested operation renamed",
    edit: (s) => s.replace("operationId: listUsers", "operationId: listAllUsers"),
    at: "13:3",
    says: "(did you mean 'listAllUsers'?)",
  },
  {
    name: "path renamed under a METHOD /path key",
    edit: (s) => s.replace("/users/{id}:", "/members/{id}:"),
    at: "7:3",
    says: `no operation 'GET /users/{id}' in specs/users.yaml`,
  },
  {
    name: "query parameter renamed",
    edit: (s) => s.replace("- name: view", "- name: detail"),
    at: "12:9",
    says: "GET /users/{id} has no query parameter 'view' (it has detail); rename or remove it",
  },
];

let project: TempProject;
beforeEach(async () => {
  project = await tempProject({
    "specs/users.yaml": USERS_SPEC,
    "specs/users.overrides.yaml": OVERRIDES,
  });
});
afterEach(() => project.remove());

describe("stale overrides", () => {
  it.each(CASES)("$name → stale-override at its line", async ({ edit, at, says }) => {
    const first = await runCli(["generate"], project.dir);
    expect(first.code).toBe(0);
    const before = await project.read(COLLECTION);

    await project.write("specs/users.yaml", edit(USERS_SPEC));
    const again = await runCli(["generate"], project.dir);
    expect(again.code).toBe(1);
    const line = again.stderr
      .split("\n")
      .find((l) => l.startsWith(`specs/users.overrides.yaml:${at} `));
    expect(line, again.stderr).toMatch(/ error stale-override /);
    expect(line).toContain(says);
    expect(again.stderr).toContain("skipped specs/users.yaml: nothing written for it");
    expect(await project.read(COLLECTION)).toBe(before);
  });

  it("the order entry of a removed operation is stale as well", async () => {
    await project.write(
      "specs/users.yaml",
      USERS_SPEC.replace("operationId: register", "operationId: signUp"),
    );
    const result = await runCli(["generate"], project.dir);
    const places = [
      ...result.stderr.matchAll(/^specs\/users\.overrides\.yaml:(\d+):\d+ error stale-override/gm),
    ].map((m) => Number(m[1]));
    expect(places).toEqual([2, 4]);
  });

  it("--check fails on a stale override too, without writing", async () => {
    await runCli(["generate"], project.dir);
    await project.write(
      "specs/users.yaml",
      USERS_SPEC.replace("operationId: register", "operationId: signUp"),
    );
    const result = await runCli(["generate", "--check"], project.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^specs\/users\.overrides\.yaml:4:3 error stale-override /m);
  });
});
