/**
 * Resolves when the process is asked to stop (Ctrl-C or SIGTERM), so a long-running command
 * (mock server, watch mode, a generation) can close what it opened and return its exit code.
 * `done` aborted: the listeners are removed and the promise never resolves.
 */
export function stopSignal(done?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const off = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
    function stop(signal: string) {
      off();
      resolve(signal);
    }
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    done?.addEventListener("abort", off, { once: true });
  });
}

/** The shell's convention for a process ended by a signal: 128 + its number. */
export function exitCodeOfSignal(signal: unknown): number {
  return signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 1;
}
