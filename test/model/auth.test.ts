import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import type { AuthModel, ModelOptions } from "../../scripts/model/types";
import { doc, op, specOf } from "./helpers";

const KPN_TOKEN_URL =
  "https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials";

const oauth2 = (flows: object) => ({ type: "oauth2", flows });
const cc = (tokenUrl: string, scopes: object = {}) =>
  oauth2({ clientCredentials: { tokenUrl, scopes } });
const bearer = { type: "http", scheme: "bearer" };

/** A spec whose one operation uses `security`, with `schemes` declared. */
function secured(schemes: Record<string, object>, security: object[], root: object = {}) {
  return doc(
    { "/things": { get: op({ security }) } },
    { components: { securitySchemes: schemes }, ...root },
  );
}

interface Case {
  name: string;
  given: object;
  options?: ModelOptions;
  want: AuthModel;
  /** Problem codes expected (in any order); none when empty. */
  codes: string[];
}

const cases: Case[] = [
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
    name: "http bearer + --token-url",
    given: secured({ bearerAuth: bearer }, [{ bearerAuth: [] }]),
    options: { tokenUrl: KPN_TOKEN_URL },
    want: {
      kind: "client-credentials",
      schemeName: "bearerAuth",
      tokenUrl: KPN_TOKEN_URL,
      scopes: [],
      source: "option",
    },
    codes: [],
  },
  {
    name: "--token-url wins over the flow's tokenUrl",
    given: secured({ oauth2: cc("https://old.example/token") }, [{ oauth2: [] }]),
    options: { tokenUrl: "https://new.example/token" },
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: "https://new.example/token",
      scopes: [],
      source: "option",
    },
    codes: [],
  },
  {
    name: "http bearer + x-specpost-token-url on the scheme",
    given: secured({ bearerAuth: { ...bearer, "x-specpost-token-url": KPN_TOKEN_URL } }, [
      { bearerAuth: [] },
    ]),
    want: {
      kind: "client-credentials",
      schemeName: "bearerAuth",
      tokenUrl: KPN_TOKEN_URL,
      scopes: [],
      source: "extension",
    },
    codes: [],
  },
  {
    name: "http bearer + x-specpost-token-url at the document root",
    given: secured({ bearerAuth: bearer }, [{ bearerAuth: [] }], {
      "x-specpost-token-url": "https://auth.example.com/token",
    }),
    want: {
      kind: "client-credentials",
      schemeName: "bearerAuth",
      tokenUrl: "https://auth.example.com/token",
      scopes: [],
      source: "extension",
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
    name: "openIdConnect + --token-url",
    given: secured(
      {
        oidc: {
          type: "openIdConnect",
          openIdConnectUrl: "https://a/.well-known/openid-configuration",
        },
      },
      [{ oidc: [] }],
    ),
    options: { tokenUrl: "https://a/token" },
    want: {
      kind: "client-credentials",
      schemeName: "oidc",
      tokenUrl: "https://a/token",
      scopes: [],
      source: "option",
    },
    codes: [],
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
  {
    name: "x-specpost-client-auth and x-specpost-token-params on the scheme",
    given: secured(
      {
        oauth2: {
          ...cc("https://auth.example.com/token"),
          "x-specpost-client-auth": "basic",
          "x-specpost-token-params": { resource: "urn:api", audience: "https://api" },
        },
      },
      [{ oauth2: [] }],
    ),
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: "https://auth.example.com/token",
      scopes: [],
      source: "flow",
      clientAuth: "basic",
      tokenParams: [
        { name: "audience", value: "https://api" },
        { name: "resource", value: "urn:api" },
      ],
    },
    codes: [],
  },
  {
    name: "--client-auth and --token-param win over the scheme's extensions",
    given: secured(
      {
        oauth2: {
          ...cc("https://auth.example.com/token"),
          "x-specpost-client-auth": "basic",
          "x-specpost-token-params": { audience: "https://old", grant_type: "password" },
        },
      },
      [{ oauth2: [] }],
    ),
    options: { clientAuth: "post", tokenParams: [{ name: "audience", value: "https://new" }] },
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: "https://auth.example.com/token",
      scopes: [],
      source: "flow",
      clientAuth: "post",
      tokenParams: [{ name: "audience", value: "https://new" }],
    },
    // grant_type is specpost's own: a located warning, the parameter is dropped.
    codes: ["invalid-type"],
  },
  {
    name: "an unknown x-specpost-client-auth falls back to auto with a warning",
    given: secured(
      { oauth2: { ...cc("https://auth.example.com/token"), "x-specpost-client-auth": "jwt" } },
      [{ oauth2: [] }],
    ),
    want: {
      kind: "client-credentials",
      schemeName: "oauth2",
      tokenUrl: "https://auth.example.com/token",
      scopes: [],
      source: "flow",
    },
    codes: ["invalid-type"],
  },
];

describe("auth detection", () => {
  it.each(cases)("$name", ({ given, options, want, codes }) => {
    const { model, problems } = buildModel(specOf(given), options ?? {});
    expect(model?.auth).toEqual(want);
    expect(problems.map((p) => p.code).sort()).toEqual([...codes].sort());
  });

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
