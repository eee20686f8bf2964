/**
 * What the generated `mock` environment puts in the API key and HTTP Basic slots. The mock
 * accepts any non-empty key and any Basic credentials (like Prism, it checks presence), so
 * these open nothing: they are not secrets.
 */
export const MOCK_API_KEY = "specpost-mock-api-key";
/** The bearer token of a scheme without a token endpoint: the mock takes any, as for keys. */
export const MOCK_BEARER_TOKEN = "specpost-mock-bearer-token";
export const MOCK_USERNAME = "specpost-mock-user";
export const MOCK_PASSWORD = "specpost-mock-password";
