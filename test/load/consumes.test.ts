import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import { cwd } from "./helpers";

// Swagger 2.0 leaves the media type of a body open when no `consumes` is written: the
// choice, the mark and the warning (Prism's side is in test/prism).
const file = "test/prism/fixtures/swagger2-no-consumes.yaml";

async function model(spec: string) {
  const loaded = await loadSpec(spec, { cwd });
  if (!loaded.spec) throw new Error(JSON.stringify(loaded.problems));
  const built = buildModel(loaded.spec);
  if (!built.model) throw new Error(JSON.stringify(built.problems));
  return { problems: loaded.problems, operations: built.model.operations };
}

describe("Swagger 2.0 without consumes", () => {
  it.each([
    ["POST /notes", "application/x-www-form-urlencoded"],
    // type: file is only carried by multipart (the converter said urlencoded).
    ["POST /uploads", "multipart/form-data"],
    ["POST /things", "application/json"],
  ])("%s is sent as %s, marked as one a strict server may refuse", async (key, type) => {
    const { operations } = await model(file);
    const body = operations.find((op) => op.key === key)?.requestBody;
    expect(body).toMatchObject({ contentType: type, mayReject: true });
  });

  it("warns at each body parameter, with the consumes to declare", async () => {
    const { problems } = await model(file);
    const warnings = problems.filter((p) => p.code === "assumed-content-type");
    expect(warnings.map((p) => [p.line, p.column, p.severity])).toEqual([
      [9, 11, "warning"],
      [16, 11, "warning"],
      [23, 11, "warning"],
    ]);
    expect(warnings[1]?.message).toContain("declare `consumes: [multipart/form-data]`");
  });

  it("declared consumes: no warning, no mark", async () => {
    const { problems, operations } = await model("test/prism/fixtures/swagger2-consumes.yaml");
    expect(problems.filter((p) => p.code === "assumed-content-type")).toEqual([]);
    expect(operations.map((op) => op.requestBody?.mayReject)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
