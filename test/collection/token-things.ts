import { afterEach } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { AuthModel } from "../../scripts/model/types";
import { clientCredentials, model, op, passThroughRegistry } from "./fixture";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startTokenServer,
  type TokenMode,
  type TokenRules,
  type TokenServer,
} from "./token-server";

/**
 * The token-endpoint Newman tests' fixture: three GETs in a "Things" folder, secured by client
 * credentials at a token server of the test's rules, closed by an afterEach this registers.
 */
export function useTokenServers(): (rules: TokenRules, mode?: TokenMode) => Promise<TokenServer> {
  const servers: TokenServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (rules, mode = { kind: "ok", expiresIn: 3599 }) => {
    const started = await startTokenServer(mode, rules);
    servers.push(started);
    return started;
  };
}

const OPERATIONS = ["a", "b", "c"].map((name) => op("get", `/${name}`, { tag: "Things" }));

export function thingsCollection(
  s: TokenServer,
  auth: Partial<Extract<AuthModel, { kind: "client-credentials" }>> = {},
) {
  const base = clientCredentials(s.tokenUrl) as Extract<AuthModel, { kind: "client-credentials" }>;
  return buildCollection(
    model({ auth: { ...base, ...auth }, operations: OPERATIONS }),
    passThroughRegistry(),
  );
}

export const thingsEnv = (s: TokenServer, extra: Record<string, string> = {}) => ({
  baseUrl: s.origin,
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  ...extra,
});
