import { AUTH_CHECKS_FOLDER } from "../collection/auth-checks";
import { SANDBOX2_MARKER } from "../collection/merge-events";
import { TOKEN_REQUEST_NAME } from "../collection/token";
import {
  isItemGroup,
  type PostmanCollection,
  type PostmanEvent,
  type PostmanItem,
  type PostmanItemGroup,
} from "../collection/types";

type Node = PostmanItem | PostmanItemGroup;

/**
 * The generated collection with only the operation requests left: no "Get Access Token"
 * item and no "Auth checks" folder, so both variants send exactly the same requests.
 */
export function operationsOnly(collection: PostmanCollection): PostmanCollection {
  const copy = structuredClone(collection);
  copy.item = copy.item.filter(
    (node) =>
      !(isItemGroup(node) && node.name === AUTH_CHECKS_FOLDER) &&
      !(!isItemGroup(node) && node.name === TOKEN_REQUEST_NAME),
  );
  return copy;
}

/**
 * The baseline: the same requests with every script and every auth setting removed and a
 * token fetched beforehand written into an Authorization header, i.e. what Newman costs
 * with none of specpost's machinery.
 */
export function bareCollection(collection: PostmanCollection, token: string): PostmanCollection {
  const copy = structuredClone(collection);
  delete copy.event;
  copy.auth = { type: "noauth" };
  const strip = (nodes: Node[]): void => {
    for (const node of nodes) {
      delete node.event;
      if (isItemGroup(node)) {
        delete node.auth;
        strip(node.item);
        continue;
      }
      delete node.request.auth;
      node.request.header = [
        ...node.request.header.filter((header) => header.key.toLowerCase() !== "authorization"),
        { key: "Authorization", value: `Bearer ${token}` },
      ];
    }
  };
  strip(copy.item);
  return copy;
}

/**
 * The bare collection with an empty script (the sandbox2 marker alone) wherever `collection` has a
 * script: what the generated collection's layout of scripts costs before they do anything.
 */
export function emptyScripts(collection: PostmanCollection, token: string): PostmanCollection {
  const bare = bareCollection(collection, token);
  const empty = (events: PostmanEvent[] | undefined) =>
    events?.map((event) => ({
      listen: event.listen,
      script: { type: "text/javascript" as const, exec: [SANDBOX2_MARKER] },
    }));
  const copy = (from: Node[], to: Node[]): void => {
    from.forEach((node, index) => {
      const target = to[index] as Node;
      const events = empty(node.event);
      if (events) target.event = events;
      if (isItemGroup(node) && isItemGroup(target)) copy(node.item, target.item);
    });
  };
  const events = empty(collection.event);
  if (events) bare.event = events;
  copy(collection.item, bare.item);
  return bare;
}

export function countRequests(nodes: Node[]): number {
  let total = 0;
  for (const node of nodes) total += isItemGroup(node) ? countRequests(node.item) : 1;
  return total;
}

/** The collection cut to its first `limit` requests in run order, empty folders dropped. */
export function firstRequests(collection: PostmanCollection, limit: number): PostmanCollection {
  let left = limit;
  const take = (nodes: Node[]): Node[] => {
    const kept: Node[] = [];
    for (const node of nodes) {
      if (left <= 0) break;
      if (!isItemGroup(node)) {
        kept.push(node);
        left -= 1;
        continue;
      }
      const items = take(node.item);
      if (items.length > 0) kept.push({ ...node, item: items });
    }
    return kept;
  };
  return { ...collection, item: take(collection.item) };
}
