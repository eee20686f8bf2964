import { describe, expect, it } from "vitest";
import { buildEnvironments, mockUrl } from "../../scripts/collection/environments";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "../../scripts/mock/constants";
import type { ApiModel } from "../../scripts/model/types";
import { clientCredentials, model } from "./fixture";

const values = (m: ApiModel) =>
  Object.fromEntries(
    buildEnvironments(m).map(({ target, environment }) => [
      target,
      Object.fromEntries(environment.values.map((v) => [v.key, `${v.value}|${v.type}`])),
    ]),
  );

describe("environments", () => {
  it("point the mock at 127.0.0.1:4010 with the real paths and the mock's demo credentials", () => {
    const m = model({
      baseUrl: "https://api-prd.kpn.com/data/elcies/health-data-aggregator",
      auth: clientCredentials(
        "https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials",
      ),
    });
    expect(values(m)).toEqual({
      mock: {
        baseUrl: "http://127.0.0.1:4010/data/elcies/health-data-aggregator|default",
        tokenUrl:
          "http://127.0.0.1:4010/oauth/client_credential/accesstoken?grant_type=client_credentials|default",
        client_id: `${MOCK_CLIENT_ID}|default`,
        client_secret: `${MOCK_CLIENT_SECRET}|default`,
      },
      sandbox: {
        baseUrl: "https://api-prd.kpn.com/data/elcies/health-data-aggregator|default",
        tokenUrl:
          "https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials|default",
        client_id: "|default",
        client_secret: "|secret",
      },
      production: {
        baseUrl: "https://api-prd.kpn.com/data/elcies/health-data-aggregator|default",
        tokenUrl:
          "https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials|default",
        client_id: "|default",
        client_secret: "|secret",
      },
    });
  });

  it("have stable, distinct ids and readable names", () => {
    const envs = buildEnvironments(model());
    expect(envs.map((e) => e.environment.name)).toEqual([
      "Test API (mock)",
      "Test API (sandbox)",
      "Test API (production)",
    ]);
    expect(new Set(envs.map((e) => e.environment.id)).size).toBe(3);
    expect(buildEnvironments(model())).toEqual(envs);
  });

  it("carry the credentials the auth kind needs", () => {
    const apiKey = model({
      auth: { kind: "api-key", schemeName: "k", name: "X-Key", in: "header" },
    });
    expect(values(apiKey).production).toEqual({
      baseUrl: "https://api.example.com/v1|default",
      apikey_k: "|secret",
    });
    // The mock accepts any non-empty key: its environment has one, so a run there is green.
    expect(values(apiKey).mock).toEqual({
      baseUrl: "http://127.0.0.1:4010/v1|default",
      apikey_k: "specpost-mock-api-key|default",
    });
  });

  it("give a bearer scheme without token endpoint a token the mock takes, and leave it empty and secret elsewhere", () => {
    const bearer = model({ auth: { kind: "bearer", schemeName: "b" } });
    expect(values(bearer).mock).toEqual({
      baseUrl: "http://127.0.0.1:4010/v1|default",
      access_token: "specpost-mock-bearer-token|default",
    });
    expect(values(bearer).production).toEqual({
      baseUrl: "https://api.example.com/v1|default",
      access_token: "|secret",
    });
  });

  it.each([
    ["https://x.test", "http://127.0.0.1:4010"],
    ["https://x.test/", "http://127.0.0.1:4010/"],
    ["https://x.test:8443/a/b?c=d", "http://127.0.0.1:4010/a/b?c=d"],
    ["/relative/base", "http://127.0.0.1:4010/relative/base"],
    ["", "http://127.0.0.1:4010"],
  ])("mockUrl(%j) = %j", (url, want) => {
    expect(mockUrl(url)).toBe(want);
  });
});
