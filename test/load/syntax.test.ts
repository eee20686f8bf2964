import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import type { ProblemCode } from "../../scripts/problems";
import { firstError, tempSpecs } from "./helpers";

// Inline texts: each case is one file; line/column are where an editor shows the mistake.
const cases: Array<
  [string, string, string, { code: ProblemCode; line: number; column: number; mentions: string }]
> = [
  [
    "trailing comma",
    "comma.json",
    '{\n  "openapi": "3.0.3",\n  "paths": {},\n}\n',
    { code: "json-syntax", line: 3, column: 14, mentions: "trailing comma" },
  ],
  [
    "single quotes",
    "quotes.json",
    "{'openapi': '3.0.3'}",
    { code: "json-syntax", line: 1, column: 2, mentions: "double quotes" },
  ],
  [
    "cut short",
    "short.json",
    '{\n  "openapi": "3.0.3",\n  "paths": {\n',
    { code: "json-syntax", line: 4, column: 1, mentions: 'closing "}"' },
  ],
  [
    "line break in a string",
    "newline.json",
    '{"info": "abc\n"}',
    { code: "json-syntax", line: 1, column: 14, mentions: "escape" },
  ],
  [
    "two documents",
    "two.json",
    "{}\n{}\n",
    { code: "json-syntax", line: 2, column: 1, mentions: "after the end" },
  ],
  [
    "unquoted word",
    "word.json",
    '{\n  "openapi": three\n}',
    { code: "json-syntax", line: 2, column: 14, mentions: '"three"' },
  ],
  [
    "empty JSON file",
    "empty.json",
    "",
    { code: "not-openapi", line: 1, column: 1, mentions: "empty" },
  ],
  [
    "duplicate YAML key",
    "dup.yaml",
    "openapi: 3.0.3\npaths: {}\nopenapi: 3.1.0\n",
    { code: "yaml-syntax", line: 3, column: 1, mentions: "duplicate" },
  ],
  [
    "tab indentation",
    "tab.yaml",
    "openapi: 3.0.3\ninfo:\n\ttitle: x\n",
    { code: "yaml-syntax", line: 3, column: 1, mentions: "tabs" },
  ],
  [
    "two YAML documents",
    "two.yaml",
    "openapi: 3.0.3\n---\nopenapi: 3.1.0\n",
    { code: "yaml-syntax", line: 2, column: 1, mentions: "one YAML document" },
  ],
];

const temp = tempSpecs(Object.fromEntries(cases.map(([, name, text]) => [name, text])));
afterAll(temp.cleanup);

describe("syntax errors point at the mistake", () => {
  it.each(cases)("%s", async (_name, file, _text, want) => {
    const result = await loadSpec(file, { cwd: temp.dir });
    expect(result.spec).toBeUndefined();
    const error = firstError(result.problems);
    expect({ code: error.code, file: error.file, line: error.line, column: error.column }).toEqual({
      code: want.code,
      file,
      line: want.line,
      column: want.column,
    });
    expect(error.message.toLowerCase()).toContain(want.mentions.toLowerCase());
  });
});
