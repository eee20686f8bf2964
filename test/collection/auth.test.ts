import { describe, expect, it } from "vitest";
import { buildCollection } from "../../scripts/collection/build";
import type { AuthModel } from "../../scripts/model/types";
import { model, passThroughRegistry } from "./fixture";
import { collectionSchemaErrors } from "./postman-schema";

// Specs without client credentials still convert, with the auth they declare and no token
// request, token variables or pre-request script.

describe("other auth kinds convert without the token machinery", () => {
  it.each<[string, AuthModel, unknown, string[]]>([
    [
      "bearer",
      { kind: "bearer", schemeName: "b" },
      { type: "bearer", bearer: [{ key: "token", value: "{{access_token}}", type: "string" }] },
      ["baseUrl", "access_token"],
    ],
    [
      "api key in a header",
      { kind: "api-key", schemeName: "k", name: "X-Key", in: "header" },
      {
        type: "apikey",
        apikey: [
          { key: "key", value: "X-Key", type: "string" },
          { key: "value", value: "{{apikey_k}}", type: "string" },
          { key: "in", value: "header", type: "string" },
        ],
      },
      ["baseUrl", "apikey_k"],
    ],
    [
      "api key in a cookie",
      { kind: "api-key", schemeName: "k", name: "sid", in: "cookie" },
      {
        type: "apikey",
        apikey: [
          { key: "key", value: "Cookie", type: "string" },
          { key: "value", value: "sid={{apikey_k}}", type: "string" },
          { key: "in", value: "header", type: "string" },
        ],
      },
      ["baseUrl", "apikey_k"],
    ],
    [
      "basic",
      { kind: "basic", schemeName: "b" },
      {
        type: "basic",
        basic: [
          { key: "username", value: "{{username}}", type: "string" },
          { key: "password", value: "{{password}}", type: "string" },
        ],
      },
      ["baseUrl", "username", "password"],
    ],
    ["none", { kind: "none" }, { type: "noauth" }, ["baseUrl"]],
  ])("%s", (_name, auth, want, variables) => {
    const collection = buildCollection(model({ auth }), passThroughRegistry());
    expect(collection.auth).toEqual(want);
    expect(collection.variable.map((v) => v.key)).toEqual(variables);
    expect(collection.item.map((i) => i.name)).toEqual(["GET /things"]);
    expect(collection.event?.map((e) => e.listen)).toEqual(["test"]);
    expect(collectionSchemaErrors(collection)).toEqual([]);
  });
});
