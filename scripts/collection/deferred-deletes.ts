import type { ChainModel } from "../model/chain-types";
import type { OperationModel } from "../model/types";
import type { ChainPlan } from "./chains";
import { type IdSource, idKeys } from "./ids";
import { type FolderOf, isFolder } from "./types";

export const DEFERRED_FOLDER = "Deletes after later folders";

/**
 * DELETEs of an item that requests in a later folder still use (`DELETE /users/{id}` in
 * folder "users", `GET /users/{id}/messages` in "messages"): Newman runs folders in turn, so
 * in its own folder the delete would leave every such request a 404 (Graph: 3,222 of them)
 * or, with its variable cleared, skipped. They move to one folder after the operation folders,
 * deepest paths first (children before their parents). `sequence`: operations in run order.
 */
export function deferDeletes<I extends { id: string }>(
  top: ReadonlyArray<I | FolderOf<I>>,
  sequence: readonly OperationModel[],
  chains: ChainPlan,
  ids: IdSource,
): { top: Array<I | FolderOf<I>>; sequence: OperationModel[] } {
  type Node = I | FolderOf<I>;
  const at = new Map(sequence.map((op, i) => [op.key, i]));
  const consumers = new Map<string, ChainModel[]>();
  for (const chain of chains.active) {
    const list = consumers.get(chain.variable);
    if (list) list.push(chain);
    else consumers.set(chain.variable, [chain]);
  }
  const deferred = sequence.filter((op) => {
    const gone = chains.roles.get(op.key)?.gone ?? [];
    const mine = at.get(op.key) ?? 0;
    return gone.some((variable) =>
      (consumers.get(variable) ?? []).some(
        (c) => c.consumer !== op.key && (at.get(c.consumer) ?? -1) > mine,
      ),
    );
  });
  if (deferred.length === 0) return { top: [...top], sequence: [...sequence] };
  const depth = (op: OperationModel) => op.path.split("/").length;
  const moved = [...deferred].sort((a, b) => depth(b) - depth(a));
  const movedIds = new Set(moved.map((op) => ids.of(idKeys.operation(op.key))));
  const taken = new Map<string, I>();
  const without = (nodes: readonly Node[]): Node[] =>
    nodes.flatMap((node): Node[] => {
      if (isFolder(node)) {
        const item = without(node.item);
        return item.length > 0 ? [{ ...node, item }] : [];
      }
      if (!movedIds.has(node.id)) return [node];
      taken.set(node.id, node);
      return [];
    });
  const kept = without(top);
  const folder: FolderOf<I> = {
    id: ids.of("deferred-deletes"),
    name: DEFERRED_FOLDER,
    description:
      "DELETEs moved here from their tag folders: requests in later folders use what they delete, and Newman runs folders in turn. Deepest paths first.",
    item: moved.flatMap((op) => {
      const item = taken.get(ids.of(idKeys.operation(op.key)));
      return item ? [item] : [];
    }),
  };
  const keys = new Set(moved.map((op) => op.key));
  return {
    top: [...kept, folder],
    sequence: [...sequence.filter((op) => !keys.has(op.key)), ...moved],
  };
}
