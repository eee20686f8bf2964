import type { MockFaults, MockServer } from "../mock/types";
import type { ApiModel } from "../model/types";
import type { Problem } from "../problems";

export interface ModelLoad {
  model?: ApiModel;
  problems: Problem[];
}

export interface MockStart {
  port: number;
  tokenTtlSeconds?: number;
  faults?: MockFaults;
}

/** What the runner needs from the other stages; tests swap in their own. */
export interface RunDeps {
  loadModel(specFile: string, cwd: string): Promise<ModelLoad>;
  startMock(model: ApiModel, options: MockStart): Promise<MockServer>;
}

// Imported on first use: `specpost run --help` and usage errors need none of the pipeline.
export const defaultDeps: RunDeps = {
  async loadModel(specFile, cwd) {
    const [{ loadSpec }, { buildModel }] = await Promise.all([
      import("../spec/load"),
      import("../model/build"),
    ]);
    const loaded = await loadSpec(specFile, { cwd });
    if (!loaded.spec) return { problems: loaded.problems };
    const built = await buildModel(loaded.spec, {});
    return {
      problems: [...loaded.problems, ...built.problems],
      ...(built.model && { model: built.model }),
    };
  },
  async startMock(model, options) {
    const { startMock } = await import("../mock/server");
    return startMock(model, options);
  },
};
