import type { TokenRun } from "../collection/newman-run";

/** `name` of every failed assertion (skipped ones aside) with its message, for expectations. */
export const failed = (run: Pick<TokenRun, "assertions">): Record<string, string> =>
  Object.fromEntries(
    run.assertions.filter((a) => !a.passed && !a.skipped).map((a) => [a.name, a.message ?? ""]),
  );

export const passedNames = (run: Pick<TokenRun, "assertions">): string[] =>
  run.assertions.filter((a) => a.passed).map((a) => a.name);
