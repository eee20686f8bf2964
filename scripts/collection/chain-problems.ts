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
