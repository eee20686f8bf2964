import { describe, it } from "vitest";
import { type AuthCase, bearer, cc, expectAuth, KPN_TOKEN_URL, secured } from "./auth-fixture";

/** Auth settings from options and x-specpost extensions: token URL, client auth, token parameters. */
const cases: AuthCase[] = [
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
  it.each(cases)("$name", expectAuth);
});
