import { appliedSchemes } from "../model/requirements";
import type { AuthModel, OperationModel } from "../model/types";
import { postmanScriptLines } from "./contracts";
import { requestConfig } from "./token";
import type { PostmanEvent, PostmanRequest } from "./types";

type ClientCredentials = Extract<AuthModel, { kind: "client-credentials" }>;

export const NARROW_TOKEN_VARIABLE = "specpost_narrow_token";

/** The client-credentials scopes an operation's chosen alternative names. */
const scopesOf = (operation: OperationModel): string[] =>
  appliedSchemes(operation)
    .filter((s) => s.scheme.kind === "client-credentials")
    .flatMap((s) => s.scopes);

export interface ScopeProbe {
  operation: OperationModel;
  /** The scopes the operation needs (one is enough to be missing). */
  needs: string[];
  /** What the narrow token asks for: the collection's scopes less the operation's. */
  narrow: string[];
}

/**
 * The first GET that needs scopes while the collection asks for others too: a client can
 * then ask for a token without the operation's scopes. Undefined when every operation
 * needs the same scopes (asking for none would mean the server's default, likely all).
 */
export function scopeProbe(
  auth: ClientCredentials,
  operations: readonly OperationModel[],
): ScopeProbe | undefined {
  const candidates = operations.filter((op) => op.secured && op.method === "get");
  const ordered = [
    ...candidates.filter((op) => !op.parameters.some((p) => p.required)),
    ...candidates.filter((op) => op.parameters.some((p) => p.required)),
  ];
  for (const operation of ordered) {
    const needs = scopesOf(operation);
    if (needs.length === 0) continue;
    const narrow = auth.scopes.filter((s) => !needs.includes(s));
    if (narrow.length > 0) return { operation, needs, narrow };
  }
  return undefined;
}

/** The check's request (the operation's own, API keys kept) with the narrow token. */
export function narrowTokenRequest(request: PostmanRequest): PostmanRequest {
  return {
    ...request,
    auth: {
      type: "bearer",
      bearer: [{ key: "token", value: `{{${NARROW_TOKEN_VARIABLE}}}`, type: "string" }],
    },
  };
}

export function narrowTokenEvent(auth: ClientCredentials, probe: ScopeProbe): PostmanEvent {
  const config = { ...requestConfig(auth), narrowScope: probe.narrow.join(" ") };
  return {
    listen: "prerequest",
    script: {
      type: "text/javascript",
      exec: [
        `const SPECPOST = ${JSON.stringify(config)};`,
        ...["token-common.js", "token-fetch.js", "auth-scope.js"].flatMap(postmanScriptLines),
      ],
    },
  };
}
