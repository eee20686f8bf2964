import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/problems";
import { lifecycleArazzo } from "../arazzo/workflow-spec";
import { runNewman } from "../collection/newman-run";
import { projectsSpec } from "./specs";
import { useStatefulProject } from "./stateful-project";

/** The Cleanup folder: what the run created and did not delete is deleted at the end. */
const stateful = useStatefulProject();

async function fullRun(files: Record<string, string>) {
  const out = await stateful.generate((origin) => ({
    "specs/projects.yaml": projectsSpec(origin),
    ...files,
  }));
  expect(out.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
  const collection = JSON.parse(out.files[0]?.content ?? "{}");
  const run = await runNewman(collection);
  expect(run.scriptErrors).toEqual([]);
  return {
    run,
    collection,
    hits: stateful.api.hits.map((h) => `${h.method} ${h.path} ${h.status}`),
  };
}

describe("Cleanup folder", () => {
  it("deletes what a workflow created and left behind: the server holds nothing after the run", async () => {
    const { run, hits, collection } = await fullRun({
      "specs/projects.arazzo.yaml": lifecycleArazzo({ projectId: "p3" }),
    });
    expect(run.failed.map((f) => `${f.item}: ${f.name}: ${f.message}`)).toEqual([]);
    expect(collection.item.map((i: { name: string }) => i.name).slice(-2)).toEqual([
      "Workflows",
      "Cleanup",
    ]);
    // The dependency-ordered run deletes its own p1/t2; the workflow's p3/t4 stay until Cleanup,
    // tasks before their project.
    expect(hits.slice(7)).toEqual([
      "POST /projects 201",
      "POST /projects/p3/tasks 201",
      "GET /projects/p3/tasks/t4 200",
      "DELETE /projects/p3/tasks/t4 204",
      "DELETE /projects/p3 204",
    ]);
    expect(stateful.api.held()).toEqual([]);
    expect(run.assertions.filter((a) => a.name.startsWith("cleanup:")).map((a) => a.name)).toEqual([
      "cleanup: DELETE /projects/{projectId}/tasks/{taskId} for each POST /projects/{projectId}/tasks of this run",
      "cleanup: DELETE /projects/{projectId} for each POST /projects of this run",
    ]);
  });

  it("sends no delete for what the run already deleted", async () => {
    const { run, hits } = await fullRun({});
    expect(run.failed).toEqual([]);
    expect(hits.filter((h) => h.startsWith("DELETE"))).toEqual([
      "DELETE /projects/p1/tasks/t2 204",
      "DELETE /projects/p1 204",
    ]);
    expect(stateful.api.held()).toEqual([]);
  });
});
