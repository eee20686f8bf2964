import { workflowsPlan } from "../arazzo/folder";
import { usesCollectionToken } from "../model/requirements";
import type { ApiModel, AuthModel, OperationModel } from "../model/types";
import type { Problem } from "../problems";
import type { SchemaRegistry } from "../schema/types";
import { collectionAuth, collectionVariables, securityVariables } from "./auth";
import { authChecksFolder, tokenlessCheckIds } from "./auth-checks";
import { dependencyOrder } from "./chain-order";
import { chainOrderProblems } from "./chain-problems";
import {
  type ChainPlan,
  chainPrerequestLines,
  chainStoreLines,
  inferredNote,
  planChains,
} from "./chains";
import { type CleanupResource, cleanupFolder, cleanupResources } from "./cleanup";
import { contractPrerequestLines } from "./contract-lines";
import { contractTestScript, type RequestContract, requestContracts } from "./contracts";
import { deferDeletes } from "./deferred-deletes";
import { type IdSource, idKeys, idSource } from "./ids";
import { mergeScriptParts, type ScriptPart } from "./merge-events";
import { operationRequest } from "./request";
import { applySecurity } from "./request-auth";
import { savedResponses } from "./responses";
import { apiQuotaEvent, tokenPrerequestEvent, tokenRenewLines, tokenRequestItem } from "./token";
import {
  type CollectionAdditions,
  isItemGroup,
  POSTMAN_SCHEMA_URL,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanItemGroup,
} from "./types";
import { userTokenEvent, userTokenOperations } from "./user-token";

/** `https://x/api/` and `https://x/api` name the same base: `{{baseUrl}}/path` needs no slash. */
export const trimTrailingSlash = (url: string): string => url.replace(/\/+$/, "");

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
  created: readonly CleanupResource[],
): { top: Array<PostmanItem | PostmanItemGroup>; sequence: OperationModel[] } {
  const top: Array<PostmanItem | PostmanItemGroup> = [];
  const folders = new Map<string, PostmanItemGroup>();
  const byFolder = new Map<string, OperationModel[]>();
  const atTop = new Map<string, OperationModel>();
  const ordered = dependencyOrder(inRunOrder(chains.operations, additions?.rank), chains.active);
  for (const operation of ordered) {
    const item = operationItem(
      operation,
      ids,
      model.auth,
      additions?.events.get(operation.key),
      contracts.get(operation.key),
      chainPrerequestLines(chains, operation.key, created),
    );
    if (operation.tag === undefined) {
      atTop.set(item.id, operation);
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
    isItemGroup(node) ? (byFolder.get(node.name) ?? []) : [atTop.get(node.id) as OperationModel],
  );
  return { top, sequence };
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
  problems?: Problem[],
): PostmanCollection {
  const ids = idSource(model.title);
  const items: Array<PostmanItem | PostmanItemGroup> = [];
  const parts: ScriptPart[] = [];
  const auth = model.auth;
  const chains = planChains(model);
  const contracts = requestContracts(model, registry);
  const byKey = new Map(chains.operations.map((op) => [op.key, op]));
  const created = cleanupResources(chains.active, byKey);
  const built = operationItems(model, ids, additions, chains, contracts.requests, created);
  const { top: operations, sequence } = deferDeletes(built.top, built.sequence, chains, ids);
  problems?.push(...chainOrderProblems(model, sequence, chains.active));
  const checks = authChecksFolder(model, ids.of);
  const cleanup = cleanupFolder(created, byKey, ids);
  const userTokenIds = userTokenOperations(model.operations).map((op) =>
    ids.of(idKeys.operation(op.key)),
  );
  const userToken = userTokenEvent(userTokenIds);
  if (userToken) parts.push({ label: "skip what needs a user token", event: userToken });
  let noRenewIds: string[] | undefined;

  if (auth.kind === "client-credentials") {
    const tokenItem = tokenRequestItem(auth, ids.of(idKeys.tokenRequest()));
    // Requests that must never cause a token request: the token request itself, the auth
    // checks that go without a token on purpose, and operations that need none.
    const unsecured = model.operations
      .filter((op) => !usesCollectionToken(op))
      .map((op) => ids.of(idKeys.operation(op.key)));
    const noToken = [
      tokenItem.id,
      ...unsecured,
      ...(checks ? tokenlessCheckIds(checks, ids.of) : []),
    ];
    items.push(tokenItem);
    parts.push({ label: "access token", event: tokenPrerequestEvent(auth, noToken) });
    // A missing-API-key check keeps the token, and its 401 is no reason to renew it.
    const checkIds = checks ? checks.item.map((item) => item.id) : [];
    noRenewIds = [...new Set([...noToken, ...checkIds])];
  }
  items.push(...operations);
  // Where a workflow that ends early goes: what follows the Workflows folder.
  const following = [checks, cleanup].flatMap((f) => (f ? itemIds(f.item) : []))[0];
  const workflows = workflowsPlan(
    model.workflows ?? [],
    new Map(model.operations.map((op) => [op.key, op])),
    ids,
    { following: following ?? null, created },
  );
  if (workflows) {
    items.push(workflows.folder);
    parts.push({ label: "workflow steps", event: workflows.events.prerequest });
  }
  if (checks) items.push(checks);
  if (cleanup) items.push(cleanup);

  // With the token machinery, the test script opens with the renewal of a refused token (the
  // checks read what it decided; the requests whose scripts pick what runs next are renewed
  // for the next requests, not re-sent).
  const picksNext = [workflows?.folder, cleanup].flatMap((f) => (f ? itemIds(f.item) : []));
  if (noRenewIds) {
    const exec = tokenRenewLines(noRenewIds, picksNext);
    const event: PostmanEvent = { listen: "test", script: { type: "text/javascript", exec } };
    parts.push({ label: "renew a refused token", event });
  }
  // A 429 waits out the quota, and is sent once more: decided in front of the checks too.
  if (noRenewIds) parts.push({ label: "wait out a 429", event: apiQuotaEvent(picksNext) });
  const after = [...contractTestScript(contracts.shared), ...chainStoreLines(chains, created)];
  parts.push({
    label: "contract and chains",
    event: { listen: "test", script: { type: "text/javascript", exec: after } },
  });
  if (workflows) parts.push({ label: "workflow steps", event: workflows.events.test });
  // One event per kind: every script the sandbox runs costs each request a round trip.
  const events = mergeScriptParts(parts);

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
      ...securityVariables(model),
      ...(workflows?.variables ?? []),
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
