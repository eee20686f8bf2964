import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import type { ProblemCode } from "../../scripts/problems";

/** Input a hostile or careless spec author could hand us: each must end in a located problem. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "specpost-hostile-"));
  mkdirSync(join(dir, "spec"));
  mkdirSync(join(dir, "elsewhere"));
  writeFileSync(join(dir, "elsewhere", "schema.yaml"), "type: object\n");
  writeFileSync(join(dir, "spec", "notes.txt"), "type: object\n");
  writeFileSync(join(dir, "spec", "hello.yaml"), "hello\n");
  execFileSync("mkfifo", [join(dir, "spec", "fifo.yaml")]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withRef = (ref: string) => `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "${ref}" }
`;

interface Want {
  code: ProblemCode;
  mentions: string;
  /** Line of the problem in the spec (the `$ref`), when it is in the spec. */
  line?: number;
}

const refCases: [string, string, Want][] = [
  ["/etc/passwd", "/etc/passwd", { code: "ref-outside-folder", mentions: "outside", line: 11 }],
  [
    "/proc/self/environ",
    "/proc/self/environ",
    { code: "ref-outside-folder", mentions: "outside", line: 11 },
  ],
  [
    "a file: URL",
    "file:///etc/passwd",
    { code: "ref-outside-folder", mentions: "outside", line: 11 },
  ],
  [
    "a sibling folder",
    "../elsewhere/schema.yaml",
    { code: "ref-outside-folder", mentions: "--allow-outside-refs", line: 11 },
  ],
  [
    "a .txt file",
    "notes.txt",
    { code: "unresolved-ref", mentions: "not a .json, .yaml or .yml", line: 11 },
  ],
  [
    "a file that holds a string",
    "hello.yaml",
    { code: "unresolved-ref", mentions: "plain text", line: 11 },
  ],
];

describe("hostile $ref targets are located errors, never a silent {}", () => {
  it.each(refCases)("%s", async (_name, ref, want) => {
    writeFileSync(join(dir, "spec", "api.yaml"), withRef(ref));
    const { spec, problems } = await loadSpec("spec/api.yaml", { cwd: dir });
    expect(spec).toBeUndefined();
    const error = problems.find((p) => p.severity === "error");
    expect(error).toMatchObject({
      code: want.code,
      file: join("spec", "api.yaml"),
      line: want.line,
    });
    expect(error?.message).toContain(want.mentions);
  });

  it("a file outside the folder loads with the explicit opt-in", async () => {
    writeFileSync(join(dir, "spec", "api.yaml"), withRef("../elsewhere/schema.yaml"));
    const { spec, problems } = await loadSpec("spec/api.yaml", {
      cwd: dir,
      allowOutsideRefs: true,
    });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(spec).toBeDefined();
  });
});

describe("only regular files are read as specs", () => {
  it.each([
    ["a FIFO", () => join(dir, "spec", "fifo.yaml")],
    ["/dev/zero", () => "/dev/zero"],
  ])("%s", async (_name, file) => {
    const { spec, problems } = await loadSpec(file(), { cwd: dir });
    expect(spec).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "read-error", line: 1 });
    expect(problems[0]?.message).toContain("not a regular file");
  });
});

const withPath = (key: string, parameters = "") => `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  "${key}":
    get:${parameters}
      responses:
        "200": { description: ok }
`;
const idParam = `
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]`;

const pathCases: [string, string, "error" | "warning", string][] = [
  ["no leading slash", "no-leading-slash", "error", 'does not start with "/"'],
  ["a fragment", "/h#frag", "warning", "never sent"],
  ["an unclosed template", "/y/{unclosed", "error", "never closed"],
  ["an empty template", "/z/{}", "error", "empty template"],
  ["an undeclared template", "/w/{undeclared}", "warning", 'path parameter "undeclared"'],
  ["a query in the key", "/q?x=1", "error", "query parameters belong"],
];

describe("path keys a request cannot be built from are located problems", () => {
  it.each(pathCases)("%s", async (_name, key, severity, mentions) => {
    writeFileSync(join(dir, "spec", "api.yaml"), withPath(key));
    const { problems } = await loadSpec("spec/api.yaml", { cwd: dir });
    const found = problems.find((p) => p.code === "invalid-path");
    expect(found).toMatchObject({
      severity,
      line: 4,
      pointer: `#/paths/${key.replace(/\//g, "~1")}`,
    });
    expect(found?.message).toContain(mentions);
  });

  it("a declared template is fine", async () => {
    writeFileSync(join(dir, "spec", "api.yaml"), withPath("/things/{id}", idParam));
    const { spec, problems } = await loadSpec("spec/api.yaml", { cwd: dir });
    expect(problems).toEqual([]);
    expect(spec).toBeDefined();
  });
});

const chain = (depth: number) =>
  [
    withRef("#/components/schemas/S0"),
    "components:\n  schemas:\n",
    ...Array.from(
      { length: depth },
      (_, i) =>
        `    S${i}: { type: object, properties: { n: { $ref: "#/components/schemas/S${i + 1}" } } }\n`,
    ),
    `    S${depth}: { type: string }\n`,
  ].join("");

describe("$ref depth is bounded", () => {
  it("a 1,000-deep chain is a located error (the mock ran out of stack on it)", async () => {
    writeFileSync(join(dir, "spec", "api.yaml"), chain(1000));
    const { spec, problems } = await loadSpec("spec/api.yaml", { cwd: dir });
    expect(spec).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: "ref-too-deep", line: 14 });
    expect(problems[0]?.message).toContain("1000 definitions deep");
  });

  it("a 100-deep chain loads", async () => {
    writeFileSync(join(dir, "spec", "api.yaml"), chain(100));
    const { spec } = await loadSpec("spec/api.yaml", { cwd: dir });
    expect(spec).toBeDefined();
  });
});
