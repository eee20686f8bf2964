import { describe, expect, it } from "vitest";
import { pathText, queryPairs, scalarText, simpleText } from "../../scripts/collection/params";
import type { ParameterModel } from "../../scripts/model/types";
import { param } from "./fixture";

const q = (example: unknown, extra: Partial<ParameterModel> = {}) =>
  queryPairs(param("p", "query", example, extra));

describe("query parameters follow OpenAPI style and explode", () => {
  it.each([
    ["a string as is", q("a b"), [{ key: "p", value: "a b" }]],
    ["a number", q(20), [{ key: "p", value: "20" }]],
    ["a boolean", q(false), [{ key: "p", value: "false" }]],
    ["null as empty", q(null), [{ key: "p", value: "" }]],
    [
      "form arrays repeat the key",
      q([1, 2]),
      [
        { key: "p", value: "1" },
        { key: "p", value: "2" },
      ],
    ],
    [
      "explode: false joins with commas",
      q([1, 2], { explode: false }),
      [{ key: "p", value: "1,2" }],
    ],
    [
      "spaceDelimited",
      q(["a", "b"], { style: "spaceDelimited", explode: false }),
      [{ key: "p", value: "a b" }],
    ],
    [
      "pipeDelimited",
      q(["a", "b"], { style: "pipeDelimited", explode: false }),
      [{ key: "p", value: "a|b" }],
    ],
    [
      "form objects explode into their properties",
      q({ x: 1, y: "z" }),
      [
        { key: "x", value: "1" },
        { key: "y", value: "z" },
      ],
    ],
    [
      "form objects without explode",
      q({ x: 1, y: "z" }, { explode: false }),
      [{ key: "p", value: "x,1,y,z" }],
    ],
    [
      "deepObject",
      q({ x: 1, y: [2] }, { style: "deepObject" }),
      [
        { key: "p[x]", value: "1" },
        { key: "p[y]", value: "[2]" },
      ],
    ],
  ])("%s", (_name, got, want) => {
    expect(got).toEqual(want);
  });
});

describe("header and path values", () => {
  it.each([
    [simpleText([1, 2], false), "1,2"],
    [simpleText({ a: 1, b: 2 }, false), "a,1,b,2"],
    [simpleText({ a: 1, b: 2 }, true), "a=1,b=2"],
    [simpleText("x", false), "x"],
    [pathText(param("id", "path", 5, { style: "label" })), ".5"],
    [pathText(param("id", "path", 5, { style: "matrix" })), ";id=5"],
    [pathText(param("id", "path", [1, 2])), "1,2"],
    [scalarText({ b: 1, a: 2 }), '{"b":1,"a":2}'],
  ])("%j → %j", (got, want) => {
    expect(got).toBe(want);
  });
});
