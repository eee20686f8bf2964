import { scriptAssetLines } from "../assets";
import { needsUserToken } from "../model/requirements";
import type { OperationModel } from "../model/types";
import type { PostmanEvent } from "./types";

/** Operations whose chosen alternative needs the user's token. */
export const userTokenOperations = (operations: readonly OperationModel[]): OperationModel[] =>
  operations.filter(needsUserToken);

/**
 * Collection-level pre-request event: skips the user-token requests while user_access_token
 * is empty, reporting them once (user-token.js). Undefined when no operation needs one.
 */
export function userTokenEvent(itemIds: string[]): PostmanEvent | undefined {
  if (itemIds.length === 0) return undefined;
  const config = JSON.stringify({ itemIds, count: itemIds.length });
  return {
    listen: "prerequest",
    script: {
      type: "text/javascript",
      exec: [
        `const SPECPOST_USER_TOKEN = ${config};`,
        ...scriptAssetLines("postman/user-token.js"),
      ],
    },
  };
}
