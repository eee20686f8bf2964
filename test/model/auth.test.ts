import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import {
  type AuthCase,
  bearer,
  cc,
  expectAuth,
  KPN_TOKEN_URL,
  oauth2,
  secured,
} from "./auth-fixture";
import { doc, op, specOf } from "./helpers";

/** Auth as the spec declares it: which scheme wins, its token URL and scopes, what is warned. */
const cases: AuthCase[] = [
  {
    name: "KPN client credentials flow: token URL kept with its query",
    given: secured({ oauth2: cc(KPN_TOKEN_URL) }, [{ oauth2: [] }]),
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: KPN_TOKEN_URL,
      scopes: [],
      source: "flow",
    },
    codes: [],
  },
  {
    name: "scopes: union of what requirements ask for, sorted",
    given: doc(
      {
        "/a": {
          get: op({ security: [{ cc: ["write", "read"] }] }),
          post: op({ security: [{ cc: ["admin", "read"] }] }),
        },
      },
      {
        components: {
          securitySchemes: {
            cc: cc("https://auth.example.com/token", {
              read: "",
              write: "",
              admin: "",
              unused: "",
            }),
          },
        },
      },
    ),
    want: {
      kind: "client-credentials",
      schemeName: "cc",
      tokenUrl: "https://auth.example.com/token",
      scopes: ["admin", "read", "write"],
      source: "flow",
    },
    codes: [],
  },
  {
    name: "relative tokenUrl resolves against the server origin",
    given: secured({ cc: cc("/oauth/token?grant_type=client_credentials") }, [{ cc: [] }]),
    want: {
      kind: "client-credentials",
      schemeName: "cc",
      tokenUrl: "https://api.example.com/oauth/token?grant_type=client_credentials",
      scopes: [],
      source: "flow",
    },
    codes: [],
  },
  {
    name: "client credentials preferred over an API key listed first",
    given: doc(
      { "/a": { get: op({ security: [{ key: [] }] }), post: op({ security: [{ cc: [] }] }) } },
      {
        components: {
          securitySchemes: {
            key: { type: "apiKey", in: "header", name: "X-Key" },
            cc: cc("https://a.example/t"),
          },
        },
      },
    ),
    want: {
      kind: "client-credentials",
      schemeName: "cc",
      tokenUrl: "https://a.example/t",
      scopes: [],
      source: "flow",
    },
    codes: [],
  },
  {
    name: "http bearer without a token URL",
    given: secured({ bearerAuth: bearer }, [{ bearerAuth: [] }]),
    want: { kind: "bearer", schemeName: "bearerAuth" },
    codes: ["no-token-url"],
  },
  {
    name: "oauth2 with an authorization code flow only needs the user's token (warned once)",
    given: secured(
      {
        code: oauth2({
          authorizationCode: {
            authorizationUrl: "https://a/auth",
            tokenUrl: "https://a/token",
            scopes: {},
          },
        }),
      },
      [{ code: [] }],
    ),
    want: { kind: "none" },
    codes: ["user-token"],
  },
  {
    name: "apiKey",
    given: secured({ key: { type: "apiKey", in: "query", name: "api_key" } }, [{ key: [] }]),
    want: { kind: "api-key", schemeName: "key", name: "api_key", in: "query" },
    codes: ["no-client-credentials"],
  },
  {
    name: "basic",
    given: secured({ basic: { type: "http", scheme: "basic" } }, [{ basic: [] }]),
    want: { kind: "basic", schemeName: "basic" },
    codes: ["no-client-credentials"],
  },
  {
    name: "no security at all",
    given: doc({ "/things": { get: op() } }),
    want: { kind: "none" },
    codes: ["no-client-credentials"],
  },
  {
    name: "schemes declared but no requirement anywhere: assumed, with a warning",
    given: doc(
      { "/things": { get: op() } },
      { components: { securitySchemes: { oauth2: cc(KPN_TOKEN_URL) } } },
    ),
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: KPN_TOKEN_URL,
      scopes: [],
      source: "flow",
    },
    codes: ["assumed-security"],
  },
  {
    name: "requirement naming an undeclared scheme",
    given: secured({}, [{ missing: [] }]),
    want: { kind: "none" },
    codes: ["unresolved-ref", "no-client-credentials"],
  },
];

describe("auth detection", () => {
  it.each(cases)("$name", expectAuth);

  it("points the no-token-url warning at the scheme and names both fixes", () => {
    const { problems } = buildModel(
      specOf(secured({ bearerAuth: bearer }, [{ bearerAuth: [] }])),
      {},
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "no-token-url",
      severity: "warning",
      pointer: "#/components/securitySchemes/bearerAuth",
    });
    expect(problems[0]?.message).toContain("--token-url");
    expect(problems[0]?.message).toContain("x-specpost-token-url");
  });

  it("follows a $ref to a security scheme", () => {
    const given = doc(
      { "/a": { get: op({ security: [{ cc: [] }] }) } },
      {
        components: {
          securitySchemes: { cc: { $ref: "#/components/x-schemes/kpn" } },
          "x-schemes": { kpn: cc(KPN_TOKEN_URL) },
        },
      },
    );
    expect(buildModel(specOf(given), {}).model?.auth).toMatchObject({
      kind: "client-credentials",
      tokenUrl: KPN_TOKEN_URL,
    });
  });
});

describe("auth through loadSpec", () => {
  const fixture = (name: string) => path.join("test/fixtures/specs/model", name);

  it("KPN OpenAPI 3 spec: client credentials from the flow", async () => {
    const { spec } = await loadSpec(fixture("elcies.yaml"), { cwd: process.cwd() });
    if (!spec) throw new Error("fixture did not load");
    const { model } = buildModel(spec, {});
    expect(model?.auth).toEqual({
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: KPN_TOKEN_URL,
      scopes: [],
      source: "flow",
    });
  });

  it("Swagger 2.0 `application` flow converts to client credentials", async () => {
    const { spec } = await loadSpec(fixture("kpn-swagger2.yaml"), { cwd: process.cwd() });
    if (!spec) throw new Error("fixture did not load");
    const { model } = buildModel(spec, {});
    expect(model?.auth).toMatchObject({
      kind: "client-credentials",
      schemeName: "OAuth2",
      source: "flow",
      scopes: [],
    });
    expect(model?.baseUrl).toBe("https://api-prd.kpn.com/data/elcies/health-data-aggregator");
  });

  // swagger2openapi cuts the query off tokenUrl (`split('?')[0]`), so KPN's grant_type is
  // lost on load. Known loader bug: this test starts failing (and `.fails` should go) once
  // scripts/load/convert.ts restores the written tokenUrl.
  it("Swagger 2.0 tokenUrl keeps its query string through conversion", async () => {
    const { spec } = await loadSpec(fixture("kpn-swagger2.yaml"), { cwd: process.cwd() });
    if (!spec) throw new Error("fixture did not load");
    expect(buildModel(spec, {}).model?.auth).toMatchObject({ tokenUrl: KPN_TOKEN_URL });
  });
});
