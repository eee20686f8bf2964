import type { ChainModel } from "../model/chain-types";
import { targetText } from "../model/chain-types";
import type { ApiModel, OperationModel } from "../model/types";
import { type Problem, problem } from "../problems";
import { misorderedChains } from "./chain-order";

const MAX_WARNINGS = 20;

const where = (folder: string | undefined) =>
  folder === undefined ? "at the top level" : `in folder "${folder}"`;

/**
 * Warnings for chains the collection runs out of order: Newman runs folders one after another,
 * so a consumer in an earlier folder than its producer is skipped on every run. Located at the
 * consumer operation; at most 20, then one line with the count.
 */
export function chainOrderProblems(
  model: ApiModel,
  sequence: readonly OperationModel[],
  chains: readonly ChainModel[],
): Problem[] {
  const misordered = misorderedChains(sequence, chains);
  const pointerOf = new Map(model.operations.map((op) => [op.key, op.pointer]));
  const out = misordered.slice(0, MAX_WARNINGS).map(({ chain, consumerFolder, producerFolder }) => {
    const why =
      consumerFolder !== producerFolder
        ? `it runs ${where(consumerFolder)}, before its producer ${chain.producer} ${where(producerFolder)}, and folders run in turn`
        : "the chains around it form a cycle";
    return problem(
      "chain-order",
      "warning",
      model.spec.file,
      `${chain.consumer} ${targetText(chain.target)} takes {{${chain.variable}}} from ${chain.producer}, but ${why}: it will be skipped. Give both the same first tag, or switch the chain off with \`chains:\` in the overrides file.`,
      pointerOf.get(chain.consumer),
    );
  });
  out.push(...deletedFirst(model, sequence, chains, pointerOf));
  if (misordered.length > MAX_WARNINGS) {
    out.push(
      problem(
        "chain-order",
        "warning",
        model.spec.file,
        `… and ${misordered.length - MAX_WARNINGS} more chains whose consumer runs before its producer.`,
      ),
    );
  }
  return out;
}

/**
 * Consumers that run after the DELETE of the very resource they use (`DELETE /shipments/{id}`
 * in folder "Group 1", `GET /shipments/{id}/customers` in "Group 2"): folders run in turn, so
 * within a folder the delete comes last, but across folders it cannot wait, and each such
 * consumer fails with a 404. Located at the consumer; at most 20.
 */
function deletedFirst(
  model: ApiModel,
  sequence: readonly OperationModel[],
  chains: readonly ChainModel[],
  pointerOf: ReadonlyMap<string, string | undefined>,
): Problem[] {
  const at = new Map(sequence.map((op, i) => [op.key, { i, op }]));
  // The DELETE that removes what {{variable}} names: the variable is its last path segment.
  const deletes = new Map<string, { i: number; op: OperationModel }>();
  for (const chain of chains) {
    const end = at.get(chain.consumer);
    if (end?.op.method !== "delete" || chain.target.in !== "path") continue;
    if (end.op.path.split("/").at(-1) !== `{${chain.target.name}}`) continue;
    const known = deletes.get(chain.variable);
    if (!known || end.i < known.i) deletes.set(chain.variable, end);
  }
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const chain of chains) {
    const remove = deletes.get(chain.variable);
    const consumer = at.get(chain.consumer);
    if (!remove || !consumer || consumer.i <= remove.i || seen.has(chain.consumer)) continue;
    seen.add(chain.consumer);
    if (out.length === MAX_WARNINGS) break;
    out.push(
      problem(
        "chain-order",
        "warning",
        model.spec.file,
        `${chain.consumer} takes {{${chain.variable}}} from ${chain.producer}, but it runs ${where(consumer.op.tag)}, after ${remove.op.key} ${where(remove.op.tag)} deletes that resource, and folders run in turn: it will be skipped (the DELETE clears {{${chain.variable}}}). Give them the same first tag.`,
        pointerOf.get(chain.consumer),
      ),
    );
  }
  return out;
}
