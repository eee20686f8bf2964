import { afterEach, describe, expect, it } from "vitest";
import { generateSpec } from "../../scripts/pipeline";
import { formatProblem } from "../../scripts/problems";
import { type TempProject, tempProject } from "../overrides/helpers";

/**
 * Folders run one after another: a consumer in an earlier folder than its producer is skipped.
 * (A folder sits where its first request runs: `/health` puts "read" first.)
 */
const spec = (readTag: string) => `openapi: 3.0.3
info: { title: Things, version: "1" }
servers: [{ url: "http://127.0.0.1:9" }]
paths:
  /health:
    get:
      tags: [${readTag}]
      responses: { "200": { description: ok } }
  /things/{thingId}:
    get:
      tags: [${readTag}]
      parameters: [{ name: thingId, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /things:
    post:
      tags: [write]
      responses:
        "201": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function warnings(readTag: string, text = spec(readTag)): Promise<string[]> {
  await project?.remove();
  project = await tempProject({ "specs/things.yaml": text });
  const out = await generateSpec("specs/things.yaml", {
    cwd: project.dir,
    model: {},
    outDir: project.dir,
  });
  return out.problems.filter((p) => p.code === "chain-order").map(formatProblem);
}

describe("chains across folders", () => {
  it("warns, at the consumer, when its folder runs before the producer's", async () => {
    expect(await warnings("read")).toEqual([
      'specs/things.yaml:10:5 warning chain-order GET /things/{thingId} path thingId takes {{thingId}} from POST /things, but it runs in folder "read", before its producer POST /things in folder "write", and folders run in turn: it will be skipped. Give both the same first tag, or switch the chain off with `chains:` in the overrides file. (at #/paths/~1things~1{thingId}/get)',
    ]);
  });

  it("says nothing when both ends share a folder (dependency order puts the create first)", async () => {
    expect(await warnings("write")).toEqual([]);
  });
});
