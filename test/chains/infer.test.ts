import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetText } from "../../scripts/model/chain-types";
import { loadModel } from "../../scripts/pipeline";
import { type TempProject, tempProject } from "../overrides/helpers";

/** Which chains inference guesses, and which it refuses to guess. */
const SPEC = `openapi: 3.0.3
info: { title: Shop, version: "1" }
paths:
  /customers:
    post:
      responses:
        "201": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Customer" } } } }
  /orders:
    post:
      requestBody:
        content: { application/json: { schema: { type: object }, example: { customerId: c-1, total: 3 } } }
      responses:
        "201": { description: ok, headers: { Location: { schema: { type: string } } } }
  /orders/{order}:
    get:
      parameters: [{ name: order, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /repos/{owner}/issues:
    parameters: [{ name: owner, in: path, required: true, schema: { type: string } }]
    post:
      responses:
        "201": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Issue" } } } }
  /repos/{owner}/issues/{issue_number}:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: issue_number, in: path, required: true, schema: { type: integer } }
    get: { responses: { "200": { description: ok } } }
  /repos/{owner}/issues/{issue_number}/assignees/{assignee}:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: issue_number, in: path, required: true, schema: { type: integer } }
      - { name: assignee, in: path, required: true, schema: { type: string } }
    get: { responses: { "204": { description: ok } } }
  /repos/{owner}/issues/{issue_number}/assignees:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: issue_number, in: path, required: true, schema: { type: integer } }
    post:
      responses:
        "201": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Issue" } } } }
  /repos/{owner}/keys:
    parameters: [{ name: owner, in: path, required: true, schema: { type: string } }]
    post:
      responses:
        "201": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } }
  /repos/{owner}/actions/secrets/{secret_name}:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: secret_name, in: path, required: true, schema: { type: string } }
    put:
      requestBody:
        content: { application/json: { schema: { type: object }, example: { key_id: "568250167242549743", encrypted_value: x } } }
      responses: { "204": { description: ok } }
  /repos/{owner}/issues/{issue_number}/blocked_by:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: issue_number, in: path, required: true, schema: { type: integer } }
    post:
      requestBody:
        content: { application/json: { schema: { type: object }, example: { issue_id: 1 } } }
      responses: { "201": { description: ok } }
  /teams:
    post:
      responses:
        "201": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } }
  /teams/{team_slug}:
    get:
      parameters: [{ name: team_slug, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
components:
  schemas:
    Customer: { type: object, properties: { id: { type: string }, name: { type: string } } }
    Issue:
      type: object
      properties:
        id: { type: integer }
        number: { type: integer }
        assignee: { $ref: "#/components/schemas/Customer" }
`;

let project: TempProject;
let lines: string[] = [];
beforeAll(async () => {
  project = await tempProject({ "shop.yaml": SPEC });
  const { model } = await loadModel("shop.yaml", { cwd: project.dir, model: {} });
  lines = (model?.chains ?? []).map(
    (c) =>
      `${c.consumer} ${targetText(c.target)} ← ${c.producer} ${c.expression} {{${c.variable}}}`,
  );
});
afterAll(() => project.remove());

describe("inferred chains", () => {
  it.each([
    [
      "a body field named for a resource takes the id of its create",
      "POST /orders body $.customerId ← POST /customers $response.body#/id {{customerId}}",
    ],
    [
      "a body field under its resource's collection takes the id of its create",
      "POST /repos/{owner}/issues/{issue_number}/blocked_by body $.issue_id ← POST /repos/{owner}/issues $response.body#/id {{issueId}}",
    ],
    [
      "an item path takes the last segment of the create's Location when the body says nothing",
      "GET /orders/{order} path order ← POST /orders $response.header.Location (last segment) {{order}}",
    ],
    [
      "`{issue_number}` takes the issue's number, not its id",
      "GET /repos/{owner}/issues/{issue_number} path issue_number ← POST /repos/{owner}/issues $response.body#/number {{issue_number}}",
    ],
  ])("%s", (_name, line) => {
    expect(lines).toContain(line);
  });

  it("guesses nothing where the create's response has no value of that kind", () => {
    // A team's numeric id is not its slug; an assignee object is not a login.
    expect(lines.filter((l) => l.includes("team_slug") || l.includes("path assignee"))).toEqual([]);
  });

  it("feeds a body field only where the path names its resource", () => {
    // A secret's key_id is the id of the repository's public key (GitHub), not of a deploy key
    // that POST /repos/{owner}/keys creates: the secrets path says nothing of keys.
    expect(lines.filter((l) => l.includes("key_id"))).toEqual([]);
  });
});
