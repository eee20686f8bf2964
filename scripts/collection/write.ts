import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A file to write: its UTF-8 bytes in chunks (serialiseBytes), each movable to another thread. */
export interface WritableFile {
  /** Absolute path. */
  path: string;
  bytes: readonly Uint8Array[];
}

/** A generated file. */
export interface OutputFile extends WritableFile {
  /** The text, decoded from the bytes on each read (tests, change summaries). */
  readonly content: string;
}

export function outputFile(path: string, bytes: readonly Uint8Array[]): OutputFile {
  return {
    path,
    bytes,
    get content() {
      return Buffer.concat(bytes).toString("utf8");
    },
  };
}

/** Whether the file at `path` holds exactly `bytes` (no decoding; sizes first). */
export async function holds(path: string, bytes: readonly Uint8Array[]): Promise<boolean> {
  const size = bytes.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  try {
    if ((await stat(path)).size !== size) return false;
    const disk = await readFile(path);
    let offset = 0;
    for (const chunk of bytes) {
      if (!disk.subarray(offset, offset + chunk.byteLength).equals(chunk)) return false;
      offset += chunk.byteLength;
    }
    return offset === disk.byteLength;
  } catch {
    return false;
  }
}

/**
 * Files whose content on disk differs from what would be written (missing ones included), each
 * path once (specs share the sample files).
 */
export async function staleFiles(files: readonly WritableFile[]): Promise<string[]> {
  const stale: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    if (!(await holds(file.path, file.bytes))) stale.push(file.path);
  }
  return stale;
}

export interface WriteOutcome {
  path: string;
  status: "written" | "unchanged" | "failed";
  /** Why a write failed (the system's one-line message). */
  error?: string;
}

/** `NAME.<pid>-<hex>.tmp`: the pid says whether the run that staged it is still alive. */
const tempName = (path: string) => `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
const TEMP = /^\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes staging files a killed earlier run left beside `path` (SIGKILL gives no chance to
 * clean up); files of a run still going are left to it.
 */
async function removeStaleTemps(path: string): Promise<void> {
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(name)) continue;
    const match = TEMP.exec(entry.slice(name.length));
    if (!match || (match[1] && alive(Number(match[1])))) continue;
    await rm(join(dirname(path), entry), { force: true }).catch(() => undefined);
  }
}

/** Why `path` cannot be replaced by a file: it is a directory or something else that is not one. */
async function notAFile(path: string): Promise<string | undefined> {
  try {
    const stat = await lstat(path);
    if (stat.isDirectory())
      return `${path} is a directory; move it away or choose another --out-dir`;
    return stat.isFile() || stat.isSymbolicLink() ? undefined : `${path} is not a regular file`;
  } catch {
    return undefined;
  }
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/**
 * Writes one spec's files together: every changed file is first written to a temporary file
 * beside its target, and only when all of them are staged are they renamed into place. A
 * reader sees old or new files, never half of one, and a spec whose files cannot all be
 * staged changes nothing on disk. Files already up to date are left alone. `signal` aborted
 * while staging (SIGINT/SIGTERM): the temporary files are removed, nothing is renamed, and
 * the outcomes are empty. A target that is a directory fails the spec before anything is
 * staged, and staging files left by an earlier killed run are removed.
 */
export async function writeFiles(
  files: readonly WritableFile[],
  signal?: AbortSignal,
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  const staged: Array<{ path: string; temp: string }> = [];
  let failure: { path: string; error: string } | undefined;
  for (const file of files) {
    if (signal?.aborted) break;
    await removeStaleTemps(file.path);
    const blocked = await notAFile(file.path);
    if (blocked) {
      failure = { path: file.path, error: blocked };
      break;
    }
    if (await holds(file.path, file.bytes)) {
      outcomes.push({ path: file.path, status: "unchanged" });
      continue;
    }
    const temp = tempName(file.path);
    try {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(temp, file.bytes);
      staged.push({ path: file.path, temp });
    } catch (error) {
      failure = { path: file.path, error: firstLine(error) };
      // Best effort: when the folder itself is the problem there is no temp file to remove.
      await rm(temp, { force: true }).catch(() => undefined);
      break;
    }
  }
  if (failure || signal?.aborted) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true }).catch(() => undefined)));
    return failure ? [{ path: failure.path, status: "failed", error: failure.error }] : [];
  }
  for (const { path, temp } of staged) {
    try {
      await rename(temp, path);
      outcomes.push({ path, status: "written" });
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      outcomes.push({ path, status: "failed", error: firstLine(error) });
    }
  }
  return outcomes;
}
