import { describe, expect, it } from "vitest";
import { formatProblem } from "../../scripts/problems";
import { chainLinks } from "../../scripts/run/parts";
import { splitCollection, subCollection } from "../../scripts/run/shard";
import { lifecycleArazzo } from "../arazzo/workflow-spec";
import { runNewman } from "../collection/newman-run";
import { projectsSpec } from "./specs";
import { useStatefulProject } from "./stateful-project";

/**
 * A run split over shards or `--parallel` workers: a part's Cleanup can only delete what that
 * part created (its records are that Newman run's variables), so every part gets one.
 */
const stateful = useStatefulProject();

describe("Cleanup in a split run", () => {
  it("each of two parts cleans up what it created: the server holds nothing after both", async () => {
    const out = await stateful.generate((origin) => ({
      "specs/projects.yaml": projectsSpec(origin),
      "specs/projects.arazzo.yaml": lifecycleArazzo({ projectId: "p3" }),
    }));
    expect(out.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
    const collection = JSON.parse(out.files[0]?.content ?? "{}");
    const names = (collection.item as { name: string }[]).map((item) => item.name);
    if (!out.model) throw new Error("no model");
    const parts = splitCollection(collection, chainLinks(out.model), 2);
    const partNames = parts.map((part) => part.map((i) => names[i]));
    // The Workflows folder (what Cleanup has to delete) runs apart from the projects folder.
    expect(partNames.filter((part) => part.includes("Workflows"))).toHaveLength(1);
    // The projects part first, so the server issues the workflow's project p3, as in a serial run.
    const hasWorkflows = (part: number[]) => part.some((i) => names[i] === "Workflows");
    const workflowsLast = [...parts.filter((p) => !hasWorkflows(p)), ...parts.filter(hasWorkflows)];
    for (const part of workflowsLast) {
      const run = await runNewman(subCollection(collection, part));
      expect(run.failed.map((f) => `${f.item}: ${f.name}: ${f.message}`)).toEqual([]);
    }
    expect(stateful.api.hits.map((h) => `${h.method} ${h.path} ${h.status}`)).toContain(
      "DELETE /projects/p3 204",
    );
    expect(stateful.api.held()).toEqual([]);
    expect(partNames.filter((part) => part.length > 0).every((p) => p.at(-1) === "Cleanup")).toBe(
      true,
    );
  });
});
