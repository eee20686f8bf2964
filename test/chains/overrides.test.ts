import { describe, expect, it } from "vitest";
import { runNewman } from "../collection/newman-run";
import { projectsSpec } from "./specs";
import type { StatefulApi } from "./stateful-api";
import { useStatefulProject } from "./stateful-project";

/** Chains from the overrides file: switch the guesses off, add chains the spec cannot say. */
const stateful = useStatefulProject();

async function generated(overrides: string, idField = "id") {
  const out = await stateful.generate(
    (origin) => ({
      "specs/projects.yaml": projectsSpec(origin).replace(/\bid(?=[,:\]])/g, idField),
      "specs/projects.overrides.yaml": overrides,
    }),
    { idField },
  );
  const collection = out.files[0] ? (JSON.parse(out.files[0].content) as object) : undefined;
  // The spec declares no security on purpose: that warning is not what these tests are about.
  const problems = out.problems.filter((p) => p.code !== "no-client-credentials");
  return { problems, collection };
}

const codes = (hits: StatefulApi["hits"]) => hits.map((h) => h.status);

describe("chains in the overrides file", () => {
  it("inferChains: false gives the unchained suite: made-up ids meet 404s, and the happy-path check says so", async () => {
    const { collection } = await generated("inferChains: false\n");
    const run = await runNewman(collection ?? {});
    const items = stateful.api.hits.filter((h) => h.path !== "/projects");
    expect(items.filter((h) => h.status === 404).length).toBe(items.length);
    // Without chains every item request is a 404; the suite no longer counts that green.
    expect(run.failed.length).toBe(items.length);
    for (const failure of run.failed) {
      expect(failure.name).toMatch(/→ request accepted$/);
      expect(failure.message).toMatch(
        /^the server rejected a request built from the spec's examples: 404 /,
      );
    }
  });

  it("adds chains inference cannot guess (the id is named `key`)", async () => {
    const { problems, collection } = await generated(
      `chains:
  projectId:
    from: createProject
    value: $response.body#/key
    to: [getProject, renameProject, deleteProject, createTask, getTask, deleteTask]
  taskId:
    from: createTask
    value: $response.body#/key
    to: ["GET /projects/{projectId}/tasks/{taskId}", deleteTask path.taskId]
`,
      "key",
    );
    expect(problems).toEqual([]);
    const run = await runNewman(collection ?? {});
    expect(run.failed).toEqual([]);
    expect(codes(stateful.api.hits)).toEqual([201, 200, 200, 201, 200, 204, 204]);
  });

  it("names a consumer that is not in the spec at its line, with a suggestion", async () => {
    const { problems, collection } = await generated(
      `chains:
  projectId:
    from: createProject
    value: $response.body#/id
    to: [getProjekt, "getProject query.projectId"]
`,
    );
    expect(collection).toBeUndefined();
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^5: chains\.projectId\.to\[0\]: no operation 'getProjekt'/),
      expect.stringContaining("GET /projects/{projectId} has no query parameter 'projectId'"),
    ]);
    expect(problems[0]?.message).toContain("did you mean 'getProject'?");
  });
});
