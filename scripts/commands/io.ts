/**
 * What a command may touch of the outside world. Tests pass their own to capture
 * output; only `cli.ts` builds one from `process`.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Read once by the command to resolve its options; library code never reads process.env. */
  env: Record<string, string | undefined>;
  /** Whether a person watches: live progress lines instead of periodic ones. */
  isTTY?: boolean;
  /** Replaces the one live status line on a TTY; "" clears it. */
  statusLine?(text: string): void;
  /** The clock progress displays read (tests pass a fake one). */
  now?(): number;
}
