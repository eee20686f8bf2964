import { describe, expect, it } from "vitest";
import { singleQuoted } from "../../scripts/collection/contract-data";
import { readContractLine } from "../../scripts/collection/contract-lines";
import { idKeys, idSource } from "../../scripts/collection/ids";
import type { PostmanItem } from "../../scripts/collection/types";
import { runNewman } from "../collection/newman-run";
import { useContractServer } from "./contract-server";
import { fixtureCollection, handRegistry } from "./fixture";
import { definitions, model } from "./fixture-api";
import { failed } from "./newman";

const server = useContractServer();

describe("contract script under Newman", () => {
  it("stays quiet on secured requests after a failed token fetch, and skips requests it has no contract for", async () => {
    const ids = idSource("someone else");
    const userAdded: PostmanItem = {
      id: ids.of(idKeys.operation("GET /health")),
      name: "added by a user",
      request: {
        method: "GET",
        header: [],
        url: { raw: "{{baseUrl}}/nowhere", host: ["{{baseUrl}}"], path: ["nowhere"] },
      },
      response: [],
    };
    server.answer({});
    const collection = fixtureCollection(model, handRegistry(definitions), {
      baseUrl: server.url,
      extraItems: [userAdded],
    });
    collection.item = collection.item.filter((item) => item.name !== "Auth checks");
    collection.variable.push({ key: "specpost_token_error", value: '{"message":"token failed"}' });
    const run = await runNewman(collection);
    expect(run.scriptErrors).toEqual([]);
    // Only the unsecured operations are still checked; the user's request gets no assertion.
    expect(run.assertions.map((a) => `${a.item}: ${a.name}`)).toEqual([
      "GET /health: GET /health → status 200 is documented",
      "GET /health: GET /health → 200 content type application/json",
      "GET /health: GET /health → 200 matches response schema",
      "HEAD /head: HEAD /head → status 200 is documented",
      "DELETE /gone: DELETE /gone → status 204 is documented",
    ]);
  });

  it("adds no contract noise when a request gets no answer at all", async () => {
    const collection = fixtureCollection(model, handRegistry(definitions), {
      // Port 9 (discard) is closed on loopback: every request fails to connect.
      baseUrl: "http://127.0.0.1:9",
    });
    collection.item = collection.item.filter((item) => item.name !== "Auth checks");
    // A token that is still valid, so no token fetch runs: only the API is unreachable.
    collection.variable.push(
      { key: "access_token", value: "a-valid-token" },
      { key: "access_token_expires_at", value: String(Date.now() + 3_600_000) },
      { key: "specpost_token_refresh_at", value: String(Date.now() + 3_000_000) },
    );
    const run = await runNewman(collection);
    expect(run.scriptErrors).toEqual([]);
    expect(run.assertions.filter((a) => a.name.includes("→"))).toEqual([]);
  });

  it("enforces each request's own declared contract, and none on a request that declares none", async () => {
    server.answer({});
    const collection = fixtureCollection(model, handRegistry(definitions), { baseUrl: server.url });
    collection.item = collection.item.filter((item) => item.name !== "Auth checks");
    const items = collection.item as PostmanItem[];
    const byPath = (path: string) =>
      items.find((item) => item.request.url.path?.join("/") === path);
    const userlist = byPath("userlist");
    const health = byPath("health");
    const exec = userlist?.event?.[0]?.script.exec ?? [];
    // A different contract in this request's own script: a status the server does not send.
    const line = exec.findIndex((l) => l.startsWith("const SPECPOST_CONTRACT = "));
    const contract = JSON.parse(readContractLine(exec) ?? "");
    exec[line] =
      `const SPECPOST_CONTRACT = ${singleQuoted(JSON.stringify({ ...contract, expect: [299] }))};`;
    // And no declaration at all on another: the previous request's must not apply to it.
    if (health) delete health.event;
    const run = await runNewman(collection);
    expect(run.scriptErrors).toEqual([]);
    expect(failed(run)).toEqual({
      "GET /userlist → status 299 as declared": expect.stringContaining(
        "the overrides declare 299",
      ),
    });
    expect(run.assertions.filter((a) => a.item === health?.name)).toEqual([]);
  });
});
