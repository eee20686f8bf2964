import newman from "newman";

/** One pm.test result as a person reads it in the run output. */
export interface AssertionResult {
  /** Item (request) name. */
  item: string;
  name: string;
  passed: boolean;
  /** Failure message; absent when the assertion passed. */
  message?: string;
}

export interface RunResult {
  assertions: AssertionResult[];
  /** Script errors (a thrown exception outside pm.test, a syntax error): must stay empty. */
  scriptErrors: string[];
  /** Console output of the scripts, one entry per call. */
  console: string[];
  requests: number;
}

export interface RunOptions {
  envVar?: Record<string, string>;
  iterationCount?: number;
}

/** Runs a collection with Newman in-process, no reporters, and collects what the scripts said. */
export function runCollection(collection: object, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const assertions: AssertionResult[] = [];
    const scriptErrors: string[] = [];
    const consoleLines: string[] = [];
    let requests = 0;
    newman
      .run(
        {
          collection: collection as never,
          reporters: [],
          envVar: Object.entries(options.envVar ?? {}).map(([key, value]) => ({ key, value })),
          iterationCount: options.iterationCount ?? 1,
        },
        (error) => {
          if (error) reject(error);
          else resolve({ assertions, scriptErrors, console: consoleLines, requests });
        },
      )
      .on("request", () => {
        requests += 1;
      })
      .on(
        "assertion",
        (error: Error | null, args: { assertion: string; item: { name: string } }) => {
          assertions.push(
            error
              ? {
                  item: args.item.name,
                  name: args.assertion,
                  passed: false,
                  message: error.message,
                }
              : { item: args.item.name, name: args.assertion, passed: true },
          );
        },
      )
      .on("script", (error: Error | null, args: { event: { listen: string } }) => {
        if (error) scriptErrors.push(`${args.event.listen}: ${error.name}: ${error.message}`);
      })
      .on("console", (_error: Error | null, args: { level: string; messages: unknown[] }) => {
        consoleLines.push(`${args.level}: ${args.messages.map(String).join(" ")}`);
      });
  });
}

/** `name` of every failed assertion with its message, for readable expectations. */
export const failed = (run: RunResult): Record<string, string> =>
  Object.fromEntries(run.assertions.filter((a) => !a.passed).map((a) => [a.name, a.message ?? ""]));

export const passedNames = (run: RunResult): string[] =>
  run.assertions.filter((a) => a.passed).map((a) => a.name);
