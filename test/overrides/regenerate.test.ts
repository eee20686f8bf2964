import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { idKeys, idSource } from "../../scripts/collection/ids";
import { runCli } from "../golden/run-cli";
import { request, type TempProject, tempProject } from "./helpers";
import { blockOf, lineDiff } from "./line-diff";

/**
 * The promise of overrides: the real ELCIES spec and its real overrides file, regenerated
 * after a spec change, keep every user addition, and the collection file's diff stays inside
 * the request the spec change is about.
 */
const ROOT = join(import.meta.dirname, "../..");
const NAME = "elcies-health-data-aggregator";
const COLLECTION = `collections/${NAME}.postman_collection.json`;
const itemId = (key: string) =>
  idSource("ELCIES Health Data Aggregator API").of(idKeys.operation(key));

let project: TempProject;
let spec: string;
beforeEach(async () => {
  spec = await readFile(join(ROOT, "specs", `${NAME}.yaml`), "utf8");
  project = await tempProject({
    [`specs/${NAME}.yaml`]: spec,
    [`specs/${NAME}.overrides.yaml`]: await readFile(
      join(ROOT, "specs", `${NAME}.overrides.yaml`),
      "utf8",
    ),
  });
  const first = await runCli(["generate"], project.dir);
  expect(first.code, first.stderr).toBe(0);
});
afterEach(() => project.remove());

/** What the overrides file adds, as a user would check it in the collection. */
function expectUserAdditions(collection: string) {
  const connected = request(collection, "connectedservice");
  const tests = connected.event?.find((e) => e.listen === "test")?.script.exec.join("\n") ?? "";
  expect(tests).toContain('const SPECPOST_SET = [{"name":"callbackurl"');
  expect(tests).toContain("the connect URL is an absolute https URL");
  expect(connected.request?.url.raw).toBe("{{baseUrl}}/connectedservice?ExternalUserId=90001");
  const userlist = request(collection, "User");
  const userTests = userlist.event?.find((e) => e.listen === "test")?.script.exec.join("\n");
  expect(userTests).toContain("the registered user is listed with its connect URL");
  expect(request(collection, "Get a user's tile data").request?.url.raw).toContain(
    "ExternalUserId=90001",
  );
  const variables = (JSON.parse(collection) as { variable: Array<{ key: string }> }).variable;
  expect(variables.map((v) => v.key)).toContain("callbackurl");
}

/**
 * Changed lines that belong to neither the operation's request nor its line of contract data
 * (the collection test script keys that data by item id, one line per operation).
 */
function outside(text: string, lines: number[], operation: string): string[] {
  const id = itemId(operation);
  const block = blockOf(text, id);
  const all = text.split("\n");
  return lines
    .filter((n) => n < block.first || n > block.last)
    .map((n) => all[n - 1] ?? "")
    .filter((line) => !line.trimStart().startsWith(`"  \\"${id}\\": '`));
}

const CHANGES = [
  {
    name: "an example value of one parameter",
    operation: "GET /tiles/{tile}",
    edit: (s: string) =>
      s.replace(
        'format: date\n          example: "2026-11-01"',
        'format: date\n          example: "2026-11-02"',
      ),
    summary:
      /~ GET \/tiles\/\{tile\} \(Get a user's tile data\): parameters \(query date: "2026-11-01" \(off\) → "2026-11-02" \(off\)\)\n/,
  },
  {
    name: "a new required query parameter",
    operation: "GET /useractiveservice",
    edit: (s: string) =>
      s.replace(
        "          example: 10001\n",
        '          example: 10001\n        - name: since\n          in: query\n          required: true\n          schema: { type: string, format: date }\n          example: "2026-10-01"\n',
      ),
    summary: /~ GET \/useractiveservice \(User active services\): parameters \(\+query since\)\n/,
  },
  {
    name: "a newly documented status",
    operation: "GET /useractiveservice",
    edit: (s: string) =>
      s.replace(
        "          example: 10001\n      responses:\n",
        '          example: 10001\n      responses:\n        "404":\n          description: No such user.\n',
      ),
    summary: /~ GET \/useractiveservice \(User active services\): responses \(\+404\)\n/,
  },
];

describe("regenerating after a spec change", () => {
  it.each(CHANGES)(
    "$name: user additions stay, the diff stays inside that request",
    async ({ operation, edit, summary }) => {
      const before = await project.read(COLLECTION);
      expectUserAdditions(before);

      const changed = edit(spec);
      expect(changed).not.toBe(spec);
      await project.write(`specs/${NAME}.yaml`, changed);
      const check = await runCli(["generate", "--check"], project.dir);
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(summary);

      const again = await runCli(["generate"], project.dir);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(summary);
      const after = await project.read(COLLECTION);
      expectUserAdditions(after);

      const diff = lineDiff(before, after);
      expect(diff.removed.length + diff.added.length).toBeGreaterThan(0);
      expect(outside(before, diff.removed, operation)).toEqual([]);
      expect(outside(after, diff.added, operation)).toEqual([]);
    },
  );

  it("a third run changes nothing and says so", async () => {
    const result = await runCli(["generate"], project.dir);
    expect(result.stdout).toContain(`unchanged ${COLLECTION}`);
    expect(result.stdout).not.toMatch(/^ {2}[~+-] /m);
    expect((await runCli(["generate", "--check"], project.dir)).code).toBe(0);
  });

  it("removing an override removes only what it added", async () => {
    const before = await project.read(COLLECTION);
    const overrides = await project.read(`specs/${NAME}.overrides.yaml`);
    const without = overrides.replace(/ {2}getUserTile:\n(?: {4}.*\n)+/, "");
    expect(without).not.toBe(overrides);
    await project.write(`specs/${NAME}.overrides.yaml`, without);
    const result = await runCli(["generate"], project.dir);
    expect(result.stdout).toMatch(
      /~ GET \/tiles\/\{tile\} \(Get a user's tile data\): parameters \(query ExternalUserId: "90001" → "10001"\)\n/,
    );
    const after = await project.read(COLLECTION);
    const diff = lineDiff(before, after);
    expect(diff.removed.length).toBeGreaterThan(0);
    expect(outside(before, diff.removed, "GET /tiles/{tile}")).toEqual([]);
    expect(outside(after, diff.added, "GET /tiles/{tile}")).toEqual([]);
  });
});
