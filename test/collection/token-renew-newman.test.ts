import { describe, expect, it } from "vitest";
import { runNewman } from "./newman-run";
import { thingsCollection, thingsEnv, useTokenServers } from "./token-things";

// A token the API refuses before its expiry (revoked), under real Newman: renewed, and the
// refused request sent again once. Token counts are requests to the token endpoint per run.

const server = useTokenServers();

interface SendableItem {
  name: string;
  id: string;
  event?: object[];
}
interface SendableCollection {
  item: Array<{ name: string; item?: SendableItem[] }>;
  variable: Array<{ key: string; value: string }>;
}

function thingsItem(collection: SendableCollection, name: string): SendableItem {
  const item = collection.item.find((i) => i.name === "Things")?.item?.find((i) => i.name === name);
  if (!item) throw new Error(`no ${name}`);
  return item;
}

/** A request's own test script, as a user's override adds it. */
const userTest = (line: string) => ({
  listen: "test",
  script: { type: "text/javascript", exec: [line] },
});

describe("a token refused mid-run", () => {
  it("a 401 before the token's expiry (revoked): renewed, the request sent again and green, token count 2", async () => {
    const s = await server({ revokeAfter: 1 });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    expect(run.scriptErrors).toEqual([]);
    expect(run.failed).toEqual([]);
    // GET /b meets the revoked token, is sent once more with the new one, then GET /c.
    expect(run.sent).toEqual(["GET /a", "GET /b", "GET /b", "GET /c"]);
    expect(s.unauthorized).toBe(1);
    expect(s.tokenRequests).toBe(2);
    expect(run.failures).toBe(0);
    // The refused attempt is not judged: one skipped line saying why, no failed assertion.
    expect(run.assertions.filter((a) => a.skipped)).toEqual([
      {
        item: "GET /b",
        name: "GET /b → 401 with a token valid by its clock: renewed the token, sending the request again (after a single Send in Postman: send it again)",
        passed: false,
        skipped: true,
      },
    ]);
    // The second attempt is checked like any other request.
    expect(
      run.assertions.filter((a) => a.item === "GET /b" && a.passed).map((a) => a.name),
    ).toEqual([
      "GET /b → authorized",
      "GET /b → status 200 is documented",
      "GET /b → 200 content type application/json",
    ]);
    expect(run.variables.specpost_token_renewals).toBe("1");
    expect(run.variables.specpost_token_resent).toBe("1");
    expect(run.variables.specpost_retry).toBe("");
  });

  it("two revocations in one run: each refused request sent again once, token count 3", async () => {
    const s = await server({ revokeAfter: [1, 2] });
    const run = await runNewman(thingsCollection(s), { envVar: thingsEnv(s), folder: "Things" });

    expect(run.failed).toEqual([]);
    expect(run.sent).toEqual(["GET /a", "GET /b", "GET /b", "GET /c", "GET /c"]);
    expect(s.tokenRequests).toBe(3);
    expect(run.variables.specpost_token_resent).toBe("2");
  });

  it("single Sends, as in the Postman app (no re-send): the next Send of the refused request gets a new token and counts as its retry", async () => {
    const s = await server({ revokeAfter: 1 });
    const collection = thingsCollection(s) as unknown as SendableCollection;
    const b = thingsItem(collection, "GET /b");
    // Ends the run after GET /b, as a single Send ends with its request: nothing is re-sent.
    b.event = [...(b.event ?? []), userTest("pm.execution.setNextRequest(null);")];
    const first = await runNewman(collection, { envVar: thingsEnv(s), folder: "Things" });
    expect(first.sent).toEqual(["GET /a", "GET /b"]);
    expect(first.failed).toEqual([]);
    expect(JSON.parse(first.variables.specpost_retry ?? "null")).toMatchObject({ name: "GET /b" });
    expect(first.assertions.filter((a) => a.skipped).map((a) => a.name)).toEqual([
      expect.stringContaining("(after a single Send in Postman: send it again)"),
    ]);

    // The second Send: the collection variables as the first left them, GET /b alone.
    collection.variable = collection.variable.map((v) => ({
      ...v,
      value: first.variables[v.key] ?? v.value,
    }));
    const second = await runNewman(collection, { envVar: thingsEnv(s), folder: "GET /b" });
    expect(second.sent).toEqual(["GET /b"]);
    expect(second.failed).toEqual([]);
    expect(second.assertions.filter((a) => a.skipped)).toEqual([]);
    expect(second.assertions.map((a) => a.name)).toContain("GET /b → authorized");
    // Taken as the retry: no "was not sent again" warning, the mark is gone.
    expect(second.warnings).toEqual([]);
    expect(second.variables.specpost_retry).toBe("");
    expect(s.tokenRequests).toBe(2);
  });

  it("a user's setNextRequest that wins over the re-send: the refused request is named, not silently passed", async () => {
    const s = await server({ revokeAfter: 1 });
    const collection = thingsCollection(s) as unknown as SendableCollection;
    const b = thingsItem(collection, "GET /b");
    const c = thingsItem(collection, "GET /c");
    // An item-level test script runs after the collection's: its choice of next request wins.
    b.event = [...(b.event ?? []), userTest(`pm.execution.setNextRequest("${c.id}");`)];
    const run = await runNewman(collection, { envVar: thingsEnv(s), folder: "Things" });

    expect(run.sent).toEqual(["GET /a", "GET /b", "GET /c"]);
    expect(run.warnings).toContain(
      "specpost: GET /b was not sent again after its 401; send it again",
    );
    expect(run.failed).toEqual([]);
    expect(run.variables.specpost_retry).toBe("");
  });
});
