import { describe, expect, it } from "vitest";
import { lifecycleArazzo } from "../arazzo/workflow-spec";
import { runNewman } from "../collection/newman-run";
import { projectsSpec } from "./specs";
import { type ApiRequest, type StatefulApi, TOKEN_CLIENT } from "./stateful-api";
import { useStatefulProject } from "./stateful-project";

/**
 * A token revoked in the middle of a chain, under real Newman against an API that remembers what
 * was created: the refused request is sent again with a new token and the chain goes on in its
 * order, with the ids the server issued.
 */
const stateful = useStatefulProject();

/** The projects spec, secured by client credentials at the API's own token endpoint. */
function securedSpec(origin: string): string {
  return projectsSpec(origin)
    .replace("paths:", "security: [{ oauth2: [] }]\npaths:")
    .replace(
      "components:\n",
      `components:\n  securitySchemes:\n    oauth2: { type: oauth2, flows: { clientCredentials: { tokenUrl: "${origin}/oauth/token", scopes: {} } } }\n`,
    );
}

async function runWithRevocation(
  revoke: (request: ApiRequest) => boolean,
  files: Record<string, string> = {},
) {
  const out = await stateful.generate(
    (origin) => ({ "specs/projects.yaml": securedSpec(origin), ...files }),
    { tokens: { revoke } },
  );
  expect(out.problems.filter((p) => p.severity === "error")).toEqual([]);
  const [file] = out.files;
  if (!file) throw new Error("no collection");
  return runNewman(JSON.parse(file.content), {
    envVar: { client_id: TOKEN_CLIENT.id, client_secret: TOKEN_CLIENT.secret },
  });
}

const at =
  (index: number) =>
  (request: ApiRequest): boolean =>
    request.index === index;
/** The first request to `method path`. */
function first(method: string, path: string) {
  let seen = false;
  return (request: ApiRequest): boolean => {
    if (seen || request.method !== method || request.path !== path) return false;
    seen = true;
    return true;
  };
}

const chainHits = (hits: StatefulApi["hits"]) =>
  hits
    .filter((h) => h.path.startsWith("/projects/p") || h.path === "/projects")
    .map((h) => `${h.method} ${h.path} ${h.status}`);

describe("a token revoked inside a chain", () => {
  it("a consumer refused (401) is sent again with a new token; the chain keeps its order", async () => {
    const run = await runWithRevocation(at(2));
    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(chainHits(stateful.api.hits).slice(0, 8)).toEqual([
      "POST /projects 201",
      "GET /projects/p1 401",
      "GET /projects/p1 200",
      "PATCH /projects/p1 200",
      "POST /projects/p1/tasks 201",
      "GET /projects/p1/tasks/t2 200",
      "DELETE /projects/p1/tasks/t2 204",
      "DELETE /projects/p1 204",
    ]);
    expect(run.sent.slice(1, 4)).toEqual(["createProject", "getProject", "getProject"]);
    // One token before the chain, one after the revocation.
    expect(stateful.api.tokenRequests).toBe(2);
    expect(stateful.api.held()).toEqual([]);
  });

  it("the producer refused (401): nothing stored from the refusal, the re-sent create feeds the chain", async () => {
    const run = await runWithRevocation(at(1));
    expect(run.scriptErrors).toEqual([]);
    // No "stores $response.body#/id" failure for the refused attempt, no skipped dependants.
    expect(run.failed).toEqual([]);
    expect(chainHits(stateful.api.hits).slice(0, 3)).toEqual([
      "POST /projects 401",
      "POST /projects 201",
      "GET /projects/p1 200",
    ]);
    expect(run.sent.slice(1, 4)).toEqual(["createProject", "createProject", "getProject"]);
    expect(run.assertions.filter((a) => a.skipped).map((a) => a.item)).toEqual(["createProject"]);
    expect(stateful.api.tokenRequests).toBe(2);
    expect(stateful.api.held()).toEqual([]);
  });
});

describe("a token revoked where the collection's own scripts choose the next request", () => {
  const workflow = { "specs/projects.arazzo.yaml": lifecycleArazzo({ projectId: "p3" }) };

  it("a workflow step is not sent again: its failure ends the workflow as its criteria say, the token is renewed", async () => {
    const run = await runWithRevocation(first("POST", "/projects/p3/tasks"), workflow);
    expect(run.scriptErrors).toEqual([]);
    const hits = stateful.api.hits.map((h) => `${h.method} ${h.path} ${h.status}`);
    expect(hits.filter((h) => h.includes("/projects/p3"))).toEqual([
      "POST /projects/p3/tasks 401",
      // Cleanup deletes the workflow's project with the renewed token.
      "DELETE /projects/p3 204",
    ]);
    expect(run.sent.filter((n) => n === "addTask")).toEqual(["addTask"]);
    expect(run.sent).not.toContain("readTask");
    expect(run.failed.filter((f) => f.item === "addTask").map((f) => f.name)).toEqual([
      "lifecycle.addTask successCriteria[0]: $statusCode == 201 && $response.body#/title == 'TASK OF P3'",
    ]);
    expect(run.assertions.filter((a) => a.skipped)).toEqual([]);
    expect(run.variables.specpost_token_renewals).toBe("1");
    expect(run.variables.specpost_token_resent).toBe("0");
    expect(stateful.api.tokenRequests).toBe(2);
    expect(stateful.api.held()).toEqual([]);
  });

  it("a Cleanup request is not sent again: the loop goes on to the next record with a new token", async () => {
    const run = await runWithRevocation(first("DELETE", "/projects/p3/tasks/t4"), workflow);
    expect(run.scriptErrors).toEqual([]);
    const hits = stateful.api.hits.map((h) => `${h.method} ${h.path} ${h.status}`);
    expect(hits.filter((h) => h.startsWith("DELETE /projects/p3"))).toEqual([
      "DELETE /projects/p3/tasks/t4 401",
      "DELETE /projects/p3 204",
    ]);
    expect(run.failed.map((f) => `${f.item}: ${f.name}: ${f.message}`)).toEqual([
      expect.stringContaining("cleanup: DELETE /projects/{projectId}/tasks/{taskId}"),
    ]);
    expect(run.failed[0]?.message).toContain("status 401");
    expect(run.variables.specpost_token_resent).toBe("0");
    expect(stateful.api.tokenRequests).toBe(2);
    expect(stateful.api.held()).toEqual([]);
  });
});
