import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { mock } from "./helpers";
import { inlineModel } from "./inline-model";

/** Projects with tasks under them, a list, and a create answering 201 with `id` and Location. */
const thing = { $ref: "#/components/schemas/Project" };
const change = {
  type: "object",
  properties: { name: { type: "string" }, owner: { type: "object" } },
};
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const idParam = (name: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
});
const intParam = (name: string) => ({ ...idParam(name), schema: { type: "integer" } });
const spec = {
  openapi: "3.0.3",
  info: { title: "Projects", version: "1" },
  servers: [{ url: "https://api.example.com/v1" }],
  paths: {
    "/projects": {
      get: {
        responses: { "200": { description: "all", ...json({ type: "array", items: thing }) } },
      },
      post: {
        requestBody: { required: true, ...json(change) },
        responses: {
          "201": {
            description: "created",
            headers: { Location: { schema: { type: "string" } } },
            ...json(thing),
          },
        },
      },
    },
    "/projects/{projectId}": {
      parameters: [idParam("projectId")],
      get: {
        responses: {
          "200": { description: "one", ...json(thing) },
          "404": { description: "none" },
        },
      },
      patch: {
        requestBody: json(change),
        responses: { "200": { description: "patched", ...json(thing) } },
      },
      delete: { responses: { "204": { description: "gone" }, "404": { description: "none" } } },
    },
    "/projects/{projectId}/tasks/{taskId}": {
      parameters: [idParam("projectId"), idParam("taskId")],
      get: {
        responses: {
          "200": { description: "one", ...json(thing) },
          "404": { description: "none" },
        },
      },
    },
    "/café/{id}": {
      parameters: [idParam("id")],
      get: { responses: { "200": { description: "one", ...json(thing) } } },
    },
    "//x/{id}": {
      parameters: [idParam("id")],
      get: { responses: { "200": { description: "one", ...json(thing) } } },
    },
    // OData functions (Microsoft Graph): one segment, several captures, integers.
    "/image(width={width})": {
      parameters: [intParam("width")],
      get: { responses: { "200": { description: "one", ...json(thing) } } },
    },
    "/image(width={width},height={height})": {
      parameters: [intParam("width"), intParam("height")],
      get: { responses: { "200": { description: "one", ...json(thing) } } },
    },
  },
  components: {
    schemas: {
      Project: {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "string", example: "prj_1" },
          name: { type: "string", example: "sample" },
          owner: {
            type: "object",
            required: ["login"],
            properties: { login: { type: "string", example: "octo" } },
          },
        },
      },
    },
  },
};
const model = inlineModel(spec);
const send = (url: string, method: string, body?: object) =>
  fetch(url, {
    method,
    ...(body && { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

describe("the stateful mock", () => {
  it("issues an id on POST, answers GET with what was created, and 404 after DELETE", async () => {
    const server = await mock(model);
    const created = await send(`${server.baseUrl}/projects`, "POST", { id: "x", name: "demo" });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; name: string };
    // The mock's own id, not the spec's example nor the one the client sent.
    expect(body.id).not.toBe("prj_1");
    expect(body.id).not.toBe("x");
    expect(body.name).toBe("demo");
    expect(created.headers.get("location")).toBe(`/v1/projects/${body.id}`);

    const item = `${server.baseUrl}/projects/${body.id}`;
    expect(await (await send(item, "GET")).json()).toEqual(body);
    const patched = await send(item, "PATCH", { name: "renamed" });
    expect(await patched.json()).toEqual({ ...body, name: "renamed" });
    const list = (await (await send(`${server.baseUrl}/projects`, "GET")).json()) as unknown[];
    expect(list[0]).toEqual({ ...body, name: "renamed" });

    expect((await send(item, "DELETE")).status).toBe(204);
    expect((await send(item, "GET")).status).toBe(404);
    expect((await send(`${item}/tasks/t1`, "GET")).status).toBe(404);
    expect((await send(item, "DELETE")).status).toBe(404);
    expect(server.state()).toEqual({ served: 3, unknownIds: [] });
  });

  it("keeps a DELETE of a path the run never created to that path (example values)", async () => {
    // A collection sends the spec's examples: DELETE /orgs/{org} with org "string" must not
    // make every later /orgs/string/... request a 404.
    const server = await mock(model);
    const example = `${server.baseUrl}/projects/prj_1`;
    expect((await send(`${example}/tasks/t1`, "GET")).status).toBe(200);
    expect((await send(example, "DELETE")).status).toBe(204);
    expect((await send(example, "GET")).status).toBe(404);
    expect((await send(`${example}/tasks/t1`, "GET")).status).toBe(200);
  });

  it("never answers what the schema rejects: a sent field that breaks it is not kept", async () => {
    const server = await mock(model);
    const created = await send(`${server.baseUrl}/projects`, "POST", { name: "demo", owner: {} });
    const body = (await created.json()) as { id: string; owner: { login?: string } };
    expect(body.owner.login).toBe("octo");
    expect(body.id).not.toBe("prj_1");
  });

  it("counts item requests with ids it never issued, and forgets everything on reset", async () => {
    const server = await mock(model);
    expect((await send(`${server.baseUrl}/projects/prj_made_up`, "GET")).status).toBe(200);
    expect(server.state().unknownIds).toEqual(["GET /projects/prj_made_up"]);
    await send(`${server.origin}/__specpost/reset`, "POST");
    expect(server.state()).toEqual({ served: 0, unknownIds: [] });
  });

  it("--stateless answers every request with the sample, as before", async () => {
    const server = await mock(model, { stateless: true });
    const created = await send(`${server.baseUrl}/projects`, "POST", { name: "demo" });
    expect(((await created.json()) as { id: string }).id).toBe("prj_1");
    expect((await send(`${server.baseUrl}/projects/prj_1`, "DELETE")).status).toBe(204);
    const item = await send(`${server.baseUrl}/projects/prj_1`, "GET");
    expect(await item.json()).toEqual({ id: "prj_1", name: "sample", owner: { login: "octo" } });
  });
});

/** A request line exactly as written (fetch would normalise `//x`). */
function rawGet(origin: string, path: string): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path, method: "GET" },
      (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

describe("routing its own odd paths", () => {
  it.each([
    ["a non-ASCII path, percent-encoded", "/v1/caf%C3%A9/7", 200],
    ["a path whose first segment is empty (not a host)", "/v1//x/7", 200],
    ["an unknown path", "/v1/cafe/7", 404],
    // A value with a slash is one segment only percent-encoded, as OpenAPI's path style says.
    ["an encoded slash in a parameter", "/v1/caf%C3%A9/refs%2Fheads%2Fx", 200],
    ["a raw slash in a parameter", "/v1/caf%C3%A9/refs/heads/x", 404],
    // The template with more fixed text wins: not width = "1,height=2" (not an integer: 400).
    ["two captures in one segment", "/v1/image(width=1,height=2)", 200],
    ["one capture in that segment", "/v1/image(width=1)", 200],
  ])("%s", async (_name, path, status) => {
    const server = await mock(model);
    expect(await rawGet(server.origin, path)).toBe(status);
  });

  it("a //x request target is a path, not a host", async () => {
    const server = await mock(
      inlineModel({ ...spec, servers: [{ url: "https://api.example.com" }] }),
    );
    expect(await rawGet(server.origin, "//x/7")).toBe(200);
  });
});
