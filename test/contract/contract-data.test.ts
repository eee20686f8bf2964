import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isDataLine,
  objectLines,
  readObjectLines,
  singleQuoted,
} from "../../scripts/collection/contract-data";
import { contractPrerequestLines, readContractLine } from "../../scripts/collection/contract-lines";
import {
  contractTestScript,
  reachableDefinitions,
  requestContracts,
} from "../../scripts/collection/contracts";
import { apiModel, handRegistry, operation, ref } from "./fixture";

const definitions = {
  Error: { type: "object", properties: { message: { type: "string" } } },
  Node: { type: "object", properties: { next: { $ref: "#/definitions/Node" } } },
  Unused: { type: "object", properties: { again: { $ref: "#/definitions/Unused" } } },
  User: { type: "object", properties: { best: { $ref: "#/definitions/Node" } } },
  UserList: { type: "array", items: { $ref: "#/definitions/User" } },
};

const postmanJs = (file: string) =>
  readFileSync(new URL(`../../scripts/postman/${file}`, import.meta.url), "utf8");

function script(errorStatus = "4xx") {
  const model = apiModel(
    [
      operation("get", "/userlist", [
        {
          status: "200",
          content: { "application/json": ref("UserList") },
          requiredHeaders: ["X-Id"],
        },
        { status: errorStatus, content: { "application/json": ref("Error") } },
      ]),
      operation("delete", "/users", [{ status: "204" }], { secured: false }),
    ],
    { kind: "none" },
  );
  const contracts = requestContracts(model, handRegistry(definitions));
  return (key: string) => {
    const contract = contracts.requests.get(key);
    if (!contract) throw new Error(`no contract for ${key}`);
    return contractPrerequestLines(contract);
  };
}

describe("contract data lines", () => {
  it.each([
    ["plain JSON", { a: "b" }],
    ["quotes and backslashes", { pattern: '^\\d+\'s "x"$', "it's": "\\" }],
    ["line separators", { text: "a\u2028b\u2029c\nd" }],
  ])("writes values as single-quoted JSON text that reads back exactly: %s", (_name, value) => {
    const text = singleQuoted(JSON.stringify(value));
    expect(JSON.parse(new Function(`return ${text};`)())).toEqual(value);
  });

  it("reads back exactly what it wrote (the change summary's view of the previous file)", () => {
    const entries = new Map<string, unknown>([
      ["__proto__", { a: 1 }],
      ['GET /x/{"y"}', { pattern: '^\\d+\'s "x"$', "it's": "\\", sep: "a\u2028b" }],
      ["plain", [1, null, "two"]],
    ]);
    const lines = ["// a comment", ...objectLines("SPECPOST_A", entries, true), "const b = 1;"];
    const read = readObjectLines(lines).get("SPECPOST_A");
    expect([...(read?.keys() ?? [])]).toEqual([...entries.keys()]);
    for (const [key, value] of entries) expect(JSON.parse(read?.get(key) ?? "")).toEqual(value);
    expect(lines.filter(isDataLine)).toHaveLength(entries.size);
    // The collection-level script holds a part's lines in one exec entry (merge-events.ts).
    const joined = readObjectLines(["x();", lines.join("\n")]).get("SPECPOST_A");
    expect([...(joined?.entries() ?? [])]).toEqual([...(read?.entries() ?? [])]);
    // A request's whole generated script reads back too: its contract and its schemas.
    const lines2 = script()("GET /userlist");
    expect(JSON.parse(readContractLine(lines2) ?? "")).toMatchObject({ key: "GET /userlist" });
    expect([...(readObjectLines(lines2).get("SPECPOST_SCHEMAS")?.keys() ?? [])]).toEqual([
      "Error",
      "Node",
      "User",
      "UserList",
    ]);
  });

  it("keeps a definition named __proto__ as a key", () => {
    const lines = objectLines(
      "X",
      new Map([
        ["__proto__", 1],
        ["a", 2],
      ]),
      true,
    );
    const object = new Function(`${lines.join("\n")}; return X;`)();
    expect(Object.keys(object)).toEqual(["__proto__", "a"]);
  });

  it("says in a few readable lines what a request's contract checks, then its data", () => {
    expect(script()("GET /userlist")).toEqual([
      "// specpost checks every answer to GET /userlist (generated, do not edit):",
      "//   a 401 or 403 to the collection's token fails",
      "//   a 4xx fails: the request is built from the spec's examples to be accepted",
      "//   200: application/json schema UserList; header X-Id",
      "//   4XX: application/json schema Error",
      "//   any other status fails",
      `const SPECPOST_CONTRACT = '{"key":"GET /userlist","secured":true,"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/definitions/UserList"},"name":"UserList"}},"headers":["X-Id"]},"4XX":{"content":{"application/json":{"schema":{"$ref":"#/definitions/Error"},"name":"Error"}}}}}';`,
      "const SPECPOST_SCHEMAS = {",
      `  "Error": '${JSON.stringify(definitions.Error)}',`,
      `  "Node": '${JSON.stringify(definitions.Node)}',`,
      `  "User": '${JSON.stringify(definitions.User)}',`,
      `  "UserList": '${JSON.stringify(definitions.UserList)}',`,
      "};",
      'pm.variables.set("specpost_contract", JSON.stringify({ requestId: pm.info.requestId, contract: SPECPOST_CONTRACT, schemas: SPECPOST_SCHEMAS }));',
    ]);
    // A request that reaches no definition carries none.
    expect(script()("DELETE /users").join("\n")).not.toContain("SPECPOST_SCHEMAS");
    expect(script()("DELETE /users").at(-1)).toContain("schemas: {}");
    expect(script()("DELETE /users")).toContain("//   204: no content");
  });

  it("keeps the collection-level test script to the shared definitions and the checks, as written in scripts/postman/", () => {
    expect(`${contractTestScript().join("\n")}\n`).toBe(
      "// Definitions several requests' contracts share (the checks follow a schema's $refs to them).\n" +
        "const SPECPOST_SHARED = {};\n" +
        postmanJs("contract-schema.js") +
        postmanJs("contract.js"),
    );
  });

  it("writes a definition several requests reach once, in the collection's script; one request's own stays in it", () => {
    const model = apiModel(
      [
        operation("get", "/a", [{ status: "200", content: { "application/json": ref("User") } }]),
        operation("get", "/b", [{ status: "200", content: { "application/json": ref("Node") } }]),
      ],
      { kind: "none" },
    );
    // Past the budget (here 0 bytes): what several reach is written once.
    const plan = requestContracts(model, handRegistry(definitions), 0);
    expect(Object.keys(plan.shared)).toEqual(["Node"]);
    expect(Object.keys(plan.requests.get("GET /a")?.schemas ?? {})).toEqual(["User"]);
    expect(Object.keys(plan.requests.get("GET /b")?.schemas ?? {})).toEqual([]);
    const collectionLines = contractTestScript(plan.shared);
    expect(collectionLines).toContain(`  "Node": '${JSON.stringify(definitions.Node)}',`);
    expect(collectionLines.filter((line) => line.startsWith('  "'))).toHaveLength(1);
  });

  it("within the budget, each request carries every definition it reaches and nothing is shared", () => {
    const model = apiModel(
      [
        operation("get", "/a", [{ status: "200", content: { "application/json": ref("User") } }]),
        operation("get", "/b", [{ status: "200", content: { "application/json": ref("Node") } }]),
      ],
      { kind: "none" },
    );
    const plan = requestContracts(model, handRegistry(definitions));
    expect(plan.shared).toEqual({});
    expect(Object.keys(plan.requests.get("GET /a")?.schemas ?? {})).toEqual(["Node", "User"]);
    expect(Object.keys(plan.requests.get("GET /b")?.schemas ?? {})).toEqual(["Node"]);
  });

  it("gives the same lines for the same spec, and a one-line diff for a one-response change", () => {
    expect(script()("GET /userlist")).toEqual(script()("GET /userlist"));
    const before = script("4xx")("GET /userlist");
    const after = script("default")("GET /userlist");
    // What changed shows in the summary and the contract line; schemas and code stay put.
    const changed = [...before.filter((line) => !after.includes(line))];
    expect(changed).toEqual([
      "//   4XX: application/json schema Error",
      "//   any other status fails",
      expect.stringMatching(/^const SPECPOST_CONTRACT = /),
    ]);
    expect(after).toContain("//   default: application/json schema Error");
  });

  it.each([
    ["nothing reached", [], []],
    [
      "a chain of refs, recursion included",
      [{ $ref: "#/definitions/UserList" }],
      ["Node", "User", "UserList"],
    ],
    [
      "refs inside combinators and arrays",
      [{ anyOf: [{ $ref: "#/definitions/Error" }, { type: "null" }] }],
      ["Error"],
    ],
    ["a ref to a missing definition", [{ $ref: "#/definitions/Nowhere" }], []],
    ["a ref outside the definitions", [{ $ref: "#/properties/x" }], []],
  ])("ships only the definitions a response reaches: %s", (_name, roots, want) => {
    expect(Object.keys(reachableDefinitions(roots, definitions))).toEqual(want);
  });
});
