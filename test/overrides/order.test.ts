import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { COLLECTION, requests, type TempProject, tempProject, USERS_SPEC } from "./helpers";

/** Run order: listed operations first, in order, the rest after in spec order; folders stay whole. */
let project: TempProject;
beforeAll(async () => {
  project = await tempProject({ "specs/users.yaml": USERS_SPEC });
});
afterAll(() => project.remove());

async function runOrder(
  order: string,
): Promise<{ names: string[]; folders: string[]; stderr: string }> {
  await project.write("specs/users.overrides.yaml", order);
  const result = await runCli(["generate"], project.dir);
  expect(result.code, result.stderr).toBe(0);
  const text = await project.read(COLLECTION);
  return {
    names: requests(text).map((r) => r.name),
    folders: (JSON.parse(text) as { item: Array<{ name: string }> }).item.map((i) => i.name),
    stderr: result.stderr,
  };
}

const SPEC_ORDER = ["Register a user", "List users", "Get a user", "Daily report"];

describe("order", () => {
  it.each([
    { order: "order: []\n", names: SPEC_ORDER, folders: ["Users", "Reports"] },
    {
      order: "order: [getUser]\n",
      names: ["Get a user", "Register a user", "List users", "Daily report"],
      folders: ["Users", "Reports"],
    },
    {
      order: 'order: [dailyReport, "GET /users/{id}", register]\n',
      names: ["Daily report", "Get a user", "Register a user", "List users"],
      folders: ["Reports", "Users"],
    },
  ])("$order", async ({ order, names, folders }) => {
    const got = await runOrder(order);
    expect(got.names).toEqual(names);
    expect(got.folders).toEqual(folders);
    expect(got.stderr).not.toContain("overrides");
  });

  it("an order that jumps between folders is kept as far as it can be, with a located warning", async () => {
    const got = await runOrder("# run order\norder: [register, dailyReport, listUsers]\n");
    expect(got.names).toEqual(["Register a user", "List users", "Get a user", "Daily report"]);
    expect(got.stderr).toContain(
      "specs/users.overrides.yaml:2:1 warning invalid-override order lists GET /reports/daily before GET /users, but GET /users runs first: requests run folder by folder (folder 'Users' comes first)",
    );
  });

  it("the same overrides give byte-identical files", async () => {
    await runOrder("order: [getUser]\noperations:\n  register: { set: { id: $.id } }\n");
    const first = await project.read(COLLECTION);
    const again = await runCli(["generate"], project.dir);
    expect(again.stdout).toContain(`unchanged ${COLLECTION}`);
    expect(await project.read(COLLECTION)).toBe(first);
  });
});
