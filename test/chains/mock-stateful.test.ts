import { afterEach, describe, expect, it } from "vitest";
import type { PostmanCollection } from "../../scripts/collection/types";
import { startMock } from "../../scripts/mock/server";
import type { MockServer } from "../../scripts/mock/types";
import { generateSpec } from "../../scripts/pipeline";
import { runNewman } from "../collection/newman-run";
import { type TempProject, tempProject } from "../overrides/helpers";
import { projectsSpec } from "./specs";

/**
 * Generated collections under real Newman against specpost's own stateful mock: the ids the
 * chains carry are the ones the mock issued, so no item request meets a 404 or an id the mock
 * never handed out.
 */
let server: MockServer | undefined;
let project: TempProject | undefined;
afterEach(async () => {
  await server?.close();
  await project?.remove();
  server = undefined;
  project = undefined;
});

/** Notes: a flat resource with a list, a PUT and no links (inferred chains only). */
const NOTES = `openapi: 3.0.3
info: { title: Notes, version: "1.0.0" }
servers: [{ url: "http://127.0.0.1:9/api" }]
paths:
  /notes:
    get:
      operationId: listNotes
      responses:
        "200": { description: all, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Note" } } } } }
    post:
      operationId: createNote
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { text: { type: string } } }, example: { text: hello } } }
      responses:
        "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } } }
  /notes/{noteId}:
    parameters:
      - { name: noteId, in: path, required: true, schema: { type: integer }, example: 4711 }
    get:
      operationId: getNote
      responses:
        "200": { description: one, content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } } }
        "404": { description: none }
    put:
      operationId: replaceNote
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { text: { type: string } } }, example: { text: replaced } } }
      responses:
        "200": { description: replaced, content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } } }
        "404": { description: none }
    delete:
      operationId: deleteNote
      responses:
        "204": { description: deleted }
        "404": { description: none }
components:
  schemas:
    Note:
      type: object
      required: [id, text]
      properties: { id: { type: integer, example: 4711 }, text: { type: string } }
`;

/** Notes again, with their tags under a note in a later folder than the note's DELETE. */
const TAGS_LATER = NOTES.replace(
  "components:",
  `  /notes/{noteId}/tags:
    parameters:
      - { name: noteId, in: path, required: true, schema: { type: integer }, example: 4711 }
    get:
      tags: [tags]
      operationId: listTags
      responses:
        "200": { description: all, content: { application/json: { schema: { type: array, items: { type: string } } } } }
        "404": { description: none }
components:`,
)
  .replaceAll("operationId: ", "tags: [notes]\n      operationId: ")
  .replace("tags: [notes]\n      operationId: listTags", "operationId: listTags");

async function runAgainstMock(spec: string, options: { stateless?: boolean } = {}) {
  project = await tempProject({ "specs/api.yaml": spec });
  const out = await generateSpec("specs/api.yaml", {
    cwd: project.dir,
    model: {},
    outDir: project.dir,
  });
  expect(out.problems.filter((p) => p.severity === "error")).toEqual([]);
  const [file] = out.files;
  if (!file || !out.model) throw new Error("no collection");
  server = await startMock(out.model, options);
  const run = await runNewman(JSON.parse(file.content), { envVar: { baseUrl: server.baseUrl } });
  const statuses = Object.values(server.stats().statuses).flatMap((byStatus) =>
    Object.keys(byStatus),
  );
  return {
    run,
    statuses,
    state: server.state(),
    collection: JSON.parse(file.content) as PostmanCollection,
  };
}

describe("chains against the stateful mock", () => {
  it.each([
    ["links (ids named `key`)", projectsSpec("http://127.0.0.1:9", { links: true })],
    ["inferred chains, nested resources", projectsSpec("http://127.0.0.1:9")],
    ["inferred chains, a list and a PUT, integer ids", NOTES],
  ])("%s: every item request uses an id the mock issued, none meets a 404", async (_name, spec) => {
    const { run, statuses, state } = await runAgainstMock(spec);
    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    expect(statuses).not.toContain("404");
    expect(state.unknownIds).toEqual([]);
    expect(state.served).toBeGreaterThan(0);
  });

  it("stateless, the same collection's requests meet no stored item", async () => {
    const { run, state } = await runAgainstMock(NOTES, { stateless: true });
    expect(run.failed).toEqual([]);
    expect(state).toEqual({ served: 0, unknownIds: [] });
  });

  it("a DELETE whose resource a later folder uses runs after that folder: no 404, nothing skipped", async () => {
    const { run, statuses, collection } = await runAgainstMock(TAGS_LATER);
    expect(run.failed).toEqual([]);
    expect(statuses).not.toContain("404");
    expect(run.sent.indexOf("listTags")).toBeGreaterThan(-1);
    expect(run.sent.indexOf("deleteNote")).toBeGreaterThan(run.sent.indexOf("listTags"));
    const names = collection.item.map((node) => node.name);
    expect(names.slice(0, 3)).toEqual(["notes", "tags", "Deletes after later folders"]);
  });

  it("on one path a DELETE the spec lists first still runs after the read of the same id", async () => {
    // No create, so no chain: the example id is all there is (Graph's authentication methods).
    const spec = `openapi: 3.0.3
info: { title: Keys, version: "1" }
servers: [{ url: "http://127.0.0.1:9" }]
paths:
  /keys/{keyId}:
    parameters: [{ name: keyId, in: path, required: true, schema: { type: string }, example: k-1 }]
    delete:
      operationId: deleteKey
      responses: { "204": { description: gone } }
    get:
      operationId: getKey
      responses:
        "200": { description: one, content: { application/json: { schema: { type: object } } } }
`;
    const { run } = await runAgainstMock(spec);
    expect(run.sent).toEqual(["getKey", "deleteKey"]);
    expect(run.failed).toEqual([]);
  });
});
