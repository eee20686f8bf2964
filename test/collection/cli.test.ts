import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";

const GOOD = `openapi: 3.0.3
info: { title: Good API, version: "1" }
servers: [{ url: "https://api.test/v1" }]
components:
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://api.test/oauth/token?grant_type=client_credentials
          scopes: {}
security: [{ oauth2: [] }]
paths:
  /things:
    get:
      responses:
        "200": { description: OK }
`;

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "specpost-cli-"));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function put(file: string, text: string) {
  await mkdir(join(cwd, file, ".."), { recursive: true });
  await writeFile(join(cwd, file), text);
}

async function tree(dir = cwd): Promise<string[]> {
  const out: string[] = [];
  for (const sub of ["collections", "environments"]) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    out.push(...names.map((n) => `${sub}/${n}`));
  }
  return out.sort();
}

const GOOD_FILES = [
  "collections/good.postman_collection.json",
  "environments/good.mock.postman_environment.json",
  "environments/good.production.postman_environment.json",
  "environments/good.sandbox.postman_environment.json",
];

describe("specpost generate", () => {
  it("writes a collection and three environments, one line per file, exit 0", async () => {
    await put("good.yaml", GOOD);
    const result = await runCli(["generate", "good.yaml"], cwd);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim().split("\n").sort()).toEqual(GOOD_FILES.map((f) => `wrote ${f}`));
    expect(await tree()).toEqual(GOOD_FILES);
    const again = await runCli(["generate", "good.yaml"], cwd);
    expect(again.stdout).toContain("unchanged collections/good.postman_collection.json");
  });

  it("reads every spec in specs/ when none is named, skipping overrides and subfolders", async () => {
    await put("specs/good.yaml", GOOD);
    await put(
      "specs/other.json",
      JSON.stringify({
        ...JSON.parse("{}"),
        openapi: "3.0.3",
        info: { title: "Other", version: "1" },
        paths: { "/x": { get: { responses: { "200": { description: "OK" } } } } },
      }),
    );
    await put("specs/good.overrides.yaml", "# no additions yet\n");
    await put("specs/parts/fragment.yaml", "type: string\n");
    const result = await runCli(["generate"], cwd);
    expect(result.code).toBe(0);
    expect(await tree()).toEqual(
      [
        ...GOOD_FILES,
        "collections/other.postman_collection.json",
        "environments/other.mock.postman_environment.json",
        "environments/other.production.postman_environment.json",
        "environments/other.sandbox.postman_environment.json",
      ].sort(),
    );
  });

  it("skips a bad spec, still writes the good one, exits 1", async () => {
    await put("good.yaml", GOOD);
    await put("bad.yaml", "openapi: 3.0.3\ninfo: [unclosed\n");
    const result = await runCli(["generate", "bad.yaml", "good.yaml", "--out-dir", "out"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.yaml:\d+:\d+ error yaml-syntax /m);
    expect(result.stderr).toContain("skipped bad.yaml: nothing written for it");
    expect(await tree(join(cwd, "out"))).toEqual(GOOD_FILES);
  });

  it.each([
    ["malformed JSON", "bad.json", '{"openapi": "3.0.3", "info": '],
    ["not an OpenAPI document", "bad.yaml", "hello: world\n"],
    [
      "paths of the wrong type",
      "bad.yaml",
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [1, 2]\n",
    ],
    [
      "an unresolved $ref",
      "bad.yaml",
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
    ],
    [
      "a missing referenced file",
      "bad.yaml",
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    $ref: './missing.yaml'\n",
    ],
    ["a missing spec file", "nope.yaml", undefined],
  ])("%s: located one-line errors, no stack trace, nothing written", async (_name, file, text) => {
    if (text !== undefined) await put(file, text);
    const result = await runCli(["generate", file], cwd);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(
        new RegExp(`^${file.replace(".", "\\.")}:\\d+:\\d+ (error|warning) [a-z-]+ `),
      );
    }
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
    expect(await tree()).toEqual([]);
  });

  it("reports a file it cannot write in one line and leaves no temporary file", async () => {
    await put("good.yaml", GOOD);
    await put("out/collections", "a file where a folder should be\n");
    const result = await runCli(["generate", "good.yaml", "--out-dir", "out"], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^out\/collections\/good\.postman_collection\.json:1:1 error write-error could not write: /m,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain("skipped good.yaml: nothing written for it");
    // All of a spec's files or none: no environment and no temporary file either.
    expect(await readdir(join(cwd, "out"))).toEqual(["collections"]);
  });

  it("--check writes nothing and lists stale and missing files, exit 1", async () => {
    await put("good.yaml", GOOD);
    expect((await runCli(["generate", "good.yaml"], cwd)).code).toBe(0);
    expect(await runCli(["generate", "good.yaml", "--check"], cwd)).toMatchObject({
      code: 0,
      stdout: "",
    });

    const collection = join(cwd, GOOD_FILES[0] ?? "");
    await writeFile(collection, "{}\n");
    await rm(join(cwd, "environments/good.mock.postman_environment.json"));
    const result = await runCli(["generate", "good.yaml", "--check"], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toEqual([
      "stale collections/good.postman_collection.json",
      "stale environments/good.mock.postman_environment.json",
    ]);
    expect(result.stderr).toContain("2 file(s) out of date");
    expect(await readFile(collection, "utf8")).toBe("{}\n");
  });

  it("--token-url turns a bearer-only spec into a client-credentials collection", async () => {
    await put(
      "bearer.yaml",
      GOOD.replace(
        /oauth2:\n {6}type: oauth2[\s\S]*?scopes: \{\}\n/,
        "oauth2:\n      type: http\n      scheme: bearer\n",
      ),
    );
    const result = await runCli(
      ["generate", "bearer.yaml", "--token-url", "https://id.test/token"],
      cwd,
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const collection = JSON.parse(
      await readFile(join(cwd, "collections/bearer.postman_collection.json"), "utf8"),
    );
    expect(collection.item[0].name).toBe("Get Access Token");
    expect(collection.variable.find((v: { key: string }) => v.key === "tokenUrl").value).toBe(
      "https://id.test/token",
    );
  });

  it.each([
    [["generate", "--frobnicate"], /Unknown option '--frobnicate'/],
    [
      ["generate", "--token-url", "not-a-url", "x.yaml"],
      /--token-url must be an absolute http\(s\) URL/,
    ],
    [["generate", "--out-dir"], /argument missing/],
    [["generate"], /no SPEC given and no \*\.yaml/],
  ])("usage error %j exits 2", async (args, message) => {
    const result = await runCli(args, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("--help prints usage and exits 0", async () => {
    const result = await runCli(["generate", "--help"], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("usage: specpost generate");
  });
});
