/**
 * The bodies an Apigee gateway (KPN API Store) answers with, copied from public sources
 * (see shared/kpn-api-store.md) so that clients and contract tests meet the real shapes.
 */

export type JsonBody = Record<string, unknown>;

function fault(faultstring: string, errorcode: string): JsonBody {
  return { fault: { faultstring, detail: { errorcode } } };
}

/** 401 faults on API calls. */
export const FAULT_NO_TOKEN = fault("Invalid access token", "oauth.v2.InvalidAccessToken");
export const FAULT_UNKNOWN_TOKEN = fault(
  "Invalid Access Token",
  "keymanagement.service.invalid_access_token",
);
export const FAULT_EXPIRED_TOKEN = fault(
  "Access Token expired",
  "keymanagement.service.access_token_expired",
);

function tokenError(errorCode: string, error: string): JsonBody {
  return { ErrorCode: errorCode, Error: error };
}

/** Token endpoint errors (Apigee OAuthV2 policy). */
export const TOKEN_MISSING_GRANT_TYPE = tokenError(
  "invalid_request",
  "Required param : grant_type",
);
export const TOKEN_MISSING_CLIENT_ID = tokenError(
  "invalid_request",
  "The request is missing a required parameter : client_id",
);
export const TOKEN_INVALID_CLIENT = tokenError("invalid_client", "ClientId is Invalid");
export const tokenUnsupportedGrant = (grantType: string): JsonBody =>
  tokenError("invalid_request", `Unsupported grant type : ${grantType}`);

/** KPN's HTTP 500 body, used for the injected token endpoint failure. */
export function tokenServerError(transactionId: string): JsonBody {
  return {
    error: {
      transactionId,
      status: "500 - Internal Server Error",
      name: "Internal Server Error",
      message: "specpost mock: injected token endpoint failure (fault tokenFailures)",
      info: "https://developer.kpn.com/support",
    },
  };
}
