import { afterEach, describe, expect, it } from "vitest";
import { DATA_CODES } from "../../scripts/commands/data-summary";
import { generateSpec } from "../../scripts/pipeline";
import { type TempProject, tempProject } from "../overrides/helpers";

// A response example with two issues, and a warning that is printed (no security).
const spec = `openapi: 3.0.3
info: { title: Things, version: "1" }
servers: [{ url: "http://127.0.0.1:9" }]
paths:
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id, name]
                properties: { id: { type: integer }, name: { type: string } }
              example: { id: "seven" }
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function problems(counted?: ReadonlySet<string>) {
  project = await tempProject({ "specs/things.yaml": spec });
  const out = await generateSpec("specs/things.yaml", {
    cwd: project.dir,
    model: {},
    outDir: project.dir,
    ...(counted && { counted }),
  });
  expect(out.files.length).toBeGreaterThan(0);
  return out.problems;
}

describe("problems the caller only counts (generate's example problems)", () => {
  it("come back unlocated, naming the first issue; the others are located as ever", async () => {
    const all = await problems();
    const counted = await problems(DATA_CODES);
    const example = (list: typeof all) => list.filter((p) => p.code === "invalid-example");
    const others = (list: typeof all) => list.filter((p) => p.code !== "invalid-example");
    expect(example(all)).toHaveLength(1);
    expect(example(counted)).toHaveLength(1);
    expect(example(all)[0]?.line).toBe(16);
    const issues = (message = "") =>
      ["must have property 'name'", "must be integer"].filter((issue) => message.includes(issue));
    expect(issues(example(all)[0]?.message)).toHaveLength(2);
    expect(issues(example(counted)[0]?.message)).toHaveLength(1);
    expect(example(counted)[0]?.line).toBeUndefined();
    expect(example(counted)[0]?.pointer).toBe(example(all)[0]?.pointer);
    expect(others(counted)).toEqual(others(all));
    expect(others(all).some((p) => p.line !== undefined)).toBe(true);
  });
});
