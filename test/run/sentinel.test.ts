import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runCommand } from "../../scripts/commands/run";
import { defaultDeps } from "../../scripts/run/deps";
import { type EchoTarget, startEchoTarget } from "./helpers/echo-target";
import { ELCIES, generateElcies, REPO_ROOT } from "./helpers/elcies";
import { captureIo } from "./helpers/io";
import { createThingsProject, type ThingsProject } from "./helpers/things-project";

/**
 * A unique client secret goes in through the sandbox target, against a local gateway that
 * issues real tokens and echoes credentials back in bodies and headers. Every report file,
 * the command's output and anything written straight to the process streams is then
 * searched for the secret and for every token the gateway issued.
 */
let target: EchoTarget;
let things: ThingsProject;
let elcies: Awaited<ReturnType<typeof generateElcies>>;
beforeAll(async () => {
  elcies = await generateElcies();
});
afterAll(() => elcies?.remove());
beforeEach(async () => {
  target = await startEchoTarget();
  things = createThingsProject({ leaky: true });
});
afterEach(async () => {
  await target.close();
  things.remove();
});

interface Case {
  cwd: () => string;
  collection: () => string;
  /** Files the run reads: they must come out unchanged and clean too. */
  inputs: () => string[];
}

const cases: [string, Case][] = [
  [
    "a collection whose scripts leak on purpose",
    {
      cwd: () => things.dir,
      collection: () => "things",
      inputs: () =>
        listFiles(path.join(things.dir, "collections")).concat(
          listFiles(path.join(things.dir, "environments")),
        ),
    },
  ],
  [
    "the generated ELCIES collection",
    {
      cwd: () => REPO_ROOT,
      collection: () => elcies.collectionFile,
      inputs: () => listFiles(path.dirname(path.dirname(elcies.collectionFile))),
    },
  ],
];

describe("secrets never leave the run", () => {
  it.each(cases)(
    "sandbox target, %s: sentinel secret and issued tokens appear nowhere",
    async (_name, c) => {
      // Long enough that chai shortens it in assertion messages ("expected 'sentinel-…'").
      // With `/` and `é`, which JSON echoes escape (`\/`, `\u00e9`).
      const sentinel = `sentinel/é-${randomUUID()}-${randomUUID()}`;
      const password = `pw-${randomUUID()}`;
      const reportDir = path.join(things.dir, "reports");
      const io = captureIo(c.cwd(), {
        SPECPOST_CLIENT_ID: "sentinel-client",
        SPECPOST_CLIENT_SECRET: sentinel,
      });
      const direct: string[] = [];
      const spies = [process.stdout, process.stderr].map((stream) =>
        vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
          direct.push(String(chunk));
          return true;
        }),
      );
      let code: number;
      try {
        code = await runCommand(
          [
            c.collection(),
            "--target",
            "sandbox",
            "--env-var",
            `baseUrl=${target.baseUrl.replace("://", `://user:${password}@`)}`,
            "--env-var",
            `tokenUrl=${target.tokenUrl}`,
            "--reporters",
            "cli,junit,html",
            "--report-dir",
            reportDir,
          ],
          io,
          defaultDeps,
        );
      } finally {
        for (const spy of spies) spy.mockRestore();
      }

      // Not vacuous: the secret reached the gateway, its token was used, and the run reported.
      expect(code).toBe(1);
      expect(target.secretsSeen).toContain(sentinel);
      expect(target.issued.length).toBeGreaterThan(0);
      expect(target.authorizations).toContain(`Bearer ${target.issued[0]}`);
      const reports = listFiles(reportDir)
        .map((file) => path.basename(file))
        .sort();
      const name = c.collection() === "things" ? "things" : ELCIES;
      expect(reports).toEqual([`${name}.html`, `${name}.junit.xml`]);

      const texts = [
        io.out.join(""),
        io.err.join(""),
        direct.join(""),
        ...[...listFiles(reportDir), ...c.inputs()].map((file) => readFileSync(file, "utf8")),
      ];
      const everything = texts.join("\n");
      expect(everything).toContain("[REDACTED]");
      // Not even the start of one: a shortened secret is still a leak.
      for (const secret of [sentinel, password, ...target.issued]) {
        for (const form of spellings(secret)) expect(everything).not.toContain(form);
      }
      expect(everything).not.toMatch(/Bearer (?!\[REDACTED\])[A-Za-z0-9]/);
    },
  );
});

/** The secret's start (a shortened secret is still a leak) in each spelling the target echoes. */
function spellings(secret: string): string[] {
  const start = secret.slice(0, 16);
  const b64 = Buffer.from(secret, "utf8").toString("base64");
  return [
    start,
    encodeURIComponent(secret).slice(0, 16),
    JSON.stringify(secret).slice(1, 17).replace(/\//g, "\\/").replace("é", "\\u00e9"),
    b64.slice(0, 16),
    // Inside a longer base64 text the secret's bytes are shifted by 0, 1 or 2.
    ...[1, 2].map((shift) =>
      Buffer.concat([Buffer.alloc(shift), Buffer.from(secret, "utf8")])
        .toString("base64")
        .slice(4, 20),
    ),
  ];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}
