import { describe, expect, it } from "vitest";
import { nameChains } from "../../scripts/model/chains";
import type { ChainCandidate } from "../../scripts/model/links";

const candidate = (producer: string, hint: string, consumer = `GET ${producer}/x`) =>
  ({
    producer,
    source: { from: "body", pointer: ["id"] },
    expression: "$response.body#/id",
    consumer,
    target: { in: "path", name: "id" },
    hint,
  }) satisfies ChainCandidate;

describe("nameChains", () => {
  it("gives each value its own variable: the hint, then _2, _3 … skipping names taken", () => {
    const taken = new Map([["taskId_3", "POST /elsewhere $response.body#/id"]]);
    const names = nameChains(
      [
        candidate("POST /a/tasks", "taskId"),
        candidate("POST /b/tasks", "taskId"),
        candidate("POST /a/tasks", "taskId", "DELETE /a/tasks/x"),
        candidate("POST /c/tasks", "taskId"),
        candidate("POST /d/tasks", "taskId"),
        candidate("POST /e/tasks", "taskId_2"),
      ],
      "inferred",
      taken,
    ).map((chain) => chain.variable);
    // The same producer and expression share one variable; taskId_3 was a link's already.
    expect(names).toEqual(["taskId", "taskId_2", "taskId", "taskId_4", "taskId_5", "taskId_2_2"]);
  });
});
