import type { SpecProgress } from "../pipeline";
import type { RunProgress } from "../run/parts";
import type { Io } from "./io";

/** A TTY line is repainted at most this often; more only costs the terminal. */
const TTY_REPAINT_MS = 100;

export interface ProgressDisplay {
  update(progress: RunProgress): void;
  /** Clears the live line (TTY) before the summary prints. */
  end(): void;
}

/**
 * `run`'s progress: on a TTY one live line (done/total, failures so far, ETA) repainted in
 * place; elsewhere (CI logs) a plain line at most every `everyMs`, none for a run shorter
 * than that. `everyMs` 0 turns it off.
 */
export function progressDisplay(io: Io, everyMs: number): ProgressDisplay {
  const now = io.now ?? Date.now;
  const tty = io.statusLine !== undefined && io.isTTY === true;
  let startedAt = now();
  let last = startedAt;
  let current = "";
  let shown = false;
  return {
    update(progress) {
      if (everyMs === 0) return;
      const at = now();
      if (progress.done === 0) {
        if (progress.collection !== current) startedAt = last = at;
        current = progress.collection;
        return;
      }
      const finished = progress.done >= progress.total;
      if (tty) {
        if (at - last < TTY_REPAINT_MS && !finished) return;
        last = at;
        shown = true;
        io.statusLine?.(progressLine(progress, at - startedAt));
        return;
      }
      if (at - last < everyMs) return;
      last = at;
      io.stdout(`${progressLine(progress, at - startedAt)}\n`);
    },
    end() {
      if (shown) io.statusLine?.("");
      shown = false;
    },
  };
}

export function progressLine(progress: RunProgress, elapsedMs: number): string {
  const { collection, done, total, failed } = progress;
  const left = Math.max(0, total - done);
  const eta = done > 0 && left > 0 ? `, ETA ${duration((elapsedMs / done) * left)}` : "";
  return `${collection}: ${done}/${total} requests, ${failed} failed, ${duration(elapsedMs)} elapsed${eta}`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

/** `generate` says nothing for a spec done sooner than this. */
const GENERATE_QUIET_MS = 1_000;

/**
 * `generate`'s progress on a TTY: once a generation has taken a second, a live line with the
 * spec it is on and the time so far, repainted each second; cleared when it ends. Nothing
 * without a TTY (a CI log gets the result lines only).
 */
export function generateProgress(io: Io, show: (file: string) => string) {
  const now = io.now ?? Date.now;
  const startedAt = now();
  let current: SpecProgress | undefined;
  let shown = false;
  const paint = () => {
    const elapsed = now() - startedAt;
    if (!current || elapsed < GENERATE_QUIET_MS) return;
    shown = true;
    const count = current.total > 1 ? ` (${current.index + 1}/${current.total})` : "";
    io.statusLine?.(`generating ${show(current.spec)}${count}, ${duration(elapsed)}`);
  };
  const tty = io.statusLine !== undefined && io.isTTY === true;
  const timer = tty ? setInterval(paint, GENERATE_QUIET_MS) : undefined;
  timer?.unref();
  return {
    onSpec(progress: SpecProgress) {
      current = progress;
      if (tty) paint();
    },
    end() {
      if (timer) clearInterval(timer);
      if (shown) io.statusLine?.("");
    },
  };
}
