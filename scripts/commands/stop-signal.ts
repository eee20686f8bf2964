/**
 * Resolves when the process is asked to stop (Ctrl-C or SIGTERM), so a long-running command
 * (mock server, watch mode) can close what it opened and return its exit code.
 */
export function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
