import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";

// `specpost generate` then `specpost run` on a spec that uploads files (required file parts, an
// array of files, raw bytes): Newman finds the sample files from the collection's folder, and
// the mock, which wants a file part for each file property, accepts every request.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specpost-run-uploads-"));
  await mkdir(join(dir, "specs"));
  await copyFile(
    "test/prism/fixtures/file-uploads-encoded.yaml",
    join(dir, "specs", "uploads.yaml"),
  );
  const generated = await runCli(["generate"], dir);
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("sends the sample files and passes against the mock", async () => {
  const run = await runCli(["run"], dir);
  expect(run.stdout).not.toContain("file load error");
  expect(run.stdout).toContain("2 passed, 0 failed");
  expect(run.code, run.stdout + run.stderr).toBe(0);
});

it("without the sample files says which file it could not load, and the mock refuses", async () => {
  await rm(join(dir, "collections", "files"), { recursive: true });
  const run = await runCli(["run"], dir);
  expect(run.stdout).toContain('file load error: "files/sample.png", no such file');
  expect(run.stdout).toContain("request body must have required property 'cover'");
  expect(run.code).toBe(1);
});
