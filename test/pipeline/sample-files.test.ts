import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate } from "../../scripts/pipeline";

// Specs of one generation share the sample files (collections/files/); any other file two
// specs would both write is still a clash.

const UPLOADS = "node_modules/@readme/oas-examples/3.0/json/file-uploads.json";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specpost-samples-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

it("two specs that upload files both get the shared sample files", async () => {
  const outDir = join(dir, "out");
  const { specs } = await generate({
    cwd: process.cwd(),
    specs: [UPLOADS, "test/prism/fixtures/file-uploads-encoded.yaml"],
    outDir,
    model: {},
  });
  for (const spec of specs) expect(codes(spec.problems)).not.toContain("write-error");
  const samples = (index: number) =>
    (specs[index]?.files ?? []).map((f) => f.path).filter((p) => p.includes("/files/"));
  expect(samples(0)).toEqual([
    join(outDir, "collections/files/sample.png"),
    join(outDir, "collections/files/sample.bin"),
  ]);
  expect(samples(1)).toEqual(samples(0));
});

it("two specs of one name still clash, files and all", async () => {
  for (const sub of ["a", "b"]) {
    await mkdir(join(dir, sub), { recursive: true });
    await copyFile(UPLOADS, join(dir, sub, "uploads.json"));
  }
  const { specs } = await generate({
    cwd: dir,
    specs: ["a/uploads.json", "b/uploads.json"],
    outDir: join(dir, "clash"),
    model: {},
  });
  expect(codes(specs[0]?.problems ?? [])).not.toContain("write-error");
  expect(codes(specs[1]?.problems ?? [])).toContain("write-error");
  expect(specs[1]?.files).toEqual([]);
});
