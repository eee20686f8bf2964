import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import type { ProblemCode } from "../../scripts/problems";
import { cwd, firstError, fixtures } from "./helpers";

interface Want {
  code: ProblemCode;
  line: number;
  column: number;
  /** File the problem is reported in, when not the spec itself. */
  in?: string;
  pointer?: string;
  mentions?: string[];
}

const cases: Array<[string, string, Want]> = [
  ["malformed YAML", "malformed.yaml", { code: "yaml-syntax", line: 7, column: 5 }],
  [
    "malformed JSON (missing comma)",
    "malformed.json",
    { code: "json-syntax", line: 4, column: 3, mentions: ["comma"] },
  ],
  [
    "a mapping without openapi/swagger",
    "not-openapi.yaml",
    { code: "not-openapi", line: 1, column: 1 },
  ],
  ["a YAML list", "list.yaml", { code: "not-openapi", line: 1, column: 1, mentions: ["a list"] }],
  [
    "openapi 4.0.0",
    "unsupported-version.yaml",
    { code: "unsupported-version", line: 2, column: 1, pointer: "#/openapi", mentions: ["4.0.0"] },
  ],
  [
    "paths as a list",
    "paths-list.yaml",
    { code: "invalid-type", line: 5, column: 1, pointer: "#/paths", mentions: ["found a list"] },
  ],
  [
    "an operation that is a string",
    "operation-string.yaml",
    {
      code: "invalid-type",
      line: 7,
      column: 5,
      pointer: "#/paths/~1pets/get",
      mentions: ["GET /pets"],
    },
  ],
  ["OpenAPI 3.0 without paths", "no-paths.yaml", { code: "no-operations", line: 1, column: 1 }],
  [
    "an unresolved internal ref (YAML)",
    "unresolved-ref.yaml",
    {
      code: "unresolved-ref",
      line: 14,
      column: 17,
      pointer: "#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref",
      mentions: ["#/components/schemas/Pett", 'did you mean "Pet"'],
    },
  ],
  [
    "an unresolved internal ref (JSON)",
    "unresolved-ref.json",
    { code: "unresolved-ref", line: 11, column: 49, mentions: ["#/components/schemas/Pets"] },
  ],
  [
    "a missing external file",
    "missing-file.yaml",
    {
      code: "missing-file",
      line: 14,
      column: 17,
      mentions: [`${fixtures}/schemas/nope.yaml`, `${fixtures}/missing-file.yaml`],
    },
  ],
  [
    "a bad pointer into an existing external file",
    "bad-pointer.yaml",
    {
      code: "unresolved-ref",
      line: 14,
      column: 17,
      mentions: [`${fixtures}/multi/schemas/pet.yaml`, "nmae", 'did you mean "name"'],
    },
  ],
  [
    "a remote ref",
    "remote-ref.yaml",
    { code: "unresolved-ref", line: 10, column: 11, mentions: ["remote"] },
  ],
  [
    "a syntax error inside a referenced file",
    "broken-external.yaml",
    { code: "yaml-syntax", line: 5, column: 1, in: "broken/bad.yaml" },
  ],
  [
    "a spec file that does not exist",
    "nonexistent.yaml",
    { code: "read-error", line: 1, column: 1 },
  ],
];

describe("loadSpec reports located errors and returns no spec", () => {
  it.each(cases)("%s (%s)", async (_name, file, want) => {
    const result = await loadSpec(`${fixtures}/${file}`, { cwd });
    expect(result.spec).toBeUndefined();
    const error = firstError(result.problems);
    expect({ code: error.code, file: error.file, line: error.line, column: error.column }).toEqual({
      code: want.code,
      file: `${fixtures}/${want.in ?? file}`,
      line: want.line,
      column: want.column,
    });
    if (want.pointer) expect(error.pointer).toBe(want.pointer);
    for (const text of want.mentions ?? []) expect(error.message).toContain(text);
    // One line, and it says what to do (after the semicolon), never a stack trace.
    expect(error.message).not.toMatch(/\n|\bat .*\.js:\d+/);
    expect(error.message).toMatch(/; /);
  });
});
