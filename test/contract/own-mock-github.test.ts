import { describe, expect, it } from "vitest";
import { runAgainstOwnMock } from "./own-mock";

// GitHub's whole REST spec (1,200 requests, minutes on a shared machine) against specpost's
// own mock: slow, so it runs only when asked, with `npm run test:slow`. own-mock.test.ts runs
// the operations where the two used to disagree on every `npx vitest run`.
const GITHUB = "node_modules/@octokit/openapi/generated/api.github.com.json";

describe.runIf(process.env.SPECPOST_SLOW_TESTS === "1")("GitHub's REST spec", () => {
  it("the generated collection run against specpost's own mock: 0 failed assertions", async () => {
    const run = await runAgainstOwnMock(GITHUB);
    expect(run.scriptErrors).toEqual([]);
    expect(run.failures).toEqual({});
    expect(run.requests).toBeGreaterThan(1000);
  }, 900_000);
});
