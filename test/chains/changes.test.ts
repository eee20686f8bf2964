import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { type TempProject, tempProject } from "../overrides/helpers";
import { projectsSpec } from "./specs";

/** A reviewer sees which requests chains moved, not just "run order". */
let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe("the change summary of chains", () => {
  it("names the requests that run elsewhere once chains order them", async () => {
    project = await tempProject({
      "specs/projects.yaml": projectsSpec("http://127.0.0.1:9"),
      "specs/projects.overrides.yaml": "inferChains: false\n",
    });
    expect((await runCli(["generate", "specs/projects.yaml"], project.dir)).code).toBe(0);
    await project.write("specs/projects.overrides.yaml", "order: []\n");
    const second = await runCli(["generate", "specs/projects.yaml"], project.dir);
    expect(second.code).toBe(0);
    const line = second.stdout.split("\n").find((l) => l.includes("~ collection:")) ?? "";
    expect(line).toContain(
      "run order (POST /projects (createProject) now first; POST /projects/{projectId}/tasks (createTask) now after PATCH /projects/{projectId} (renameProject); DELETE /projects/{projectId} (deleteProject) now after DELETE /projects/{projectId}/tasks/{taskId} (deleteTask))",
    );
  });
});
