import type { MockFaults, MockServer } from "../mock/types";
import type { ApiModel, ModelOptions } from "../model/types";
import type { ModelOutcome } from "../pipeline";

export interface MockStart {
  port: number;
  tokenTtlSeconds?: number;
  stateless?: boolean;
  faults?: MockFaults;
}

/** What the runner needs from the other stages; tests swap in their own. */
export interface RunDeps {
  /** The pipeline's load + model stages, with the options recorded in the collection. */
  loadModel(
    specFile: string,
    cwd: string,
    options: ModelOptions,
    load?: { allowOutsideRefs?: boolean },
  ): Promise<ModelOutcome>;
  startMock(model: ApiModel, options: MockStart): Promise<MockServer>;
}

// Imported on first use: `specpost run --help` and usage errors need none of the pipeline.
export const defaultDeps: RunDeps = {
  async loadModel(specFile, cwd, options, load = {}) {
    const { loadModel } = await import("../pipeline");
    return loadModel(specFile, { cwd, model: options, ...load });
  },
  async startMock(model, options) {
    const { startMock } = await import("../mock/server");
    return startMock(model, options);
  },
};
