import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../scripts/cli";
import { runCommand } from "../../scripts/commands/run";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startTokenServer,
  type TokenServer,
} from "../collection/token-server";
import { captureIo } from "./helpers/io";

/**
 * `specpost run` against a real target that revokes its token mid-run: the summary counts the
 * re-sent request once, as a line of its own, and the run passes.
 */
const spec = (tokenUrl: string) => `openapi: 3.0.3
info: { title: Revoking, version: "1" }
servers: [{ url: "https://api.example.com" }]
components:
  securitySchemes:
    oauth2: { type: oauth2, flows: { clientCredentials: { tokenUrl: "${tokenUrl}", scopes: {} } } }
security: [{ oauth2: [] }]
paths:
${["a", "b", "c"]
  .map(
    (name) => `  /${name}:
    get:
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { type: object, required: [ok], properties: { ok: { type: boolean } } } } }`,
  )
  .join("\n")}
`;

let dir: string;
let server: TokenServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "specpost-resend-"));
  mkdirSync(path.join(dir, "specs"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("run: a token revoked mid-run", () => {
  it("says how many requests were sent again, fails nothing, PASS", async () => {
    server = await startTokenServer({ kind: "ok", expiresIn: 3599 }, { revokeAfter: 1 });
    writeFileSync(path.join(dir, "specs", "revoking.yaml"), spec(server.tokenUrl));
    expect(await main(["generate"], captureIo(dir))).toBe(0);

    // Credentials come from the environment only, never from arguments.
    const io = captureIo(dir, {
      SPECPOST_CLIENT_ID: CLIENT_ID,
      SPECPOST_CLIENT_SECRET: CLIENT_SECRET,
    });
    const code = await runCommand(
      [
        "--target",
        "sandbox",
        ...["--env-var", `baseUrl=${server.origin}`, "--env-var", `tokenUrl=${server.tokenUrl}`],
      ],
      io,
    );
    const out = io.text();
    expect(out).toContain(
      "1 request sent again after a 401 with a token valid by its clock (token renewed; the refused answer is not judged)",
    );
    expect(out).toMatch(/assertions {2}\d+ passed, 0 failed, 1 skipped/);
    expect(out).toContain("result      PASS");
    expect(code).toBe(0);
    // One token before the revocation, one after (the Auth check's wrong secret not counted).
    expect(server.tokenRequests).toBe(2);
    expect(server.unauthorized).toBeGreaterThanOrEqual(1);
  });
});
