import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mockCommand } from "../../scripts/commands/mock";
import { runCommand } from "../../scripts/commands/run";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../../scripts/mock/constants";
import { runCli } from "../golden/run-cli";
import { waitFor } from "../watch/wait";
import { captureIo } from "./helpers/io";

/**
 * `generate --token-url URL` changes the model (a bearer-only spec gets a client-credentials
 * token endpoint). The option travels in the collection, so `specpost run` rebuilds the same
 * model and its mock serves that token endpoint: the run passes under real Newman.
 */
const BEARER_SPEC = `openapi: 3.0.3
info: { title: Bearer things, version: "1.0" }
servers: [{ url: "https://api.example.com" }]
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
security: [{ bearer: [] }]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { id: { type: integer } } }
`;

const TOKEN_URL = "https://auth.example.com/oauth/token";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "specpost-token-url-"));
  mkdirSync(path.join(dir, "specs"));
  writeFileSync(path.join(dir, "specs", "bearer.yaml"), BEARER_SPEC);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("generate --token-url, then run", () => {
  it("records the option in the collection and runs green against the mock", async () => {
    const generated = await runCli(["generate", "--token-url", TOKEN_URL], dir);
    expect(generated).toMatchObject({ code: 0, stderr: "" });
    const collection = JSON.parse(
      readFileSync(path.join(dir, "collections", "bearer.postman_collection.json"), "utf8"),
    ) as { variable: Array<{ key: string; value: string }> };
    expect(collection.variable).toContainEqual(
      expect.objectContaining({
        key: "specpost_model_options",
        value: JSON.stringify({ tokenUrl: TOKEN_URL }),
      }),
    );

    const io = captureIo(dir);
    const code = await runCommand([], io);
    const out = io.out.join("");
    expect(io.err.join("")).toBe("");
    expect(out).not.toContain("cannot reach the token endpoint");
    expect(out).toMatch(/tokens {6}1 issued/);
    expect(out).toContain("result      PASS");
    expect(code).toBe(0);
  }, 60_000);

  it("fails the run with one line when the recorded options are not specpost's", async () => {
    await runCli(["generate", "--token-url", TOKEN_URL], dir);
    const file = path.join(dir, "collections", "bearer.postman_collection.json");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        JSON.stringify(JSON.stringify({ tokenUrl: TOKEN_URL })),
        JSON.stringify("not json"),
      ),
    );
    const io = captureIo(dir);
    expect(await runCommand([], io)).toBe(2);
    expect(io.err.join("")).toBe(
      "specpost run: collections/bearer.postman_collection.json: its specpost_model_options variable is not what specpost generate writes; regenerate the collection\n",
    );
  }, 60_000);

  it("lets specpost mock serve the token endpoint the collection was generated with", async () => {
    await runCli(["generate", "--token-url", TOKEN_URL], dir);
    const io = captureIo(dir);
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });
    const exit = mockCommand(["specs/bearer.yaml", "--port", "0"], io, () => stopped);
    try {
      await waitFor("the mock to listen", () => io.out.join("").includes("stop with Ctrl-C"));
      const out = io.out.join("");
      expect(out).toContain(
        `using --token-url ${TOKEN_URL}, recorded in collections/bearer.postman_collection.json\n`,
      );
      const tokenUrl = /token URL {4}(\S+)/.exec(out)?.[1];
      expect(tokenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
      const response = await fetch(tokenUrl ?? "", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: MOCK_CLIENT_ID,
          client_secret: MOCK_CLIENT_SECRET,
        }),
      });
      expect(response.status).toBe(200);
    } finally {
      stop("test");
    }
    expect(await exit).toBe(0);
  }, 60_000);
});
