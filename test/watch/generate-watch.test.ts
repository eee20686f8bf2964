import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCommand } from "../../scripts/commands/generate";
import { COLLECTION, type TempProject, tempProject, USERS_SPEC } from "../overrides/helpers";
import { waitFor } from "./wait";

/**
 * `specpost generate --watch` in a temporary project: a spec edit, an overrides edit and an
 * edit of a file the spec references each regenerate; a broken spec is reported and the
 * watch goes on; stopping returns 0.
 */
const SPEC_WITH_REF = USERS_SPEC.replace(
  '              schema: { type: object }\n        "404":',
  '              schema: { $ref: "./schemas/user.yaml" }\n        "404":',
);

let project: TempProject;
let out = "";
let err = "";
let stop: () => void = () => undefined;
let exit: Promise<number>;

beforeEach(async () => {
  project = await tempProject({
    "specs/users.yaml": SPEC_WITH_REF,
    "specs/schemas/user.yaml": "type: object\nproperties:\n  id: { type: string }\n",
  });
  out = "";
  err = "";
  const stopped = new Promise<string>((resolve) => {
    stop = () => resolve("test");
  });
  exit = generateCommand(
    ["--watch"],
    {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      cwd: project.dir,
      env: {},
    },
    () => stopped,
  );
  await waitFor("the first generation", () => out.includes("watching 1 spec(s)"));
});

afterEach(async () => {
  stop();
  await exit;
  await project.remove();
});

const collection = () => project.read(COLLECTION).catch(() => "");

describe("specpost generate --watch", () => {
  it("regenerates after spec, overrides and referenced-file edits; errors do not stop it", async () => {
    expect(out).toContain(`wrote ${COLLECTION}\n`);

    await project.write(
      "specs/users.yaml",
      SPEC_WITH_REF.replace("example: full", "example: brief"),
    );
    await waitFor("the spec edit", async () => (await collection()).includes("view=brief"));
    await waitFor("its summary", () =>
      out.includes('~ GET /users/{id} (Get a user): parameters (query view: "full" → "brief")'),
    );
    expect(out).toContain("changed: specs/users.yaml\n");

    await project.write(
      "specs/users.overrides.yaml",
      "operations:\n  dailyReport: { disabled: true }\n",
    );
    await waitFor("the overrides edit", async () => !(await collection()).includes("Daily report"));
    await waitFor("its summary", () => out.includes("  - GET /reports/daily (Daily report)"));

    await project.write(
      "specs/schemas/user.yaml",
      "type: object\nrequired: [id]\nproperties:\n  id: { type: string }\n",
    );
    await waitFor("the referenced file edit", () =>
      out.includes("~ GET /users/{id} (Get a user): responses (200 changed)"),
    );

    await project.write("specs/users.overrides.yaml", "operations:\n  dailyReprot: {}\n");
    await waitFor("the stale override to be reported", () =>
      /specs\/users\.overrides\.yaml:2:3 error stale-override .*did you mean 'dailyReport'/.test(
        err,
      ),
    );
    expect(err).toContain("skipped specs/users.yaml: nothing written for it");
    expect(await collection()).not.toContain("Daily report");

    await project.write("specs/users.overrides.yaml", "operations:\n  dailyReport: {}\n");
    await waitFor("the fixed file to regenerate", async () =>
      (await collection()).includes("Daily report"),
    );

    stop();
    expect(await exit).toBe(0);
    expect(out).toMatch(/stopped watching \(test\)\n$/);
  });

  it("does not react to its own output", async () => {
    const runs = () => out.split("changed:").length;
    await project.write(
      "specs/users.yaml",
      SPEC_WITH_REF.replace("example: full", "example: brief"),
    );
    await waitFor("one regeneration", () => out.includes('view: "full" → "brief"'));
    const after = runs();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(runs()).toBe(after);
  });
});

describe("usage", () => {
  it("--watch with --check is a usage error", async () => {
    let text = "";
    const code = await generateCommand(["--watch", "--check"], {
      stdout: () => undefined,
      stderr: (t) => {
        text += t;
      },
      cwd: process.cwd(),
      env: {},
    });
    expect(code).toBe(2);
    expect(text).toContain("--check and --watch do not go together");
  });
});

describe("Ctrl-C", () => {
  it("stops the real CLI cleanly with exit code 0", async () => {
    const bin = join(import.meta.dirname, "../../bin/specpost.mjs");
    const child = spawn(process.execPath, [bin, "generate", "--watch"], { cwd: project.dir });
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
    });
    // "close", not "exit": output written just before exiting may still be in the pipe at "exit".
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      await waitFor("the watch to start", () => text.includes("stop with Ctrl-C"), 30_000);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(text).toContain("stopped watching (SIGINT)");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
