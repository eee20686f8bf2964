import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWatch, type WatchHandle } from "../../scripts/watch/watch";
import { type TempProject, tempProject } from "../overrides/helpers";
import { sleep, waitFor } from "./wait";

/** The watch loop on real file-system events in a temporary folder. */
let project: TempProject;
let handle: WatchHandle | undefined;
beforeEach(async () => {
  project = await tempProject({ "specs/a.yaml": "a: 1\n", "specs/notes.txt": "x\n" });
});
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  await project.remove();
});

function recorder(inputs: () => string[], fail?: (run: number) => boolean) {
  const runs: string[][] = [];
  return {
    runs,
    async run(changed: readonly string[]) {
      runs.push([...changed]);
      if (fail?.(runs.length)) throw new Error(`run ${runs.length} failed`);
      return inputs();
    },
  };
}

describe("startWatch", () => {
  it("runs once, then again after a watched file changes, with the changed path", async () => {
    const file = join(project.dir, "specs/a.yaml");
    const rec = recorder(() => [file]);
    handle = await startWatch({ run: rec.run, debounceMs: 50 });
    expect(rec.runs).toEqual([[]]);

    await project.write("specs/a.yaml", "a: 2\n");
    await waitFor("a second run", () => rec.runs.length === 2);
    expect(rec.runs[1]).toEqual([file]);
  });

  it("debounces a burst of saves into one run", async () => {
    const file = join(project.dir, "specs/a.yaml");
    const rec = recorder(() => [file]);
    handle = await startWatch({ run: rec.run, debounceMs: 500 });
    for (let i = 0; i < 5; i++) {
      await project.write("specs/a.yaml", `a: ${i}\n`);
      await sleep(20);
    }
    await waitFor("the debounced run", () => rec.runs.length === 2);
    await sleep(800);
    expect(rec.runs).toHaveLength(2);
  });

  it("notices new files in a watched folder, and ignores what it is told to ignore", async () => {
    const folder = join(project.dir, "specs");
    const rec = recorder(() => []);
    handle = await startWatch({
      run: rec.run,
      folders: [folder],
      ignore: (path) => path.endsWith(".txt"),
      debounceMs: 50,
    });
    await project.write("specs/notes.txt", "changed\n");
    await project.write("specs/b.overrides.yaml", "order: []\n");
    await waitFor("a run for the new file", () => rec.runs.length === 2);
    expect(rec.runs[1]).toEqual([join(folder, "b.overrides.yaml")]);
  });

  it("survives a run that throws: the error is reported and the next change runs again", async () => {
    const file = join(project.dir, "specs/a.yaml");
    const errors: string[] = [];
    const rec = recorder(
      () => [file],
      (run) => run === 2,
    );
    handle = await startWatch({
      run: rec.run,
      debounceMs: 50,
      onError: (error) => errors.push((error as Error).message),
    });
    await project.write("specs/a.yaml", "a: 2\n");
    await waitFor("the failing run", () => errors.length === 1);
    expect(errors).toEqual(["run 2 failed"]);
    await project.write("specs/a.yaml", "a: 3\n");
    await waitFor("a run after the failure", () => rec.runs.length === 3);
  });

  it("close() stops it: later changes run nothing", async () => {
    const file = join(project.dir, "specs/a.yaml");
    const rec = recorder(() => [file]);
    const watch = await startWatch({ run: rec.run, debounceMs: 50 });
    await watch.close();
    await project.write("specs/a.yaml", "a: 9\n");
    await sleep(400);
    expect(rec.runs).toHaveLength(1);
  });
});
