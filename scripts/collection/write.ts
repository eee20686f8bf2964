import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string;
}

async function current(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Files whose content on disk differs from what would be written (missing ones included). */
export async function staleFiles(files: readonly OutputFile[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    if ((await current(file.path)) !== file.content) stale.push(file.path);
  }
  return stale;
}

export interface WriteOutcome {
  path: string;
  status: "written" | "unchanged" | "failed";
  /** Why a write failed (the system's one-line message). */
  error?: string;
}

/**
 * Writes each file through a temporary file in the same folder and a rename, so a reader (or
 * an interrupted run) sees the old file or the new one, never half of one. Files whose
 * content is already on disk are left alone.
 */
export async function writeFiles(files: readonly OutputFile[]): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const file of files) {
    if ((await current(file.path)) === file.content) {
      outcomes.push({ path: file.path, status: "unchanged" });
      continue;
    }
    const temp = `${file.path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(temp, file.content, "utf8");
      await rename(temp, file.path);
      outcomes.push({ path: file.path, status: "written" });
    } catch (error) {
      await rm(temp, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({ path: file.path, status: "failed", error: message.split("\n")[0] });
    }
  }
  return outcomes;
}
