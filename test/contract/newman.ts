import type { TokenRun } from "../collection/newman-run";

/** `name` of every failed assertion with its message, for readable expectations. */
export const failed = (run: Pick<TokenRun, "assertions">): Record<string, string> =>
  Object.fromEntries(run.assertions.filter((a) => !a.passed).map((a) => [a.name, a.message ?? ""]));

export const passedNames = (run: Pick<TokenRun, "assertions">): string[] =>
  run.assertions.filter((a) => a.passed).map((a) => a.name);
