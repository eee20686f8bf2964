import type { ApiModel, AuthModel, OperationModel } from "../model/types";
import { dependencyOrder } from "./chain-order";
import { type ChainPlan, chainPrerequestLines } from "./chains";
import type { CleanupResource } from "./cleanup";
import { contractPrerequestLines } from "./contract-lines";
import type { RequestContract } from "./contracts";
import { type IdSource, idKeys } from "./ids";
import { operationRequest } from "./request";
import { applySecurity } from "./request-auth";
import { savedResponses } from "./responses";
import {
  type CollectionAdditions,
  type FolderOf,
  isFolder,
  type PostmanEvent,
  type PostmanItem,
} from "./types";

export function operationItem(
  operation: OperationModel,
  ids: IdSource,
  auth: AuthModel,
  userEvents: PostmanEvent[] = [],
  contract?: RequestContract,
  chainLines: string[] = [],
): PostmanItem {
  const request = operationRequest(operation);
  applySecurity(request, operation, auth);
  const item: PostmanItem = {
    id: ids.of(idKeys.operation(operation.key)),
    name: operation.name,
    request,
    response: savedResponses(operation, request, ids),
  };
  const own = [...(contract ? contractPrerequestLines(contract) : []), ...chainLines];
  const events = own.length > 0 ? withPrerequest(userEvents, own) : userEvents;
  if (events.length > 0) item.event = events;
  return item;
}

/**
 * `lines` first in the item's one pre-request script, the user's own lines after them: Postman
 * shows a single script per kind, so a second pre-request event would be hidden there.
 */
function withPrerequest(events: PostmanEvent[], lines: string[]): PostmanEvent[] {
  const own = events.find((event) => event.listen === "prerequest");
  const merged: PostmanEvent = {
    listen: "prerequest",
    script: { type: "text/javascript", exec: [...lines, ...(own?.script.exec ?? [])] },
  };
  return [merged, ...events.filter((event) => event !== own)];
}

/** Operations in run order: by rank where the user gave one (stable), else spec order. */
function inRunOrder(
  operations: readonly OperationModel[],
  rank: ReadonlyMap<string, number> | undefined,
): OperationModel[] {
  if (!rank || rank.size === 0) return [...operations];
  const at = (op: OperationModel, index: number) => rank.get(op.key) ?? operations.length + index;
  return operations
    .map((op, index) => ({ op, order: at(op, index), index }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((entry) => entry.op);
}

/**
 * How an operation's item goes into the tree: built at once, or (renderModel) as a stand-in
 * the serialiser builds when it gets there, so that 10,000 items never all live at once.
 * Only the id is read before then.
 */
export type PlaceItem<I extends { id: string }> = (id: string, build: () => PostmanItem) => I;

export interface OperationInputs {
  model: ApiModel;
  ids: IdSource;
  additions: CollectionAdditions | undefined;
  chains: ChainPlan;
  contracts: ReadonlyMap<string, RequestContract>;
  created: readonly CleanupResource[];
}

/**
 * Operations in run order (spec order unless the user ranked them); a tagged one goes into its
 * first tag's folder, and a folder sits where its first operation would. Run order is kept
 * over tag order.
 */
export function operationItems<I extends { id: string }>(
  inputs: OperationInputs,
  place: PlaceItem<I>,
): { top: Array<I | FolderOf<I>>; sequence: OperationModel[] } {
  const { model, ids, additions, chains, contracts, created } = inputs;
  const top: Array<I | FolderOf<I>> = [];
  const folders = new Map<string, FolderOf<I>>();
  const byFolder = new Map<string, OperationModel[]>();
  const atTop = new Map<string, OperationModel>();
  const ordered = dependencyOrder(inRunOrder(chains.operations, additions?.rank), chains.active);
  for (const operation of ordered) {
    const id = ids.of(idKeys.operation(operation.key));
    const item = place(id, () =>
      operationItem(
        operation,
        ids,
        model.auth,
        additions?.events.get(operation.key),
        contracts.get(operation.key),
        chainPrerequestLines(chains, operation.key, created),
      ),
    );
    if (operation.tag === undefined) {
      atTop.set(id, operation);
      top.push(item);
      continue;
    }
    let folder = folders.get(operation.tag);
    if (!folder) {
      const description = model.tags.find((t) => t.name === operation.tag)?.description;
      folder = { id: ids.of(idKeys.folder(operation.tag)), name: operation.tag, item: [] };
      if (description) folder.description = description;
      folders.set(operation.tag, folder);
      top.push(folder);
    }
    folder.item.push(item);
    const inFolder = byFolder.get(operation.tag);
    if (inFolder) inFolder.push(operation);
    else byFolder.set(operation.tag, [operation]);
  }
  // The order Newman runs them in: a folder's requests where the folder sits.
  const sequence = top.flatMap((node) =>
    isFolder(node) ? (byFolder.get(node.name) ?? []) : [atTop.get(node.id) as OperationModel],
  );
  return { top, sequence };
}
