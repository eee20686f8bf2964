import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import { scriptLines } from "../../scripts/collection/contract-data";
import { idKeys, idSource } from "../../scripts/collection/ids";
import { TOKEN_REQUEST_NAME } from "../../scripts/collection/token";
import {
  isItemGroup,
  type PostmanItem,
  type PostmanItemGroup,
} from "../../scripts/collection/types";
import { build, findItem } from "./build-helpers";
import { clientCredentials, model, op, passThroughRegistry } from "./fixture";
import { collectionSchemaErrors } from "./postman-schema";

const names = (nodes: Array<PostmanItem | PostmanItemGroup>): unknown[] =>
  nodes.map((n) => (isItemGroup(n) ? { [n.name]: names(n.item) } : n.name));

const sourceLines = (file: string) =>
  readFileSync(new URL(`../../scripts/postman/${file}`, import.meta.url), "utf8")
    .replace(/\n$/, "")
    .split("\n");

describe("client-credentials collections", () => {
  it("start with the token request, then operations in spec order, folders by first tag", () => {
    const collection = build({
      operations: [
        op("get", "/a", { tag: "One", name: "A" }),
        op("get", "/b", { name: "B" }),
        op("get", "/c", { tag: "Two", name: "C" }),
        op("post", "/a", { tag: "One", name: "A2" }),
      ],
      tags: [{ name: "Two" }, { name: "One", description: "The first." }],
    });
    expect(names(collection.item)).toEqual([
      TOKEN_REQUEST_NAME,
      { One: ["A", "A2"] },
      "B",
      { Two: ["C"] },
      { "Auth checks": expect.any(Array) },
    ]);
    const one = collection.item[1] as PostmanItemGroup;
    expect(one.description).toBe("The first.");
    expect(collectionSchemaErrors(collection)).toEqual([]);
  });

  it.each([
    {
      title: "grant_type in the token URL's query (KPN)",
      auth: clientCredentials("https://x.test/token?grant_type=client_credentials"),
      body: ["client_id={{client_id}}", "client_secret={{client_secret}}"],
    },
    {
      title: "grant_type missing from the URL goes into the body",
      auth: clientCredentials("https://x.test/token"),
      body: [
        "client_id={{client_id}}",
        "client_secret={{client_secret}}",
        "grant_type=client_credentials",
      ],
    },
    {
      title: "scopes are sent from the scope variable",
      auth: clientCredentials("https://x.test/token", ["read", "write"]),
      body: [
        "client_id={{client_id}}",
        "client_secret={{client_secret}}",
        "grant_type=client_credentials",
        "scope={{scope}}",
      ],
    },
  ])("token request: $title", ({ auth, body }) => {
    const collection = build({ auth });
    const token = collection.item[0] as PostmanItem;
    expect(token.name).toBe("Get Access Token");
    expect(token.request.method).toBe("POST");
    expect(token.request.url.raw).toBe("{{tokenUrl}}");
    expect(token.request.auth).toEqual({ type: "noauth" });
    expect(token.request.body?.mode).toBe("urlencoded");
    const form = token.request.body?.mode === "urlencoded" ? token.request.body.urlencoded : [];
    expect(form.map((f) => `${f.key}=${f.value}`)).toEqual(body);
    expect(token.event?.map((e) => e.listen)).toEqual(["prerequest", "test"]);
  });

  it("declares the variables users and scripts rely on, secrets empty", () => {
    const auth = clientCredentials("https://x.test/token?grant_type=client_credentials&a=b", [
      "read",
    ]);
    const variables = Object.fromEntries(
      build({ auth, baseUrl: "https://api.test/v1/" }).variable.map((v) => [v.key, v.value]),
    );
    expect(variables).toMatchObject({
      baseUrl: "https://api.test/v1",
      tokenUrl: "https://x.test/token?grant_type=client_credentials&a=b",
      client_id: "",
      client_secret: "",
      access_token: "",
      access_token_expires_at: "",
      scope: "read",
      specpost_token_requests: "0",
    });
  });

  it("authenticates with bearer {{access_token}}; opted-out operations send none", () => {
    const collection = build({
      operations: [op("get", "/private"), op("get", "/public", { secured: false })],
    });
    expect(collection.auth).toEqual({
      type: "bearer",
      bearer: [{ key: "token", value: "{{access_token}}", type: "string" }],
    });
    expect(findItem(collection, "GET /private").request.auth).toBeUndefined();
    expect(findItem(collection, "GET /public").request.auth).toEqual({ type: "noauth" });
  });

  it("inlines the token scripts line by line after one generated config line", () => {
    const collection = build({
      operations: [op("get", "/private"), op("get", "/public", { secured: false })],
    });
    const pre = collection.event?.find((e) => e.listen === "prerequest");
    // The sandbox2 marker first: no legacy globals to set up before each request. The script
    // is one exec entry: the sandbox is sent every entry before each request.
    expect(pre?.script.exec[0]).toBe('"use sandbox2";');
    expect(pre?.script.exec).toHaveLength(2);
    const exec = scriptLines(pre?.script.exec.slice(1) ?? []);
    expect(exec.slice(1)).toEqual([
      ...sourceLines("token-common.js"),
      ...sourceLines("token-fetch.js"),
      ...sourceLines("token-prerequest.js"),
    ]);
    const config = JSON.parse(/^const SPECPOST = (.*);$/.exec(exec[0] ?? "")?.[1] ?? "null");
    const ids = idSource("Test API");
    // The token request, the unsecured operation and the auth checks never fetch a token.
    expect(config.noTokenItemIds.slice(0, 2)).toEqual([
      ids.of(idKeys.tokenRequest()),
      ids.of(idKeys.operation("GET /public")),
    ]);
    expect(config.noTokenItemIds).not.toContain(ids.of(idKeys.operation("GET /private")));
    expect(config.noTokenItemIds.length).toBeGreaterThan(2);
    expect(config).toMatchObject({ grantTypeInBody: false, sendScope: false, marginMs: 60000 });
  });

  it("checks every response with the collection-level script, each request naming its own contract", () => {
    const collection = build({ operations: [op("get", "/private"), op("get", "/public")] });
    const test = collection.event?.find((e) => e.listen === "test");
    // One script per kind: each one the sandbox runs costs every request a round trip. Each part
    // keeps its own block and try. The token renewal decides about a 401 first and the quota
    // wait about a 429 (the checks read what they decided), then come the checks.
    expect(collection.event?.map((e) => e.listen)).toEqual(["prerequest", "test"]);
    // Each part is one exec entry (what the sandbox is sent costs per entry), lines inside.
    const entries = test?.script.exec ?? [];
    expect(entries.slice(1).map((entry) => entry.split("\n")[0])).toEqual([
      "// ── specpost: renew a refused token ──",
      "// ── specpost: wait out a 429 ──",
      "// ── specpost: contract and chains ──",
    ]);
    const exec = scriptLines(entries);
    const parts = exec.filter((line) => line.startsWith("// ── specpost: "));
    expect(parts).toEqual([
      "// ── specpost: renew a refused token ──",
      "// ── specpost: wait out a 429 ──",
      "// ── specpost: contract and chains ──",
    ]);
    const renew = sourceLines("token-renew.js");
    expect(exec.slice(0, 3)).toEqual([
      '"use sandbox2";',
      "// ── specpost: renew a refused token ──",
      "try {",
    ]);
    expect(exec[3]).toMatch(
      /^const SPECPOST_RENEW = \{"noTokenItemIds":\[.*\],"noRetryItemIds":\[\],"maxRenewals":3\};$/,
    );
    expect(exec.slice(4, 4 + renew.length)).toEqual(renew);
    // The collection-level checks carry no operation's data: only the definitions several
    // requests share (none here), then the files as written.
    const contract = [
      "// Definitions several requests' contracts share (the checks follow a schema's $refs to them).",
      "const SPECPOST_SHARED = {};",
      ...sourceLines("contract-schema.js"),
      ...sourceLines("contract.js"),
    ];
    const at = exec.indexOf("// ── specpost: contract and chains ──");
    expect(exec.slice(at, at + contract.length + 3)).toEqual([
      "// ── specpost: contract and chains ──",
      "try {",
      ...contract,
      '} catch (error) { pm.test("specpost script: contract and chains", () => { throw error; }); }',
    ]);
    const quota = exec.indexOf("// ── specpost: wait out a 429 ──");
    expect(exec.slice(quota + 3, quota + 3 + sourceLines("api-quota.js").length)).toEqual(
      sourceLines("api-quota.js"),
    );
    const items = collection.item.filter((node): node is PostmanItem => "request" in node);
    const prerequest = (name: string) =>
      items.find((item) => item.name.includes(name))?.event?.find((e) => e.listen === "prerequest")
        ?.script.exec ?? [];
    expect(prerequest("/private").slice(0, 2)).toEqual([
      "// specpost checks every answer to GET /private (generated, do not edit):",
      "//   a 401 or 403 to the collection's token fails",
    ]);
    expect(prerequest("/private").join("\n")).toContain('"key":"GET /private"');
    expect(prerequest("/private").join("\n")).not.toContain("GET /public");
    expect(prerequest("/public").join("\n")).toContain('"key":"GET /public"');
  });

  it("puts the user's own pre-request lines after the contract, in the one script", () => {
    const collection = buildCollection(
      model({ operations: [op("get", "/private")] }),
      passThroughRegistry(),
      {
        events: new Map([
          [
            "GET /private",
            [{ listen: "prerequest", script: { type: "text/javascript", exec: ["mine();"] } }],
          ],
        ]),
        variables: [],
        rank: new Map(),
      },
    );
    const item = collection.item.find(
      (node): node is PostmanItem => "request" in node && node.name.includes("/private"),
    );
    const pre = item?.event?.filter((e) => e.listen === "prerequest") ?? [];
    expect(pre).toHaveLength(1);
    expect(pre[0]?.script.exec[0]).toBe(
      "// specpost checks every answer to GET /private (generated, do not edit):",
    );
    expect(pre[0]?.script.exec.at(-1)).toBe("mine();");
  });
});

describe("ids", () => {
  it("derive from the spec: same title and key, same id; all distinct within a collection", () => {
    const first = build();
    expect(build()).toEqual(first);
    const ids: string[] = [first.info._postman_id];
    const walk = (nodes: Array<PostmanItem | PostmanItemGroup>) => {
      for (const node of nodes) {
        ids.push(node.id);
        if (isItemGroup(node)) walk(node.item);
        else ids.push(...node.response.map((r) => r.id));
      }
    };
    walk(first.item);
    expect(new Set(ids).size).toBe(ids.length);
    expect(build({ title: "Other API" }).info._postman_id).not.toBe(first.info._postman_id);
  });
});
