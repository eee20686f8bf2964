/**
 * The mock's demo credentials. They open nothing but the local mock, so they are written
 * into the `mock` environment on purpose; they are not secrets.
 */
export const MOCK_CLIENT_ID = "specpost-mock-client";
export const MOCK_CLIENT_SECRET = "specpost-mock-secret";
/** `npm run mock` and the generated `mock` environment use this port (Prism's default). */
export const MOCK_DEFAULT_PORT = 4010;
export const MOCK_HOST = "127.0.0.1";
/** KPN's gateway issues tokens for 3599 seconds. */
export const MOCK_DEFAULT_TOKEN_TTL_SECONDS = 3599;
/** Test hooks live under this path prefix on the mock's origin. */
export const MOCK_CONTROL_PREFIX = "/__specpost";
