import type { AuthModel } from "../model/types";
import {
  FAULT_EXPIRED_TOKEN,
  FAULT_NO_TOKEN,
  FAULT_UNKNOWN_TOKEN,
  type JsonBody,
} from "./gateway-bodies";
import { jsonReply, type MockReply } from "./reply";
import type { TokenStore } from "./token-store";

export interface AuthInput {
  headers: Record<string, string | string[] | undefined>;
  /** The query string without `?`. */
  rawQuery: string;
}

export interface AuthContext {
  auth: AuthModel;
  store: TokenStore;
  rejectTokens: boolean;
}

// Apigee's own faults for API keys (VerifyAPIKey policy).
const FAULT_NO_API_KEY = (where: string): JsonBody => ({
  fault: {
    faultstring: `Failed to resolve API Key variable ${where}`,
    detail: { errorcode: "steps.oauth.v2.FailedToResolveAPIKey" },
  },
});
const FAULT_INVALID_API_KEY: JsonBody = {
  fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "oauth.v2.InvalidApiKey" } },
};
// Apigee has no standard fault for HTTP Basic; these follow its shape.
const FAULT_NO_BASIC: JsonBody = {
  fault: {
    faultstring: "Missing Basic credentials",
    detail: { errorcode: "specpost.mock.MissingBasicCredentials" },
  },
};
const FAULT_BAD_BASIC: JsonBody = {
  fault: {
    faultstring: "Invalid Basic credentials",
    detail: { errorcode: "specpost.mock.InvalidBasicCredentials" },
  },
};

function header(input: AuthInput, name: string): string | undefined {
  const value = input.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function cookie(input: AuthInput, name: string): string | undefined {
  for (const part of (header(input, "cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The token of `Authorization: Bearer <token>`, or undefined when the header is not that. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

function apiKeyValue(input: AuthInput, auth: Extract<AuthModel, { kind: "api-key" }>) {
  if (auth.in === "header") return header(input, auth.name);
  if (auth.in === "cookie") return cookie(input, auth.name);
  return new URLSearchParams(input.rawQuery).get(auth.name) ?? undefined;
}

/**
 * Checks a secured operation's credentials the way the gateway does, before the request is
 * validated. Undefined means the request may pass.
 */
export function checkAuth(input: AuthInput, context: AuthContext): MockReply | undefined {
  const { auth } = context;
  switch (auth.kind) {
    case "none":
      return undefined;
    case "client-credentials":
    case "bearer": {
      const token = bearerToken(header(input, "authorization"));
      if (token === undefined) return jsonReply(401, FAULT_NO_TOKEN);
      if (context.rejectTokens) return jsonReply(401, FAULT_UNKNOWN_TOKEN);
      // Without a token endpoint the mock cannot know the token: any bearer token passes.
      if (auth.kind === "bearer") return undefined;
      const state = context.store.check(token);
      if (state === "unknown") return jsonReply(401, FAULT_UNKNOWN_TOKEN);
      if (state === "expired") return jsonReply(401, FAULT_EXPIRED_TOKEN);
      return undefined;
    }
    case "api-key": {
      const value = apiKeyValue(input, auth);
      if (!value) return jsonReply(401, FAULT_NO_API_KEY(`request.${auth.in}.${auth.name}`));
      return context.rejectTokens ? jsonReply(401, FAULT_INVALID_API_KEY) : undefined;
    }
    case "basic": {
      if (!/^Basic +\S+/i.test(header(input, "authorization") ?? "")) {
        return jsonReply(401, FAULT_NO_BASIC);
      }
      return context.rejectTokens ? jsonReply(401, FAULT_BAD_BASIC) : undefined;
    }
  }
}
