import type { ApiModel, OperationModel } from "../model/types";
import type { SchemaRegistry } from "../schema/types";
import { collectionAuth, collectionVariables } from "./auth";
import { authChecksFolder } from "./auth-checks";
import { dependencyOrder } from "./chain-order";
import {
  type ChainPlan,
  chainPrerequestLines,
  chainStoreLines,
  inferredNote,
  planChains,
} from "./chains";
import { contractPrerequestLines } from "./contract-lines";
import { contractTestScript, type RequestContract, requestContracts } from "./contracts";
import { type IdSource, idKeys, idSource } from "./ids";
import { operationRequest } from "./request";
import { savedResponses } from "./responses";
import { apiQuotaEvent, tokenPrerequestEvent, tokenRenewEvent, tokenRequestItem } from "./token";
import {
  type CollectionAdditions,
  isItemGroup,
  POSTMAN_SCHEMA_URL,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanItemGroup,
} from "./types";

/** `https://x/api/` and `https://x/api` name the same base: `{{baseUrl}}/path` needs no slash. */
export const trimTrailingSlash = (url: string): string => url.replace(/\/+$/, "");

export function operationItem(
  operation: OperationModel,
  ids: IdSource,
  userEvents: PostmanEvent[] = [],
  contract?: RequestContract,
  chainLines: string[] = [],
): PostmanItem {
  const request = operationRequest(operation);
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
 * Operations in run order (spec order unless the user ranked them); a tagged one goes into its
 * first tag's folder, and a folder sits where its first operation would. Run order is kept
 * over tag order.
 */
function operationItems(
  model: ApiModel,
  ids: IdSource,
  additions: CollectionAdditions | undefined,
  chains: ChainPlan,
  contracts: ReadonlyMap<string, RequestContract>,
): Array<PostmanItem | PostmanItemGroup> {
  const top: Array<PostmanItem | PostmanItemGroup> = [];
  const folders = new Map<string, PostmanItemGroup>();
  const ordered = dependencyOrder(inRunOrder(chains.operations, additions?.rank), chains.active);
  for (const operation of ordered) {
    const item = operationItem(
      operation,
      ids,
      additions?.events.get(operation.key),
      contracts.get(operation.key),
      chainPrerequestLines(chains, operation.key),
    );
    if (operation.tag === undefined) {
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
  }
  return top;
}

function itemIds(nodes: Array<PostmanItem | PostmanItemGroup>): string[] {
  return nodes.flatMap((node) => (isItemGroup(node) ? itemIds(node.item) : [node.id]));
}

/**
 * ApiModel → a Postman v2.1 collection as plain JSON data; the same inputs give the same data.
 * `additions`: the user's scripts, variables and run order from the overrides file.
 */
export function buildCollection(
  model: ApiModel,
  registry: SchemaRegistry,
  additions?: CollectionAdditions,
): PostmanCollection {
  const ids = idSource(model.title);
  const items: Array<PostmanItem | PostmanItemGroup> = [];
  const events: PostmanEvent[] = [];
  const auth = model.auth;
  const chains = planChains(model);
  const operations = operationItems(
    model,
    ids,
    additions,
    chains,
    requestContracts(model, registry),
  );
  const checks = authChecksFolder(model, ids.of);
  let renew: PostmanEvent | undefined;

  if (auth.kind === "client-credentials") {
    const tokenItem = tokenRequestItem(auth, ids.of(idKeys.tokenRequest()));
    // Requests that must never cause a token request: the token request itself, the auth
    // checks that go without a token on purpose, and operations that need none.
    const unsecured = model.operations
      .filter((op) => !op.secured)
      .map((op) => ids.of(idKeys.operation(op.key)));
    const noToken = [tokenItem.id, ...unsecured, ...(checks ? itemIds(checks.item) : [])];
    items.push(tokenItem);
    events.push(tokenPrerequestEvent(auth, noToken));
    renew = tokenRenewEvent(noToken);
  }
  items.push(...operations);
  if (checks) items.push(checks);

  // One collection-level test script for the checks and the chains: every script the sandbox
  // runs costs each request a round trip, whatever it does.
  const after = [...contractTestScript(), ...chainStoreLines(chains)];
  events.push({ listen: "test", script: { type: "text/javascript", exec: after } });
  // With the token machinery: renew a refused token, wait out a 429's quota.
  if (renew) events.push(renew, apiQuotaEvent());

  const collection: PostmanCollection = {
    info: {
      _postman_id: ids.of(idKeys.collection()),
      name: model.title,
      schema: POSTMAN_SCHEMA_URL,
    },
    item: items,
    event: events,
    auth: collectionAuth(auth),
    variable: [
      ...collectionVariables(trimTrailingSlash(model.baseUrl), auth),
      ...chains.variables.filter((v) => !additions?.variables.some((u) => u.key === v.key)),
      ...(additions?.variables ?? []),
    ],
  };
  const description = collectionDescription(model, inferredNote(chains.active));
  if (description) collection.info.description = description;
  return collection;
}

function collectionDescription(model: ApiModel, chainNote: string | undefined): string | undefined {
  const parts = [
    model.description,
    `API version ${model.version}. Generated by specpost from ${model.name}: regenerate instead of editing.`,
    chainNote,
  ];
  return parts
    .map((p) => p?.trim())
    .filter((p) => p !== undefined && p !== "")
    .join("\n\n");
}
