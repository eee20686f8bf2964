// Regenerates test/golden/expected from test/golden/specs: `npx tsx test/golden/update.ts`.
// Review the diff before committing: every change in it is a change users will see.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { EXPECTED_DIR, GOLDEN_DIR, goldenCases } from "./cases";
import { runCli } from "./run-cli";

await rm(EXPECTED_DIR, { recursive: true, force: true });
let failed = false;
for (const { spec, args } of goldenCases()) {
  const result = await runCli(
    ["generate", join("specs", spec), "--out-dir", EXPECTED_DIR, ...args],
    GOLDEN_DIR,
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  failed ||= result.code !== 0;
}
process.exitCode = failed ? 1 : 0;
