import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the API answered: what a user would read in its access log. */
export interface Hit {
  method: string;
  path: string;
  status: number;
}

export interface StatefulApi {
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
    held: () =>
      [...projects].flatMap(([id, p]) => [id, ...[...p.tasks.keys()].map((t) => `${id}/${t}`)]),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
