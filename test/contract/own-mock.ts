import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCollection } from "../../scripts/collection/build";
import { buildEnvironments } from "../../scripts/collection/environments";
import { sampleFiles } from "../../scripts/collection/sample-files";
import { writeFiles } from "../../scripts/collection/write";
import { loadSpec } from "../../scripts/load/load";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, startMock } from "../../scripts/mock";
import { buildModel } from "../../scripts/model/build";
import { createSchemaRegistry } from "../../scripts/schema/registry";
import { runNewman } from "../collection/newman-run";
import { failed } from "./newman";

export interface OwnMockRun {
  requests: number;
  assertions: number;
  /** Failed assertion name → message. */
  failures: Record<string, string>;
  scriptErrors: string[];
  /** What the mock said about bodies it could not make valid. */
  mockWarnings: string[];
  /** Console warnings of the run (Newman's, a file it could not read among them). */
  runWarnings: string[];
}

/**
 * The whole chain a user runs with `specpost run` on a spec nobody here wrote: generated
 * collection, specpost's own mock, Newman. A failure here is the generator and the mock
 * disagreeing about the spec.
 */
export async function runAgainstOwnMock(file: string): Promise<OwnMockRun> {
  const loaded = await loadSpec(file, { cwd: process.cwd() });
  const why = (problems: { message: string }[]) => problems.map((p) => p.message).join("; ");
  if (!loaded.spec) throw new Error(`${file} does not load: ${why(loaded.problems)}`);
  const built = buildModel(loaded.spec);
  if (!built.model) throw new Error(`${file} does not model: ${why(built.problems)}`);
  const model = built.model;
  const collection = buildCollection(
    model,
    createSchemaRegistry(loaded.spec.document, loaded.spec.version),
  );
  // The sample files binary bodies upload, where `specpost generate` puts them.
  const outDir = await mkdtemp(join(tmpdir(), "specpost-own-mock-files-"));
  await writeFiles(sampleFiles(model, outDir));
  const mock = await startMock(model);
  // The generated mock environment (API keys, Basic and bearer demo values), as `specpost run`
  // uses it, with the running mock's own address on top.
  const mockEnvironment = buildEnvironments(model).find((e) => e.target === "mock");
  const demo = Object.fromEntries(
    (mockEnvironment?.environment.values ?? []).map((entry) => [entry.key, entry.value]),
  );
  try {
    const run = await runNewman(collection, {
      workingDir: join(outDir, "collections"),
      envVar: {
        ...demo,
        baseUrl: mock.baseUrl,
        tokenUrl: mock.tokenUrl ?? "",
        client_id: MOCK_CLIENT_ID,
        client_secret: MOCK_CLIENT_SECRET,
      },
    });
    return {
      requests: run.requests,
      assertions: run.assertions.length,
      failures: failed(run),
      scriptErrors: run.scriptErrors,
      mockWarnings: mock.warnings,
      runWarnings: run.warnings,
    };
  } finally {
    await mock.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
