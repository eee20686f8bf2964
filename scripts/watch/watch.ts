import { dirname, resolve } from "node:path";
import { type FSWatcher, watch } from "chokidar";

export interface WatchOptions {
  /**
   * One regeneration. `changed` holds the absolute paths that changed since the last run
   * (empty for the first). Returns every file the run read, absolute: those are watched next.
   */
  run(changed: readonly string[]): Promise<readonly string[]>;
  /** Folders watched for new or changed files (not recursive): a new spec or overrides file. */
  folders?: readonly string[];
  /** Paths whose events never trigger a run (the output folders, temporary files). */
  ignore?(path: string): boolean;
  /** Quiet time after the last event before a run starts (editors save in bursts). */
  debounceMs?: number;
  /** A run that threw, or the watcher failing; the watch goes on. */
  onError?(error: unknown): void;
}

export interface WatchHandle {
  /** Stops watching; resolves once the watcher is closed and any run under way has ended. */
  close(): Promise<void>;
  /** Resolves when the runs so far (and one triggered by pending events) have finished. */
  idle(): Promise<void>;
}

/**
 * Runs once, then again whenever a file the last run read, or a file in `folders`, changes:
 * debounced, one run at a time (events during a run start one more run after it), errors
 * reported and survived.
 */
export async function startWatch(options: WatchOptions): Promise<WatchHandle> {
  const debounceMs = options.debounceMs ?? 150;
  const folders = (options.folders ?? []).map((f) => resolve(f));
  let watched = new Set<string>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let watcher: FSWatcher | undefined;
  const waiters: Array<() => void> = [];

  const settle = () => {
    if (running || timer || pending.size > 0) return;
    for (const wake of waiters.splice(0)) wake();
  };

  const follow = (inputs: readonly string[]) => {
    const next = new Set(inputs.map((p) => resolve(p)));
    const added = [...next].filter((p) => !watched.has(p));
    // A file inside a watched folder stays watched with it: unwatching would mute the folder's
    // events for that path.
    const dropped = [...watched].filter(
      (p) => !next.has(p) && !folders.includes(p) && !folders.includes(dirname(p)),
    );
    watched = next;
    if (!watcher) return;
    if (added.length > 0) watcher.add(added);
    if (dropped.length > 0) watcher.unwatch(dropped);
  };

  const runNow = async (changed: string[]) => {
    try {
      follow(await options.run(changed));
    } catch (error) {
      options.onError?.(error);
    }
  };

  const fire = () => {
    timer = undefined;
    if (closed) return;
    if (running) return; // the run under way starts the next one when it ends
    const changed = [...pending].sort();
    pending = new Set();
    running = runNow(changed).finally(() => {
      running = undefined;
      if (pending.size > 0 && !closed) schedule();
      settle();
    });
  };

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  }

  const onEvent = (path: string) => {
    const absolute = resolve(path);
    if (closed || options.ignore?.(absolute)) return;
    pending.add(absolute);
    schedule();
  };

  running = runNow([]).finally(() => {
    running = undefined;
  });
  await running;

  watcher = watch([...folders, ...watched], {
    ignoreInitial: true,
    depth: 0,
    // Editors that save by writing a temporary file and renaming it look like one change.
    atomic: true,
  });
  watcher.on("add", onEvent).on("change", onEvent).on("unlink", onEvent);
  watcher.on("error", (error) => options.onError?.(error));
  await new Promise<void>((ready) => watcher?.once("ready", () => ready()));

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
      await watcher?.close();
      await running;
      settle();
    },
    idle() {
      return new Promise<void>((wake) => {
        waiters.push(wake);
        settle();
      });
    },
  };
}
