import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTH_CHECK_KEYS,
  authCheckItemIds,
  authChecksFolder,
} from "../../scripts/collection/auth-checks";
import { idSource } from "../../scripts/collection/ids";
import type { PostmanItem } from "../../scripts/collection/types";
import type { ApiModel, AuthModel } from "../../scripts/model/types";
import { clientCredentials } from "../collection/fixture";
import { runNewman } from "../collection/newman-run";
import { apiModel, fixtureCollection, handRegistry, operation } from "./fixture";
import { failed, passedNames } from "./newman";
import { json, type Reply, type SeenRequest, startServer, type TestServer } from "./server";

const TOKEN_PATH = "/oauth/client_credential/accesstoken";
const ISSUED = "issued-token-123";

const users = operation("get", "/users/{id}", [{ status: "200" }], {
  parameters: [
    { name: "id", in: "path", required: true, example: 42, pointer: "" },
    { name: "verbose", in: "query", required: false, example: true, pointer: "" },
  ],
});
const userlist = operation("get", "/userlist", [{ status: "200" }]);
const create = operation("post", "/users", [{ status: "201" }]);
const open = operation("get", "/health", [{ status: "200" }], { secured: false });

const model = (auth: AuthModel, ops = [open, create, users, userlist]): ApiModel =>
  apiModel(ops, auth);
const kpnAuth = (url: string) =>
  clientCredentials(`${url}${TOKEN_PATH}?grant_type=client_credentials`);

describe("authChecksFolder", () => {
  const ids = idSource("Contract fixture");

  it.each<[string, AuthModel, ApiModel["operations"]]>([
    ["bearer auth", { kind: "bearer", schemeName: "b" }, [users]],
    ["API key auth", { kind: "api-key", schemeName: "k", name: "key", in: "header" }, [users]],
    ["no auth", { kind: "none" }, [users]],
    ["client credentials without a secured operation", kpnAuth("https://x"), [open]],
  ])("is absent for %s", (_name, auth, ops) => {
    expect(authChecksFolder(model(auth, ops), ids.of)).toBeUndefined();
  });

  it("probes the first secured GET that needs no parameter, with stable ids", () => {
    const folder = authChecksFolder(model(kpnAuth("https://x")), ids.of);
    expect(folder?.name).toBe("Auth checks");
    expect(folder?.item.map((item) => item.name)).toEqual([
      "Token endpoint rejects wrong credentials",
      "GET /userlist rejects a missing token",
      "GET /userlist rejects an invalid token",
    ]);
    expect(folder?.id).toBe(ids.of(AUTH_CHECK_KEYS.folder));
    expect(authCheckItemIds(model(kpnAuth("https://x")), ids.of)).toEqual([
      ids.of(AUTH_CHECK_KEYS.wrongCredentials),
      ids.of(AUTH_CHECK_KEYS.missingToken),
      ids.of(AUTH_CHECK_KEYS.invalidToken),
    ]);
    expect(authChecksFolder(model(kpnAuth("https://x")), ids.of)).toEqual(folder);
  });

  it("fills path parameters from examples when every secured GET needs one, and never probes a POST", () => {
    const withParams = authChecksFolder(model(kpnAuth("https://x"), [create, users]), ids.of);
    const probe = withParams?.item[1] as PostmanItem;
    expect(probe.name).toBe("GET /users/{id} rejects a missing token");
    // The operation's own request, as the builder makes it: same URL and path variable.
    expect(probe.request.url.raw).toBe("{{baseUrl}}/users/:id");
    expect(probe.request.url.variable).toEqual([{ key: "id", value: "42" }]);

    const postOnly = authChecksFolder(model(kpnAuth("https://x"), [create]), ids.of);
    expect(postOnly?.item.map((item) => item.name)).toEqual([
      "Token endpoint rejects wrong credentials",
    ]);
  });
});

describe("Auth checks under Newman", () => {
  let server: TestServer;
  let behaviour: { token: (r: SeenRequest) => Reply; api: (r: SeenRequest) => Reply };

  const strict = {
    token: (r: SeenRequest): Reply =>
      r.body.includes("client_secret=right-secret")
        ? json(200, { access_token: ISSUED, token_type: "Bearer", expires_in: "3599" })
        : json(401, { ErrorCode: "invalid_client", Error: "ClientId is Invalid" }),
    api: (r: SeenRequest): Reply =>
      r.authorization === `Bearer ${ISSUED}`
        ? json(200, { users: [] })
        : json(401, { fault: { faultstring: "Invalid Access Token" } }),
  };

  beforeAll(async () => {
    server = await startServer((r) =>
      r.path.startsWith(TOKEN_PATH) ? behaviour.token(r) : behaviour.api(r),
    );
  });
  afterAll(() => server.close());

  async function run(
    overrides: Partial<typeof strict>,
    tokenUrlQuery = "?grant_type=client_credentials",
  ) {
    behaviour = { ...strict, ...overrides };
    server.seen.length = 0;
    const auth = clientCredentials(`${server.url}${TOKEN_PATH}${tokenUrlQuery}`);
    const collection = fixtureCollection(model(auth), handRegistry({}), {
      baseUrl: server.url,
      tokenUrl: auth.tokenUrl,
    });
    // Only the folder: the operations' own requests are not under test here.
    collection.item = collection.item.filter((item) => item.name === "Auth checks");
    const result = await runNewman(collection);
    expect(result.scriptErrors).toEqual([]);
    return result;
  }

  const NAMES = [
    "Token endpoint rejects wrong credentials",
    "GET /userlist rejects a missing token",
    "GET /userlist rejects an invalid token",
  ];

  it("passes against an API that checks credentials and tokens, sending exactly the bad inputs", async () => {
    const result = await run({});
    expect(failed(result)).toEqual({});
    expect(passedNames(result)).toEqual(NAMES);
    const [token, missing, invalid] = server.seen;
    expect(token?.path).toBe(`${TOKEN_PATH}?grant_type=client_credentials`);
    expect(token?.body).toBe("client_id=fixture-client&client_secret=specpost-wrong-secret");
    expect(missing?.authorization).toBeUndefined();
    expect(invalid?.authorization).toBe("Bearer invalid-token");
  });

  it("sends grant_type in the body when the token URL lacks it", async () => {
    await run({}, "");
    expect(server.seen[0]?.body).toBe(
      "client_id=fixture-client&client_secret=specpost-wrong-secret&grant_type=client_credentials",
    );
  });

  it.each([
    {
      fault: "an API that accepts any token",
      overrides: { api: () => json(200, { users: [] }) },
      want: {
        "GET /userlist rejects a missing token":
          "expected 401 or 403, got 200 OK: the operation answered without a valid token",
        "GET /userlist rejects an invalid token":
          "expected 401 or 403, got 200 OK: the operation answered without a valid token",
      },
    },
    {
      fault: "a gateway that refuses tokens with 500",
      overrides: { api: () => json(500, { fault: { faultstring: "Invalid Access Token" } }) },
      want: {
        "GET /userlist rejects a missing token":
          "expected 401 or 403, got 500 Internal Server Error: a gateway that refuses tokens with 5xx should answer 401 instead",
        "GET /userlist rejects an invalid token":
          "expected 401 or 403, got 500 Internal Server Error: a gateway that refuses tokens with 5xx should answer 401 instead",
      },
    },
    {
      fault: "a token endpoint that issues tokens for any secret",
      overrides: {
        token: () => json(200, { access_token: "x", token_type: "Bearer", expires_in: 60 }),
      },
      want: {
        "Token endpoint rejects wrong credentials":
          "the token endpoint issued a token for a wrong client_secret (200): it does not check credentials",
      },
    },
    {
      fault: "a token endpoint that crashes",
      overrides: { token: () => ({ status: 502, body: "upstream down" }) },
      want: {
        "Token endpoint rejects wrong credentials":
          "expected 4xx (RFC 6749: 401 invalid_client) for a wrong client_secret, got 502 Bad Gateway — upstream down",
      },
    },
  ])("fails on $fault", async ({ overrides, want }) => {
    const result = await run(overrides);
    expect(failed(result)).toEqual(want);
  });

  it("accepts a KPN-style 500 invalid_client from the token endpoint, with a note", async () => {
    const kpn500 = {
      error: {
        status: "500 - Internal Server Error",
        message: "invalid_client-invalid_client_id",
        info: "https://developer.kpn.com/support",
      },
    };
    const result = await run({ token: () => json(500, kpn500) });
    expect(failed(result)).toEqual({});
    expect(result.console).toEqual([
      "warn: Token endpoint answered 500 with invalid_client to wrong credentials (KPN-style); RFC 6749 asks for 400 or 401.",
    ]);
  });
});
