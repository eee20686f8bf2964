import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import { doc, op, specOf } from "./helpers";

describe("oneOf parameters as a server reads them (text)", () => {
  const workflowId = (extra: object = {}) => ({
    name: "id",
    in: "path",
    required: true,
    schema: { oneOf: [{ type: "integer" }, { type: "string" }] },
    ...extra,
  });
  /** The model of one GET /users/{id} whose only parameter is `param`. */
  const withParam = (param: object) =>
    buildModel(specOf(doc({ "/users/{id}": { get: op({ parameters: [param] }) } })), {});

  it.each([
    ["generated", workflowId(), 0],
    ["the spec's example 42", workflowId({ example: 42 }), 1],
    ["the spec's example '42'", workflowId({ example: "42" }), 1],
  ])(
    "%s, text both branches accept, becomes a value only the string branch accepts",
    (_, param, warnings) => {
      const { model, problems } = withParam(param);
      const sent = model?.operations[0]?.parameters[0]?.example;
      expect(typeof sent).toBe("string");
      expect(Number.isNaN(Number(sent))).toBe(true);
      expect(problems.filter((p) => /branches of this oneOf/.test(p.message))).toHaveLength(
        warnings,
      );
      expect(model?.operations[0]?.mayReject).toBeUndefined();
    },
  );

  it("a value one branch alone accepts is kept", () => {
    const { model, problems } = withParam(
      workflowId({
        schema: { oneOf: [{ type: "integer" }, { type: "string", enum: ["last"] }] },
        example: 3,
      }),
    );
    expect(model?.operations[0]?.parameters[0]?.example).toBe(3);
    expect(problems.filter((p) => p.code !== "no-client-credentials")).toEqual([]);
  });

  it("no value one branch alone accepts: warned and marked", () => {
    const { model, problems } = withParam(
      workflowId({ schema: { oneOf: [{ type: "integer" }, { type: "number" }] } }),
    );
    expect(problems.map((p) => p.code)).toContain("unsatisfiable-schema");
    expect(model?.operations[0]?.mayReject).toBe(true);
  });
});

describe("path parameters never send an empty value (Postman would keep ':name' in the URL)", () => {
  const pathParam = (extra: object) => ({ name: "job_id", in: "path", required: true, ...extra });
  it.each([
    ["a null example", { schema: { type: "string" }, example: null }, false],
    ["an empty-string example", { schema: { type: "string" }, example: "" }, false],
    [
      "a schema only the empty string satisfies",
      { schema: { type: "string", maxLength: 0 } },
      true,
    ],
    ["type null", { schema: { type: "null" } }, true],
    ["an empty object", { schema: { type: "object", properties: {} } }, true],
  ])("%s: a non-empty value and a located warning", (_, extra, marked) => {
    const { model, problems } = buildModel(
      specOf(
        doc(
          { "/job/{job_id}": { get: op({ parameters: [pathParam(extra)] }) } },
          { openapi: "3.1.0" },
        ),
      ),
      {},
    );
    const operation = model?.operations[0];
    const sent = operation?.parameters[0]?.example;
    expect(String(sent ?? "")).not.toBe("");
    const warning = problems.find((p) => /would leave ':job_id' in the URL/.test(p.message));
    expect(warning?.pointer).toMatch(/^#\/paths\/~1job~1\{job_id\}\/get\/parameters\/0\//);
    expect(operation?.mayReject === true).toBe(marked);
  });
});

describe("the mock's model (examples as written) sends nothing, so it warns of no empty path value", () => {
  it("a plain string path parameter without example: no warning at all", () => {
    const { problems } = buildModel(
      specOf(
        doc({
          "/repos/{owner}": {
            get: op({
              parameters: [
                { name: "owner", in: "path", required: true, schema: { type: "string" } },
              ],
            }),
          },
        }),
      ),
      {},
      "as-written",
    );
    expect(problems.filter((p) => /would leave ':owner'/.test(p.message))).toEqual([]);
  });
});
