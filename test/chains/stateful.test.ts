import { describe, expect, it } from "vitest";
import { runNewman } from "../collection/newman-run";
import { projectsSpec } from "./specs";
import type { StatefulApi, StatefulOptions } from "./stateful-api";
import { useStatefulProject } from "./stateful-project";

/**
 * Generated collections under real Newman against an API that remembers what was created:
 * every request that names a project or task must use an id the server issued.
 */
const stateful = useStatefulProject();

async function collectionFor(spec: (origin: string) => string, options: StatefulOptions = {}) {
  const out = await stateful.generate(
    (origin) => ({ "specs/projects.yaml": spec(origin) }),
    options,
  );
  expect(out.problems.filter((p) => p.severity === "error")).toEqual([]);
  const [file] = out.files;
  if (!file) throw new Error("no collection");
  return JSON.parse(file.content) as {
    item: Array<{ name: string }>;
    info: { description: string };
  };
}

const statusOf = (hits: StatefulApi["hits"]) =>
  hits.map((h) => `${h.method} ${h.path} ${h.status}`);

describe("chains against a stateful API", () => {
  it("infers create → read → update → sub-resources → delete: every request meets a real id", async () => {
    const collection = await collectionFor((o) => projectsSpec(o));
    const run = await runNewman(collection);
    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(statusOf(stateful.api.hits)).toEqual([
      "POST /projects 201",
      "GET /projects/p1 200",
      "PATCH /projects/p1 200",
      "POST /projects/p1/tasks 201",
      "GET /projects/p1/tasks/t2 200",
      "DELETE /projects/p1/tasks/t2 204",
      "DELETE /projects/p1 204",
    ]);
    // The guesses are listed for the user to check.
    expect(collection.info.description).toContain("Inferred chains (8;");
    expect(collection.info.description).toContain(
      "- GET /projects/{projectId}/tasks/{taskId} path taskId ← {{taskId}} = POST /projects/{projectId}/tasks $response.body#/id",
    );
  });

  it("follows the spec's OpenAPI links where inference could not guess (id named `key`)", async () => {
    const collection = await collectionFor((o) => projectsSpec(o, { links: true }), {
      idField: "key",
    });
    const run = await runNewman(collection);
    expect(run.failed).toEqual([]);
    expect(statusOf(stateful.api.hits).filter((s) => / 404$/.test(s))).toEqual([]);
    expect(stateful.api.hits.length).toBe(7);
    expect(collection.info.description).not.toContain("Inferred chains");
  });

  it("skips the dependants of a failed create with one message instead of a cascade of 404s", async () => {
    const collection = await collectionFor((o) => projectsSpec(o), { refuseProjects: true });
    const run = await runNewman(collection);
    expect(run.scriptErrors).toEqual([]);
    expect(statusOf(stateful.api.hits)).toEqual(["POST /projects 409"]);
    expect(run.sent).toEqual(["createProject"]);
    // The producer's own rejection (the happy-path check), then one line for all it feeds.
    expect(run.failed.map((f) => `${f.item}: ${f.message}`)).toEqual([
      'createProject: the server rejected a request built from the spec\'s examples: 409 Conflict, body: {"message":"project quota reached"}',
      "createProject: status 409 is not a success, so nothing was created: the 6 later request(s) that use {{projectId}} are skipped",
    ]);
  });
});
