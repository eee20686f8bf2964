import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { type TempProject, tempProject } from "./helpers";

const SPEC = `openapi: 3.0.3
info: { title: Dup, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /a:
    get:
      operationId: same
      responses: { "200": { description: ok } }
  /b:
    get:
      operationId: same
      responses: { "200": { description: ok } }
`;

let project: TempProject;
beforeAll(async () => {
  project = await tempProject({ "specs/dup.yaml": SPEC });
});
afterAll(() => project.remove());

describe("an override keyed by a duplicate operationId", () => {
  it("is a located error (it silently hit the first operation)", async () => {
    await project.write("specs/dup.overrides.yaml", "operations:\n  same:\n    disabled: true\n");
    const result = await runCli(["generate"], project.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^specs\/dup\.overrides\.yaml:2:3 error invalid-override .*operationId 'same' names 2 operations \('GET \/a', 'GET \/b'\)/m,
    );
  });

  it('"METHOD /path" still picks one of them', async () => {
    await project.write("specs/dup.overrides.yaml", "operations:\n  GET /b:\n    disabled: true\n");
    const result = await runCli(["generate"], project.dir);
    expect(result.code).toBe(0);
  });
});
