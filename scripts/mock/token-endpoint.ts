import { randomUUID } from "node:crypto";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "./constants";
import {
  TOKEN_INVALID_CLIENT,
  TOKEN_MISSING_CLIENT_ID,
  TOKEN_MISSING_GRANT_TYPE,
  tokenServerError,
  tokenUnsupportedGrant,
} from "./gateway-bodies";
import { jsonReply, type MockReply, mockError } from "./reply";
import { recordGrant } from "./security";
import type { TokenStore } from "./token-store";

export interface TokenRequest {
  method: string;
  query: Record<string, unknown>;
  /** Parsed form body (an object) or whatever else arrived (ignored, like Apigee does). */
  body: unknown;
  authorization: string | undefined;
}

export interface TokenContext {
  store: TokenStore;
  /** Named in `api_product_list`, as KPN names the API products a client may call. */
  productName: string;
  /** Answers HTTP 500 and returns true while injected failures remain. */
  takeFailure(): boolean;
}

/** First string value of a query or form field (repeated fields arrive as arrays). */
function field(source: unknown, name: string): string | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first !== "" ? first : undefined;
}

/**
 * RFC 6749 §2.3.1: id and secret are form-encoded (application/x-www-form-urlencoded) before
 * Basic, so `+` is a space, as in the form body.
 */
const formDecode = (text: string): string => decodeURIComponent(text.replace(/\+/g, " "));

/** KPN sends credentials in the form body; other gateways use HTTP Basic, so accept both. */
export function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return {};
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { id: formDecode(decoded) };
  return {
    id: formDecode(decoded.slice(0, colon)),
    secret: formDecode(decoded.slice(colon + 1)),
  };
}

function safeBasicCredentials(header: string | undefined): { id?: string; secret?: string } {
  try {
    return basicCredentials(header);
  } catch {
    return {}; // malformed percent-encoding: treated as no Basic credentials
  }
}

/**
 * The OAuth 2.0 client-credentials token endpoint as the KPN API Store (Apigee) runs it:
 * `grant_type` in the query (the body also works), form-encoded client id and secret, and a
 * success body whose every value is a string.
 */
export function handleTokenRequest(request: TokenRequest, context: TokenContext): MockReply {
  if (context.takeFailure()) return jsonReply(500, tokenServerError(randomUUID()));
  if (request.method !== "POST") {
    return {
      ...mockError(405, `The token endpoint accepts POST only, not ${request.method}.`),
      headers: { "content-type": "application/json", allow: "POST" },
    };
  }
  const grantType = field(request.query, "grant_type") ?? field(request.body, "grant_type");
  if (grantType === undefined) return jsonReply(400, TOKEN_MISSING_GRANT_TYPE);
  if (grantType !== "client_credentials") return jsonReply(400, tokenUnsupportedGrant(grantType));

  const basic = safeBasicCredentials(request.authorization);
  const clientId = field(request.body, "client_id") ?? basic.id;
  const clientSecret = field(request.body, "client_secret") ?? basic.secret;
  if (clientId === undefined) return jsonReply(400, TOKEN_MISSING_CLIENT_ID);
  if (clientId !== MOCK_CLIENT_ID || clientSecret !== MOCK_CLIENT_SECRET) {
    return jsonReply(401, TOKEN_INVALID_CLIENT);
  }

  const token = context.store.issue();
  recordGrant(context.store, token.accessToken, field(request.body, "scope"));
  // Key order and values follow KPN's documented answer; every value is a string.
  const body: Record<string, string> = {
    refresh_token_expires_in: "0",
    api_product_list: `[${context.productName}]`,
    organization_name: "specpost-mock",
    developer_email: "developer@example.com",
    token_type: "Bearer",
    issued_at: String(token.issuedAt),
    client_id: clientId,
    access_token: token.accessToken,
    application_name: "specpost-mock-app",
    scope: field(request.body, "scope") ?? "",
    expires_in: String(context.store.ttl),
    refresh_token: "",
    refresh_count: "0",
    status: "approved",
    level: "demo",
  };
  return jsonReply(200, body, { "cache-control": "no-store", pragma: "no-cache" });
}
