import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the API answered: what a user would read in its access log. */
export interface Hit {
  method: string;
  path: string;
  status: number;
}

export interface StatefulApi extends TokenCounts {
  origin: string;
  hits: Hit[];
  /** What the server still holds: `p3`, `p3/t4`, … (a clean run leaves nothing). */
  held(): string[];
  close(): Promise<void>;
}

export interface StatefulOptions {
  /** Refuse every project create with 409 (a documented failure): the broken producer. */
  refuseProjects?: boolean;
  /** Name of the id field in created objects (`id`; `key` for the spec whose links say so). */
  idField?: string;
  /**
   * OAuth 2.0 client credentials: POST /oauth/token issues tokens for TOKEN_CLIENT, every
   * /projects request needs one (401 without). Just before an API request for which `revoke`
   * says yes is judged, every token issued so far is revoked.
   */
  tokens?: { revoke: (request: ApiRequest) => boolean };
}

/** An API request as `revoke` sees it: `index` counts from 1, Auth checks included. */
export interface ApiRequest {
  index: number;
  method: string;
  path: string;
}

export const TOKEN_CLIENT = { id: "chain-client", secret: "chain-secret-value" };

/** Requests to /oauth/token with the right credentials. */
export interface TokenCounts {
  tokenRequests: number;
}

/** 401 for a missing, unknown or revoked token; undefined when the request may go on. */
function tokenCheck(
  rules: NonNullable<StatefulOptions["tokens"]>,
  issued: Set<string>,
  request: ApiRequest,
  authorization: string | undefined,
): object | undefined {
  if (rules.revoke(request)) issued.clear();
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  return token !== undefined && issued.has(token) ? undefined : { message: "invalid token" };
}

const MAX_BODY = 64 * 1024;

/**
 * A projects/tasks API that remembers what was created: ids are issued by the server (never
 * the spec's examples), unknown ids get 404, deletes forget. Loopback, ephemeral port.
 */
export async function startStatefulApi(options: StatefulOptions = {}): Promise<StatefulApi> {
  const idField = options.idField ?? "id";
  const projects = new Map<string, { name: string; tasks: Map<string, string> }>();
  const hits: Hit[] = [];
  let next = 1;
  const issued = new Set<string>();
  const counts = { tokenRequests: 0, apiRequests: 0 };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      if (text.length < MAX_BODY) text += chunk.toString("utf8");
    });
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const method = req.method ?? "GET";
      const send = (status: number, body?: object) => {
        hits.push({ method, path, status });
        res.writeHead(status, body ? { "content-type": "application/json" } : {});
        res.end(body ? JSON.stringify(body) : undefined);
      };
      if (options.tokens && path === "/oauth/token") {
        const form = new URLSearchParams(text);
        if (
          form.get("client_id") !== TOKEN_CLIENT.id ||
          form.get("client_secret") !== TOKEN_CLIENT.secret
        ) {
          return send(401, { error: "invalid_client" });
        }
        counts.tokenRequests += 1;
        const token = `tok${counts.tokenRequests}`;
        issued.add(token);
        return send(200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
      }
      if (options.tokens) {
        counts.apiRequests += 1;
        const request = { index: counts.apiRequests, method, path };
        const refused = tokenCheck(options.tokens, issued, request, req.headers.authorization);
        if (refused) return send(401, refused);
      }
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return send(400, { message: "not JSON" });
      }
      const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
      const [root, projectId, sub, taskId] = parts;
      if (root !== "projects") return send(404, { message: "no such path" });
      if (projectId === undefined) {
        if (method !== "POST") return send(405, { message: "method" });
        if (options.refuseProjects) return send(409, { message: "project quota reached" });
        const id = `p${next++}`;
        projects.set(id, { name: String(body.name ?? ""), tasks: new Map() });
        return send(201, { [idField]: id, name: String(body.name ?? "") });
      }
      const project = projects.get(projectId);
      if (!project) return send(404, { message: `no project ${projectId}` });
      if (sub === undefined) {
        if (method === "GET") return send(200, { [idField]: projectId, name: project.name });
        if (method === "PATCH") {
          project.name = String(body.name ?? project.name);
          return send(200, { [idField]: projectId, name: project.name });
        }
        if (method === "DELETE") {
          projects.delete(projectId);
          return send(204);
        }
        return send(405, { message: "method" });
      }
      if (sub !== "tasks") return send(404, { message: "no such path" });
      if (taskId === undefined) {
        if (method !== "POST") return send(405, { message: "method" });
        const id = `t${next++}`;
        project.tasks.set(id, String(body.title ?? ""));
        return send(201, { [idField]: id, title: String(body.title ?? "") });
      }
      const task = project.tasks.get(taskId);
      if (task === undefined) return send(404, { message: `no task ${taskId}` });
      if (method === "GET") return send(200, { [idField]: taskId, title: task });
      if (method === "DELETE") {
        project.tasks.delete(taskId);
        return send(204);
      }
      return send(405, { message: "method" });
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    get tokenRequests() {
      return counts.tokenRequests;
    },
    held: () =>
      [...projects].flatMap(([id, p]) => [id, ...[...p.tasks.keys()].map((t) => `${id}/${t}`)]),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
