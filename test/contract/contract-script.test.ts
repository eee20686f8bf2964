import { describe, expect, it } from "vitest";
import { useContractServer } from "./contract-server";
import { CONFORMING_NAMES, goodTree, goodUsers, model } from "./fixture-api";
import { failed, passedNames } from "./newman";
import { json, type Reply } from "./server";

const server = useContractServer();
const { runWith } = server;

describe("contract script under Newman", () => {
  it("passes every check, with stable readable names, against a conforming server", async () => {
    const run = await runWith({});
    expect(failed(run)).toEqual({});
    expect(passedNames(run)).toEqual(CONFORMING_NAMES);
  });

  it.each<{ fault: string; overrides: Record<string, Reply>; want: Record<string, unknown> }>([
    {
      fault: "a body that violates the schema",
      overrides: {
        "/userlist": json(
          200,
          {
            users: [
              { id: 1, callbackurl: 5 },
              { callbackurl: "x", extra: true, status: "gone" },
            ],
          },
          { "X-Request-Id": "r-1" },
        ),
      },
      want: {
        "GET /userlist → 200 matches schema UserList":
          "body does not match schema UserList: body.users[0].callbackurl should be string; " +
          "body.users[1] should NOT have additional property 'extra'; " +
          "body.users[1] should have required property 'id' (and 1 more)",
      },
    },
    {
      fault: "a recursive schema violated three levels down",
      overrides: {
        "/tree": json(200, { name: "root", children: [{ name: "a", children: [{ name: 7 }] }] }),
      },
      want: {
        "GET /tree → 200 matches schema TreeNode":
          "body does not match schema TreeNode: body.children[0].children[0].name should be string",
      },
    },
    {
      fault: "an inline schema violated",
      overrides: { "/health": json(200, { status: "degraded" }) },
      want: {
        "GET /health → 200 matches response schema":
          'body does not match response schema: body.status should be "ok"',
      },
    },
    {
      fault: "an undocumented status",
      overrides: { "/health": json(500, { message: "boom" }) },
      want: {
        "GET /health → status 500 is documented":
          "GET /health answered 500 Internal Server Error, which the spec does not document (documented: 200, 204)",
      },
    },
    {
      fault: "an API that refuses the collection's token",
      overrides: {
        "/userlist": json(401, { fault: { faultstring: "Invalid Access Token", detail: {} } }),
      },
      want: {
        // Alone: the documented 401's own checks would only repeat it.
        "GET /userlist → authorized":
          "GET /userlist answered 401 Unauthorized to a request sent with the collection's credentials " +
          "(Invalid Access Token); check the client's access to this API",
      },
    },
    {
      fault: "a wrong content type",
      overrides: {
        "/userlist": {
          status: 200,
          headers: { "content-type": "text/html", "X-Request-Id": "r" },
          body: "<p>hi</p>",
        },
      },
      want: {
        "GET /userlist → 200 content type application/json":
          "Content-Type is text/html; the spec documents application/json for 200",
      },
    },
    {
      fault: "no content type at all",
      overrides: { "/tree": { status: 200, body: JSON.stringify(goodTree) } },
      want: {
        "GET /tree → 200 content type application/json":
          "the response has no Content-Type header; the spec documents application/json for 200",
      },
    },
    {
      fault: "a missing required header",
      overrides: { "/userlist": json(200, goodUsers) },
      want: {
        "GET /userlist → 200 has header X-Request-Id":
          "the response has no X-Request-Id header, which the spec requires for 200",
      },
    },
    {
      fault: "a JSON content type over a body that is not JSON",
      overrides: {
        "/tree": { status: 200, headers: { "content-type": "application/json" }, body: "{oops" },
      },
      want: {
        "GET /tree → 200 matches schema TreeNode": expect.stringMatching(
          /^the body is not valid JSON \([^\n]+\); the spec documents schema TreeNode for 200$/,
        ),
      },
    },
    {
      fault: "an empty body where a schema is documented",
      overrides: {
        "/tree": { status: 200, headers: { "content-type": "application/json" }, body: "" },
      },
      want: {
        "GET /tree → 200 matches schema TreeNode":
          "the body is empty; the spec documents schema TreeNode for 200",
      },
    },
  ])(
    "fails on $fault with names and messages that say what is wrong",
    async ({ overrides, want }) => {
      const run = await runWith(overrides);
      expect(failed(run)).toEqual(want);
      // The same collection goes green again once the server is fixed.
      const fixed = await runWith({});
      expect(failed(fixed)).toEqual({});
      expect(passedNames(fixed)).toEqual(CONFORMING_NAMES);
    },
  );

  it("reports a refused token once per request, without checking the fault body", async () => {
    const run = await runWith({ "/userlist": json(403, { message: "no access" }) });
    const userlist = run.assertions.filter((a) => a.name.startsWith("GET /userlist"));
    expect(userlist.map((a) => [a.name, a.passed])).toEqual([
      ["GET /userlist → authorized", false],
    ]);
  });

  it("expects the non-2xx an override declares, and fails a 2xx then", async () => {
    const declared = {
      ...model,
      operations: model.operations.map((op) =>
        op.key === "GET /userlist" ? { ...op, expectStatuses: [404] } : op,
      ),
    };
    const gone = await runWith({ "/userlist": json(404, { message: "gone" }) }, declared);
    expect(failed(gone)).toEqual({});
    expect(passedNames(gone)).toContain("GET /userlist → status 404 as declared");

    const ok = await runWith({}, declared);
    expect(failed(ok)).toEqual({
      "GET /userlist → status 404 as declared": expect.stringMatching(
        /^GET \/userlist answered 200 OK; the overrides declare 404, body: \{"users"/,
      ),
    });
  });

  it("matches 4XX ranges and default, and checks the schema of the status actually returned", async () => {
    const run = await runWith({ "/userlist": json(404, { message: 404 }) });
    expect(failed(run)).toEqual({
      // The request was built from the spec to be valid: a documented 404 is still no pass.
      "GET /userlist → request accepted": `the server rejected a request built from the spec's examples: 404 Not Found, body: {"message":404}`,
      "GET /userlist → 404 matches schema Error":
        "body does not match schema Error: body.message should be string",
    });
    expect(passedNames(run)).toContain("GET /userlist → status 404 is documented");

    const fallback = await runWith({ "/userlist": json(503, { message: "later" }) });
    expect(failed(fallback)).toEqual({});
    expect(passedNames(fallback)).toEqual(
      expect.arrayContaining([
        "GET /userlist → status 503 is documented",
        "GET /userlist → 503 content type application/json",
        "GET /userlist → 503 matches schema Error",
      ]),
    );
  });

  it("accepts media type parameters and header case, and checks nothing for a status without content", async () => {
    const run = await runWith({
      "/userlist": {
        status: 200,
        headers: { "Content-Type": "Application/JSON; charset=utf-8", "x-request-id": "r" },
        body: JSON.stringify(goodUsers),
      },
      "/health": { status: 204 },
    });
    expect(failed(run)).toEqual({});
    const health = run.assertions.filter((a) => a.name.startsWith("GET /health"));
    expect(health.map((a) => a.name)).toEqual(["GET /health → status 204 is documented"]);
  });

  it("expects neither body nor Content-Type of a HEAD answer", async () => {
    const run = await runWith({ "/head": { status: 200 } });
    expect(failed(run)).toEqual({});
    const head = run.assertions.filter((a) => a.name.startsWith("HEAD /head"));
    expect(head.map((a) => a.name)).toEqual(["HEAD /head → status 200 is documented"]);
  });
});
