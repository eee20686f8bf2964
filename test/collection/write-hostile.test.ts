import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";

const SPEC = `openapi: 3.0.3
info: { title: T, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /a:
    get:
      responses:
        "200": { description: ok }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "specpost-write-"));
  writeFileSync(join(dir, "api.yaml"), SPEC);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const everything = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).sort() : [];

describe("one spec's files are written all or nothing", () => {
  it("a directory where the collection goes: no environment is written either", async () => {
    mkdirSync(join(dir, "out", "collections", "api.postman_collection.json"), { recursive: true });
    const result = await runCli(["generate", "api.yaml", "--out-dir", "out"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is a directory");
    expect(everything(join(dir, "out", "environments"))).toEqual([]);
    expect(everything(join(dir, "out", "collections"))).toEqual(["api.postman_collection.json"]);
  });

  it("staging files a killed earlier run left behind are removed by the next run", async () => {
    const collections = join(dir, "out", "collections");
    mkdirSync(collections, { recursive: true });
    // One from a run whose process is gone, one in the older name format without a pid.
    const left = [
      "api.postman_collection.json.999999999-0123456789ab.tmp",
      "api.postman_collection.json.ba9876543210.tmp",
    ];
    for (const name of left) writeFileSync(join(collections, name), "{");
    const result = await runCli(["generate", "api.yaml", "--out-dir", "out"], dir);
    expect(result.code).toBe(0);
    expect(everything(collections)).toEqual(["api.postman_collection.json"]);
  });
});
