export * from "./constants";
export { MOCK_BODY_LIMIT, startMock } from "./server";
export type { MockFaults, MockOptions, MockServer, MockStats } from "./types";
