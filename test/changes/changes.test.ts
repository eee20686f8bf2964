import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatChanges, hasChanges, summariseChanges } from "../../scripts/collection/changes";
import { generate } from "../../scripts/pipeline";
import { type TempProject, tempProject, USERS_SPEC } from "../overrides/helpers";

/**
 * The change summary on real generator output: the base spec and one edit each, generated
 * with the library, compared as the files `specpost generate` would write.
 */
let project: TempProject;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => project.remove());

async function collectionFor(spec: string): Promise<string> {
  await project.write("specs/users.yaml", spec);
  const result = await generate({
    cwd: project.dir,
    specs: ["specs/users.yaml"],
    outDir: project.dir,
    model: {},
  });
  const file = result.specs[0]?.files.find((f) => f.path.endsWith(".postman_collection.json"));
  if (!file) throw new Error(result.specs[0]?.problems.map((p) => p.message).join("; "));
  return file.content;
}

const CASES: Array<{ name: string; edit: (spec: string) => string; want: string[] }> = [
  {
    name: "operation added",
    edit: (s) =>
      s.replace(
        "  /users/{id}:\n    get:\n",
        '  /users/{id}:\n    delete:\n      tags: [Users]\n      summary: Delete a user\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n        "204": { description: Gone. }\n    get:\n',
      ),
    want: ["  + DELETE /users/{id} (Delete a user)"],
  },
  {
    name: "operation removed",
    edit: (s) => s.replace(/ {2}\/reports\/daily:\n(?: {4}.*\n)+/, ""),
    want: ["  - GET /reports/daily (Daily report)"],
  },
  {
    name: "parameter example changed",
    edit: (s) => s.replace("example: full", "example: summary"),
    want: ['  ~ GET /users/{id} (Get a user): parameters (query view: "full" → "summary")'],
  },
  {
    name: "optional parameter added",
    edit: (s) =>
      s.replace(
        "          example: full\n",
        "          example: full\n        - { name: lang, in: query, schema: { type: string }, example: nl }\n",
      ),
    want: ["  ~ GET /users/{id} (Get a user): parameters (+query lang)"],
  },
  {
    name: "required header parameter removed",
    edit: (s) => s.replace(/ {8}- name: X-Trace\n(?: {10}.*\n)+/, ""),
    want: ["  ~ GET /users (List users): parameters (-header X-Trace)"],
  },
  {
    name: "request body example changed",
    edit: (s) => s.replace("example: { name: alice }", "example: { name: carol }"),
    want: ["  ~ POST /register (Register a user): body"],
  },
  {
    name: "status added and another removed",
    edit: (s) =>
      s.replace(
        '        "404":\n          description: No such user.\n',
        '        "410":\n          description: Gone for good.\n',
      ),
    want: ["  ~ GET /users/{id} (Get a user): responses (+410; -404)"],
  },
  {
    name: "response schema changed",
    edit: (s) =>
      s.replace(
        "                required: [id, callbackurl]\n",
        "                required: [id]\n",
      ),
    want: ["  ~ POST /register (Register a user): responses (201 changed)"],
  },
  {
    name: "request renamed",
    edit: (s) => s.replace("summary: Daily report", "summary: Day report"),
    want: ['  ~ GET /reports/daily (Day report): name (name "Daily report" → "Day report")'],
  },
  {
    name: "server moved",
    edit: (s) => s.replace("http://127.0.0.1:9/api", "https://api.example.com/v2"),
    want: [
      '  ~ collection: variable baseUrl: "http://127.0.0.1:9/api" → "https://api.example.com/v2"',
    ],
  },
];

describe("summariseChanges", () => {
  let base: string;
  beforeAll(async () => {
    base = await collectionFor(USERS_SPEC);
  });

  it.each(CASES)("$name", async ({ edit, want }) => {
    const changed = edit(USERS_SPEC);
    expect(changed).not.toBe(USERS_SPEC);
    const changes = summariseChanges(base, await collectionFor(changed));
    expect(formatChanges(changes)).toEqual(want);
  });

  it("no change, no summary", async () => {
    const changes = summariseChanges(base, await collectionFor(USERS_SPEC));
    expect(hasChanges(changes)).toBe(false);
    expect(formatChanges(changes)).toEqual([]);
  });

  it("a first generation lists every request as new, keyed by stable item ids", () => {
    const changes = summariseChanges(undefined, base);
    expect(formatChanges(changes)).toEqual(["  new collection: 4 requests"]);
    expect(changes.added.map((r) => r.key)).toEqual([
      "POST /register",
      "GET /users",
      "GET /users/{id}",
      "GET /reports/daily",
    ]);
    for (const ref of changes.added) expect(ref.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a file that is not a collection (empty, hand-broken) compares as a new one", () => {
    for (const previous of ["{}\n", "not json", "[]"]) {
      expect(summariseChanges(previous, base).created).toBe(true);
    }
  });
});
