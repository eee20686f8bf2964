import { describe, expect, it } from "vitest";
import { findSpecs } from "../../scripts/load/find-specs";
import { formatProblem } from "../../scripts/problems";
import { projectsSpec } from "../chains/specs";
import { useStatefulProject } from "../chains/stateful-project";
import { runNewman } from "../collection/newman-run";
import { flowArazzo, lifecycleArazzo } from "./workflow-spec";

/** Arazzo workflows under real Newman against an API that issues its own ids. */
const stateful = useStatefulProject();

function generated(arazzo: string) {
  return stateful.generate((origin) => ({
    "specs/projects.yaml": projectsSpec(origin),
    "specs/projects.arazzo.yaml": arazzo,
  }));
}

async function workflowRun(arazzo: string) {
  const out = await generated(arazzo);
  expect(out.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
  const collection = JSON.parse(out.files[0]?.content ?? "{}");
  const run = await runNewman(collection, { folder: "Workflows" });
  expect(run.scriptErrors).toEqual([]);
  const hits = stateful.api.hits.map((h) => `${h.method} ${h.path} ${h.status}`);
  return { run, hits, collection };
}

describe("Arazzo workflows", () => {
  it("runs the steps with the ids the server issued; criteria pass, outputs flow on, `end` stops", async () => {
    const { run, hits, collection } = await workflowRun(lifecycleArazzo());
    expect(run.failed).toEqual([]);
    expect(hits).toEqual([
      "POST /projects 201",
      "POST /projects/p1/tasks 201",
      "GET /projects/p1/tasks/t2 200",
    ]);
    expect(run.sent).toEqual(["create", "addTask", "readTask"]);
    expect(run.assertions.map((a) => a.name)).toEqual([
      "lifecycle.create successCriteria[0]: $statusCode == 201",
      "lifecycle.create successCriteria[1]: ^Al (regex on $response.body#/name)",
      "lifecycle.create outputs.projectId = $response.body#/id",
      "lifecycle.addTask successCriteria[0]: $statusCode == 201 && $response.body#/title == 'TASK OF P1'",
      "lifecycle.addTask outputs.taskId = $response.body#/id",
      "lifecycle.addTask outputs.title = $response.body#/title",
      "lifecycle.readTask successCriteria[0]: $statusCode == 200 && $response.body#/id == $steps.addTask.outputs.taskId",
      "lifecycle.readTask successCriteria[1]: $[?(@ == 'task of p1')] (jsonpath on $response.body)",
    ]);
    expect(run.variables["lifecycle.steps.addTask.outputs.taskId"]).toBe("t2");
    expect(run.variables["lifecycle.outputs.task"]).toBe("t2");
    const folder = collection.item.find((i: { name: string }) => i.name === "Workflows");
    expect(folder.item.map((w: { name: string }) => w.name)).toEqual(["Project lifecycle"]);
  });

  it("fails a broken criterion by name and ends its workflow there", async () => {
    const { run, hits } = await workflowRun(lifecycleArazzo({ createCheck: "$statusCode == 200" }));
    expect(run.failed.map((f) => `${f.item}: ${f.name}: ${f.message}`)).toEqual([
      "create: lifecycle.create successCriteria[0]: $statusCode == 200: not met (status 201)",
    ]);
    expect(hits).toEqual(["POST /projects 201"]);
  });

  it("retries a step as onFailure says, jumps with goto, and names a jsonpath criterion that selects nothing", async () => {
    const { run, hits } = await workflowRun(flowArazzo);
    expect(hits).toEqual([
      "GET /projects/nope 404",
      "GET /projects/nope 404",
      "GET /projects/nope 404",
      "POST /projects 201",
      "GET /projects/p1 200",
    ]);
    expect(run.failed.map((f) => `${f.item}: ${f.name}: ${f.message}`)).toEqual([
      ...Array(3).fill(
        "peek: retrying.peek successCriteria[0]: $statusCode == 200: not met (status 404)",
      ),
      "read: jumping.read successCriteria[0]: $[?length(@) > 100] (jsonpath on $response.body): not met (status 200)",
    ]);
  });

  it("locates problems in the Arazzo file like spec problems, and is no spec of its own", async () => {
    const broken = lifecycleArazzo().replace("operationId: getTask", "operationId: readTheTask");
    const out = await generated(broken);
    expect(out.files).toEqual([]);
    expect(out.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([
      "specs/projects.arazzo.yaml:36:9 error invalid-arazzo no operation of specs/projects.yaml has operationId readTheTask",
    ]);
    expect(await findSpecs(`${stateful.project.dir}/specs`)).toEqual([
      `${stateful.project.dir}/specs/projects.yaml`,
    ]);
  });

  it("warns when a workflow depends on one that runs after it", async () => {
    const out = await generated(
      flowArazzo.replace(
        "  - workflowId: retrying\n",
        "  - workflowId: retrying\n    dependsOn: [jumping]\n",
      ),
    );
    expect(out.problems.filter((p) => p.code.endsWith("arazzo")).map(formatProblem)).toEqual([
      "specs/projects.arazzo.yaml:7:17 warning unsupported-arazzo dependsOn jumping, which comes later in the document: workflows run in document order, so move it before retrying",
    ]);
  });

  it("warns, at its line, about what it cannot run and still generates the rest", async () => {
    const odd = lifecycleArazzo()
      .replace("projectId: $response.body#/id", "projectId: $resposne.body#/id")
      .replace("type: regex", "type: xpath");
    const out = await generated(odd);
    expect(out.files.length).toBeGreaterThan(0);
    expect(out.problems.filter((p) => p.code.endsWith("arazzo")).map(formatProblem)).toEqual([
      'specs/projects.arazzo.yaml:20:46 warning unsupported-arazzo criterion type "xpath" is not supported (simple, regex, jsonpath); the criterion is left out',
      "specs/projects.arazzo.yaml:22:11 warning unsupported-arazzo $resposne.body#/id is not a runtime expression specpost resolves; the output gets no value",
    ]);
  });
});
