import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runAgainstOwnMock } from "./own-mock";

// Every @readme/oas-examples spec (JSON, 2.0 to 3.1: readOnly/writeOnly, nullable,
// discriminators, polymorphism, only-4xx and 1xx answers, no answers, API keys, Basic, bearer,
// links) through the whole chain a user runs: generated collection, own mock, Newman.
const ROOT = "node_modules/@readme/oas-examples";
const SPECS = ["2.0", "3.0", "3.1"].flatMap((version) =>
  readdirSync(`${ROOT}/${version}/json`)
    .filter((file) => file.endsWith(".json"))
    .map((file) => `${version}/json/${file}`),
);
// Webhooks only: nothing to call, and generate says so (no-operations) instead of writing.
const NO_OPERATIONS = new Set(["3.1/json/webhooks.json"]);

describe("every @readme/oas-examples spec", () => {
  it.each(SPECS.filter((spec) => !NO_OPERATIONS.has(spec)))(
    "%s against the own mock: 0 failed assertions",
    async (spec) => {
      const run = await runAgainstOwnMock(`${ROOT}/${spec}`);
      expect(run.scriptErrors).toEqual([]);
      // No warning but specpost's notes (user tokens to set): no sample file Newman could not
      // load, no token renewed because the mock refused a request.
      expect(run.runWarnings.filter((line) => !line.startsWith("specpost:"))).toEqual([]);
      expect(run.failures).toEqual({});
    },
    120_000,
  );

  it.each([...NO_OPERATIONS])("%s: refused with a reason", async (spec) => {
    await expect(runAgainstOwnMock(`${ROOT}/${spec}`)).rejects.toThrow(/no operations under paths/);
  });
});
