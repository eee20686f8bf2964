import { buildCollection } from "../../scripts/collection/build";
import {
  isItemGroup,
  type PostmanCollection,
  type PostmanItem,
  type PostmanItemGroup,
} from "../../scripts/collection/types";
import type { ApiModel } from "../../scripts/model/types";
import { model, passThroughRegistry } from "./fixture";

export const build = (extra: Partial<ApiModel> = {}) =>
  buildCollection(model(extra), passThroughRegistry());

export function findItem(collection: PostmanCollection, name: string): PostmanItem {
  const walk = (nodes: Array<PostmanItem | PostmanItemGroup>): PostmanItem | undefined => {
    for (const node of nodes) {
      const found = isItemGroup(node) ? walk(node.item) : node.name === name ? node : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const item = walk(collection.item);
  if (!item) throw new Error(`no item ${name}`);
  return item;
}
