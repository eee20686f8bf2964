import newman from "newman";

export interface Assertion {
  item: string;
  name: string;
  passed: boolean;
  /** pm.test.skip: neither passed nor failed. */
  skipped?: boolean;
  message?: string;
}

export interface TokenRun {
  assertions: Assertion[];
  failed: Assertion[];
  /** Names of the items whose request was actually sent, in order. */
  sent: string[];
  /** Every request sent, pm.sendRequest ones (token fetches) included. */
  requests: number;
  /** Script errors (exceptions outside pm.test): must stay empty. */
  scriptErrors: string[];
  /** Console output of the scripts, one entry per call. */
  console: string[];
  /** Collection variables after the run. */
  variables: Record<string, string>;
  /** What Newman's run summary counts as failures. */
  failures: number;
  /** console.warn and console.error lines of the scripts, in order. */
  warnings: string[];
}

interface ScriptEvent {
  event: { listen: string };
  execution?: { collectionVariables?: { toObject(): Record<string, unknown> } };
}

export interface TokenRunOptions {
  envVar?: Record<string, string>;
  delayRequest?: number;
  folder?: string;
  iterationCount?: number;
  /** Where the collection's file references resolve (`specpost run`: the collection's folder). */
  workingDir?: string;
}

/** Runs a collection in-process with no reporter and gathers what a user would see. */
export function runNewman(collection: object, options: TokenRunOptions = {}): Promise<TokenRun> {
  return new Promise((resolve, reject) => {
    const assertions: Assertion[] = [];
    const sent: string[] = [];
    const scriptErrors: string[] = [];
    const warnings: string[] = [];
    const consoleLines: string[] = [];
    let requests = 0;
    // Newman leaves summary.collection as it was; the live values travel with each script.
    let variables: Record<string, string> = {};
    newman
      .run(
        {
          collection: collection as never,
          reporters: [],
          envVar: Object.entries(options.envVar ?? {}).map(([key, value]) => ({ key, value })),
          ...(options.delayRequest === undefined ? {} : { delayRequest: options.delayRequest }),
          ...(options.folder === undefined ? {} : { folder: options.folder }),
          iterationCount: options.iterationCount ?? 1,
          ...(options.workingDir === undefined ? {} : { workingDir: options.workingDir }),
        },
        (error, summary) => {
          if (error) return reject(error);
          resolve({
            assertions,
            failed: assertions.filter((a) => !a.passed && !a.skipped),
            sent,
            requests,
            scriptErrors,
            console: consoleLines,
            variables,
            failures: summary.run.failures.length,
            warnings,
          });
        },
      )
      .on("request", (_error: Error | null, args: { item: { name?: string } }) => {
        requests += 1;
        // pm.sendRequest calls raise this event too, without an item name.
        if (args.item.name !== undefined) sent.push(args.item.name);
      })
      .on(
        "assertion",
        (
          error: Error | null,
          args: { assertion: string; skipped?: boolean; item: { name: string } },
        ) => {
          assertions.push(
            error
              ? {
                  item: args.item.name,
                  name: args.assertion,
                  passed: false,
                  message: error.message,
                }
              : args.skipped
                ? { item: args.item.name, name: args.assertion, passed: false, skipped: true }
                : { item: args.item.name, name: args.assertion, passed: true },
          );
        },
      )
      .on("script", (error: Error | null, args: ScriptEvent) => {
        if (error) scriptErrors.push(`${args.event.listen}: ${error.name}: ${error.message}`);
        const scope = args.execution?.collectionVariables;
        if (scope) variables = scope.toObject() as Record<string, string>;
      })
      .on("console", (_error: Error | null, args: { level: string; messages: unknown[] }) => {
        const line = args.messages.map(String).join(" ");
        consoleLines.push(`${args.level}: ${line}`);
        if (args.level === "warn" || args.level === "error") warnings.push(line);
      });
  });
}
