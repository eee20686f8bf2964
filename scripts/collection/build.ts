import { workflowsPlan } from "../arazzo/folder";
import { usesCollectionToken } from "../model/requirements";
import type { ApiModel } from "../model/types";
import type { Problem } from "../problems";
import type { SchemaRegistry } from "../schema/types";
import { collectionAuth, collectionVariables, securityVariables } from "./auth";
import { authChecksFolder, tokenlessCheckIds } from "./auth-checks";
import { chainOrderProblems } from "./chain-problems";
import { chainStoreLines, inferredNote, planChains } from "./chains";
import { cleanupFolder, cleanupResources } from "./cleanup";
import { contractTestScript, requestContracts } from "./contracts";
import { deferDeletes } from "./deferred-deletes";
import { idKeys, idSource } from "./ids";
import { mergeScriptParts, type ScriptPart } from "./merge-events";
import { operationItems, type PlaceItem } from "./operation-items";
import { apiQuotaEvent, tokenPrerequestEvent, tokenRenewLines, tokenRequestItem } from "./token";
import {
  type CollectionAdditions,
  type FolderOf,
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
  return collectionOf(model, registry, (_id, build) => build(), additions, problems);
}

/** A collection whose operation items are `I` (see PlaceItem); the rest is built at once. */
export type CollectionOf<I> = Omit<PostmanCollection, "item"> & {
  item: Array<I | FolderOf<I> | PostmanItem | PostmanItemGroup>;
};

export function collectionOf<I extends { id: string }>(
  model: ApiModel,
  registry: SchemaRegistry,
  place: PlaceItem<I>,
  additions?: CollectionAdditions,
  problems?: Problem[],
): CollectionOf<I> {
  const ids = idSource(model.title);
  const items: CollectionOf<I>["item"] = [];
  const parts: ScriptPart[] = [];
  const auth = model.auth;
  const chains = planChains(model);
  const contracts = requestContracts(model, registry);
  const byKey = new Map(chains.operations.map((op) => [op.key, op]));
  const created = cleanupResources(chains.active, byKey);
  const built = operationItems(
    { model, ids, additions, chains, contracts: contracts.requests, created },
    place,
  );
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

  const collection: CollectionOf<I> = {
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
