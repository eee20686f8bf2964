import { describe, expect, it } from "vitest";
import type { PostmanItem, PostmanItemGroup } from "../../scripts/collection/types";
import { build } from "./run";

const items = (nodes: Array<PostmanItem | PostmanItemGroup>): PostmanItem[] =>
  nodes.flatMap((n) => ("item" in n ? items(n.item) : [n]));

describe("what each request sends for its security requirement", () => {
  it("mutual TLS is a note, basic + API key their own auth beside a client-credentials collection", async () => {
    const built = await build("test/fixtures/specs/security/mtls-basic.yaml");
    const byName = new Map(items(built.collection.item).map((i) => [i.name, i.request]));
    expect(byName.get("certified")?.auth).toEqual({ type: "noauth" });
    expect(byName.get("certified")?.description).toContain("Needs mutual TLS");
    expect(byName.get("legacy")?.auth?.type).toBe("basic");
    expect(byName.get("legacy")?.header).toContainEqual({ key: "X-Key", value: "{{apikey_Key}}" });
    expect(byName.get("modern")?.auth).toBeUndefined(); // the collection's bearer token
    const production = built.environment("production").values.map((v) => `${v.key}:${v.type}`);
    expect(production).toEqual(expect.arrayContaining(["apikey_Key:secret", "password:secret"]));
    const mock = built.environment("mock").values;
    expect(mock.find((v) => v.key === "apikey_Key")?.value).toBe("specpost-mock-api-key");
  });

  it("lists the alternatives the spec also accepts", async () => {
    const built = await build("test/fixtures/specs/security/or-alternatives.yaml");
    const reports = items(built.collection.item).find((i) => i.name === "listReports");
    expect(reports?.request.description).toContain(
      "**Security** (sent): OAuth2 (client-credentials) + PartnerKey (API key in header X-Partner-Key, {{apikey_PartnerKey}}).",
    );
    expect(reports?.request.description).toContain(
      "The spec also accepts: UserAuth (user token (implicit), {{user_access_token}}).",
    );
  });
});
