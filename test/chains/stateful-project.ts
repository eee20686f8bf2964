import { afterEach } from "vitest";
import { generateSpec } from "../../scripts/pipeline";
import { type TempProject, tempProject } from "../overrides/helpers";
import { type StatefulApi, type StatefulOptions, startStatefulApi } from "./stateful-api";

export interface StatefulProject {
  /**
   * Starts the API, writes `files(origin)` into a fresh project and generates
   * `specs/projects.yaml` there, as `specpost generate` would.
   */
  generate(
    files: (origin: string) => Record<string, string>,
    options?: StatefulOptions,
  ): ReturnType<typeof generateSpec>;
  /** The API of the running test (after `generate`). */
  readonly api: StatefulApi;
  /** The project of the running test (after `generate`). */
  readonly project: TempProject;
}

/** A stateful API and a temp project per test, both closed by an afterEach this registers. */
export function useStatefulProject(): StatefulProject {
  let api: StatefulApi | undefined;
  let project: TempProject | undefined;
  afterEach(async () => {
    await api?.close();
    await project?.remove();
    api = undefined;
    project = undefined;
  });
  return {
    async generate(files, options = {}) {
      api = await startStatefulApi(options);
      project = await tempProject(files(api.origin));
      return generateSpec("specs/projects.yaml", {
        cwd: project.dir,
        model: {},
        outDir: project.dir,
      });
    },
    get api() {
      if (!api) throw new Error("generate() first");
      return api;
    },
    get project() {
      if (!project) throw new Error("generate() first");
      return project;
    },
  };
}
