import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/model/build";
import { appliedSchemes } from "../../scripts/model/requirements";
import { doc, op, specOf } from "./helpers";

const SCHEMES = {
  cc: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://a/token", scopes: {} } } },
  code: {
    type: "oauth2",
    flows: {
      authorizationCode: {
        authorizationUrl: "https://a/auth",
        tokenUrl: "https://a/t",
        scopes: {},
      },
    },
  },
  oidc: { type: "openIdConnect", openIdConnectUrl: "https://a/.well-known/openid-configuration" },
  key: { type: "apiKey", in: "header", name: "Client_Id" },
  qkey: { type: "apiKey", in: "query", name: "k" },
  basic: { type: "http", scheme: "basic" },
  digest: { type: "http", scheme: "digest" },
  mtls: { type: "mutualTLS" },
};

/** What the one operation sends for `security`: `scheme:kind` of the chosen alternative. */
function sent(security: object[], root?: object[]) {
  const spec = doc(
    { "/x": { get: op(security.length || root === undefined ? { security } : {}) } },
    { components: { securitySchemes: SCHEMES }, ...(root && { security: root }) },
  );
  const { model, problems } = buildModel(specOf(spec));
  const operation = model?.operations[0];
  return {
    sent: operation
      ? appliedSchemes(operation).map((s) => `${s.scheme.name}:${s.scheme.kind}`)
      : [],
    chosen: operation?.security?.chosen,
    reason: operation?.security?.reason,
    secured: operation?.secured,
    codes: problems.map((p) => p.code),
  };
}

describe("the alternative an operation sends (documented order)", () => {
  it.each<[string, object[], Partial<ReturnType<typeof sent>>]>([
    [
      "AND: every scheme of the object",
      [{ key: [], cc: ["a"] }],
      { sent: ["key:api-key", "cc:client-credentials"], chosen: 0 },
    ],
    [
      "OR: the first the collection can satisfy alone",
      [{ code: [] }, { cc: [], key: [] }],
      { sent: ["cc:client-credentials", "key:api-key"], chosen: 1, reason: "collection" },
    ],
    [
      "OR: spec order among satisfiable ones",
      [{ qkey: [] }, { cc: [] }],
      { sent: ["qkey:api-key"], chosen: 0 },
    ],
    [
      "{} first still sends the token",
      [{}, { cc: [] }],
      { sent: ["cc:client-credentials"], chosen: 1, secured: true },
    ],
    [
      "{} before a user-token alternative: no credentials",
      [{ code: [] }, {}],
      { sent: [], chosen: 1, reason: "optional", secured: false },
    ],
    [
      "only a user flow: the user's token, warned once",
      [{ code: [], key: [] }],
      {
        sent: ["code:user-token", "key:api-key"],
        reason: "user-token",
        codes: ["no-client-credentials", "user-token"],
      },
    ],
    [
      "OpenID Connect without a token URL: the user's token",
      [{ oidc: [] }],
      { sent: ["oidc:user-token"], reason: "user-token" },
    ],
    [
      "basic and mutual TLS are the collection's to send",
      [{ basic: [], mtls: [] }],
      { sent: ["basic:basic", "mtls:mutual-tls"], chosen: 0 },
    ],
    [
      "nothing sendable: no choice, still secured",
      [{ digest: [] }],
      { sent: [], chosen: undefined, secured: true },
    ],
    [
      "an undeclared scheme makes its alternative unsendable",
      [{ nope: [] }, { key: [] }],
      { sent: ["key:api-key"], chosen: 1 },
    ],
  ])("%s", (_name, security, want) => {
    expect(sent(security)).toMatchObject(want);
  });

  it("the root requirement applies where the operation has none", () => {
    expect(sent([], [{ key: [], cc: [] }]).sent).toEqual(["key:api-key", "cc:client-credentials"]);
  });

  it("warns once per user-flow scheme, however many operations use it", () => {
    const paths = Object.fromEntries(
      ["/a", "/b", "/c"].map((p) => [p, { get: op({ security: [{ code: [] }] }) }]),
    );
    const { problems } = buildModel(
      specOf(doc(paths, { components: { securitySchemes: SCHEMES } })),
    );
    const warnings = problems.filter((p) => p.code === "user-token");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain("its 3 operation(s)");
  });
});
