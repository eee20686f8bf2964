import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";

/**
 * Where `specpost generate` says a problem is: in the file the pointer lands in (a `$ref`'d
 * file keeps its own name, line and pointer), and the schema stage's problems are printed too.
 */
const API = `openapi: 3.0.3
info: { title: Loc API, version: "1" }
servers: [{ url: "https://api.test" }]
components:
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://api.test/oauth/token
          scopes: {}
security: [{ oauth2: [] }]
paths:
  /things:
    get:
      parameters:
        - $ref: "./params.yaml#/limit"
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: "hello"
`;

const PARAMS = `# Shared parameters
limit:
  name: limit
  in: query
  schema:
    type: integer
  example: many
`;

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "specpost-locations-"));
  await writeFile(join(cwd, "api.yaml"), API);
  await writeFile(join(cwd, "params.yaml"), PARAMS);
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe("specpost generate: problem locations", () => {
  it("reports a wrong example in a $ref'd file at that file's line, column and pointer", async () => {
    const { code, stdout } = await runCli(["lint", "api.yaml"], cwd);
    expect(code).toBe(0);
    const lines = stdout.split("\n").filter((line) => line.includes("invalid-example"));
    expect(lines).toEqual([expect.stringMatching(/^params\.yaml:7:3 warning invalid-example /)]);
    expect(lines[0]).toMatch(/\(at #\/limit\/example\)$/);
  });

  it("generate counts the example problems in one line and points to specpost lint", async () => {
    const { code, stderr } = await runCli(["generate", "api.yaml"], cwd);
    expect(code).toBe(0);
    expect(stderr).not.toContain("invalid-example");
    expect(stderr).toContain("api.yaml: 1 example problem(s) (");
    expect(stderr).toContain("see `specpost lint api.yaml`");
  });

  it("prints the schema stage's own warnings, located in the spec", async () => {
    const { code, stderr } = await runCli(["generate", "api.yaml"], cwd);
    expect(code).toBe(0);
    expect(stderr).toContain(
      "api.yaml:23:15 warning unsupported-schema The schema is not an object or boolean, so the contract test accepts any value there; make it a schema (at #/paths/~1things/get/responses/200/content/application~1json/schema)\n",
    );
  });

  it("locates a schema-stage warning inside a $ref'd schema file in that file", async () => {
    await writeFile(
      join(cwd, "api.yaml"),
      API.replace('schema: "hello"', 'schema: { $ref: "./schemas.yaml#/Odd" }'),
    );
    await writeFile(
      join(cwd, "schemas.yaml"),
      'Odd:\n  type: object\n  properties:\n    name: "hello"\n',
    );
    const { code, stderr } = await runCli(["generate", "api.yaml"], cwd);
    expect(code).toBe(0);
    expect(stderr).toContain(
      "schemas.yaml:4:5 warning unsupported-schema The schema is not an object or boolean, so the contract test accepts any value there; make it a schema (at #/Odd/properties/name)\n",
    );
  });
});
