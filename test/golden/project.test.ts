import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectionSchemaErrors } from "../collection/postman-schema";
import { runCli } from "./run-cli";

// The committed collections/ and environments/ are golden files of specs/: regenerating must
// not change a byte (`specpost generate --check`), and Postman must accept every collection.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("committed output of specs/", () => {
  it("is up to date with specs/ (run `npm run generate` and commit when this fails)", async () => {
    const result = await runCli(["generate", "--check"], ROOT);
    expect(result.stdout).toBe("");
    expect(result.code, result.stderr).toBe(0);
  });

  it("contains only collections the official Postman v2.1.0 schema accepts", async () => {
    const files = (await readdir(join(ROOT, "collections"))).filter((f) => f.endsWith(".json"));
    expect(files).toContain("elcies-health-data-aggregator.postman_collection.json");
    for (const file of files) {
      const collection = JSON.parse(await readFile(join(ROOT, "collections", file), "utf8"));
      expect(collectionSchemaErrors(collection), file).toEqual([]);
    }
  });
});
