import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { COLLECTION, requests, type TempProject, tempProject, USERS_SPEC } from "./helpers";

/**
 * What overrides do at run time, under Newman against a loopback API: values stored by `set`
 * reach later requests through `{{variables}}` in path, query and header examples; the order
 * is the listed one; the user's scripts (inline and from files) run; a disabled operation is
 * never sent.
 */
const OVERRIDES = `order: [register, getUser, listUsers]
operations:
  register:
    examples:
      body: { name: bob }
    set:
      userId: $.id
      firstTag: $.tags[0]
      hookUrl: $['callbackurl']
    prerequest: { file: scripts/register.pre.js }
  getUser:
    examples:
      path: { id: "{{userId}}" }
      query: { view: "{{firstTag}}" }
  listUsers:
    examples:
      query: { limit: 5 }
      header: { X-Trace: "{{userId}}" }
    tests: { file: scripts/users.test.js }
  dailyReport:
    disabled: true
`;

const USERS_TEST = `pm.test("the registered user is listed", () => {
  const ids = pm.response.json().map((user) => user.id);
  pm.expect(ids).to.include(pm.collectionVariables.get("userId"));
});
`;

interface Seen {
  method: string;
  url: string;
  trace?: string;
  body: string;
}

interface Api {
  origin: string;
  seen: Seen[];
  registration: object;
  close(): Promise<void>;
}

async function startApi(): Promise<Api> {
  const api = { seen: [] as Seen[], registration: {} as object };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const trace = req.headers["x-trace"];
      api.seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        body,
        ...(typeof trace === "string" && { trace }),
      });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (req.url === "/api/register") return send(201, api.registration);
      if (req.url?.startsWith("/api/users?")) {
        return send(200, [{ id: "u-42", callbackurl: "https://cb.example/x?t=1" }]);
      }
      if (req.url?.startsWith("/api/users/")) return send(200, {});
      send(404, {});
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  });
}

interface Outcome {
  assertions: Array<{ name: string; error?: string }>;
  variables: Record<string, unknown>;
}

function run(collection: object, baseUrl: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const assertions: Outcome["assertions"] = [];
    let variables: Record<string, unknown> = {};
    newman
      .run({
        collection: collection as never,
        reporters: [],
        envVar: [{ key: "baseUrl", value: baseUrl }],
      })
      .on("assertion", (error: Error | null, args: { assertion: string }) => {
        assertions.push(
          error ? { name: args.assertion, error: error.message } : { name: args.assertion },
        );
      })
      .on(
        "script",
        (
          _error: Error | null,
          args: { execution?: { collectionVariables?: { toObject(): Record<string, unknown> } } },
        ) => {
          const scope = args.execution?.collectionVariables;
          if (scope) variables = scope.toObject();
        },
      )
      .on("done", (error: Error | null) =>
        error ? reject(error) : resolve({ assertions, variables }),
      );
  });
}

let api: Api;
let project: TempProject;
let collection: object;
beforeAll(async () => {
  api = await startApi();
  project = await tempProject({
    "specs/users.yaml": USERS_SPEC,
    "specs/users.overrides.yaml": OVERRIDES,
    "specs/scripts/register.pre.js": 'pm.collectionVariables.set("pre_ran", "yes");\n',
    "specs/scripts/users.test.js": USERS_TEST,
  });
  const generated = await runCli(["generate"], project.dir);
  expect(generated.code, generated.stderr).toBe(0);
  collection = JSON.parse(await project.read(COLLECTION));
});
afterAll(async () => {
  await api?.close();
  await project?.remove();
});

describe("overrides under Newman", () => {
  it("chains values from one response into later requests, in the listed order", async () => {
    api.seen = [];
    api.registration = { id: "u-42", callbackurl: "https://cb.example/x?t=1", tags: ["vip"] };
    const outcome = await run(collection, `${api.origin}/api`);

    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /api/register",
      "GET /api/users/u-42?view=vip",
      "GET /api/users?limit=5",
    ]);
    expect(JSON.parse(api.seen[0]?.body ?? "")).toEqual({ name: "bob" });
    expect(api.seen[2]?.trace).toBe("u-42");
    expect(outcome.variables).toMatchObject({
      userId: "u-42",
      firstTag: "vip",
      hookUrl: "https://cb.example/x?t=1",
      pre_ran: "yes",
    });
    const failed = outcome.assertions.filter((a) => a.error);
    expect(failed).toEqual([]);
    expect(outcome.assertions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "stores $.id as {{userId}}",
        "stores $.tags[0] as {{firstTag}}",
        "stores $['callbackurl'] as {{hookUrl}}",
        "the registered user is listed",
      ]),
    );
  });

  it("a value missing from the response fails its own assertion, by name and status", async () => {
    api.seen = [];
    api.registration = { callbackurl: "https://cb.example/x?t=1" };
    const outcome = await run(collection, `${api.origin}/api`);
    const stored = outcome.assertions.find((a) => a.name === "stores $.id as {{userId}}");
    expect(stored?.error).toBe(
      "$.id is not in the response (status 201); later requests that use {{userId}} will not get it",
    );
    expect(
      outcome.assertions.find((a) => a.name === "stores $.tags[0] as {{firstTag}}")?.error,
    ).toContain("$.tags[0] is not in the response");
  });

  it("leaves the disabled operation out, and its now empty folder with it", () => {
    const names = requests(JSON.stringify(collection)).map((r) => r.name);
    expect(names).not.toContain("Daily report");
    const folders = (collection as { item: Array<{ name: string }> }).item.map((i) => i.name);
    expect(folders).not.toContain("Reports");
  });
});
