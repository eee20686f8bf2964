import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throw-away project folder; `files` are written relative to it. */
export interface TempProject {
  dir: string;
  write(path: string, content: string): Promise<void>;
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempProject(files: Record<string, string> = {}): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), "specpost-overrides-"));
  const project: TempProject = {
    dir,
    async write(path, content) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content, "utf8");
    },
    read: (path) => readFile(join(dir, path), "utf8"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(files)) await project.write(path, content);
  return project;
}

/**
 * A small API with the shapes overrides act on: a registration that returns values to keep,
 * a path parameter, optional query and header parameters, a JSON body. No security, so runs
 * need no token endpoint.
 */
export const USERS_SPEC = `openapi: 3.0.3
info:
  title: Users API
  version: "1.0.0"
servers:
  - url: http://127.0.0.1:9/api
tags:
  - name: Users
  - name: Reports
paths:
  /register:
    post:
      tags: [Users]
      operationId: register
      summary: Register a user
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: { type: string }
            example: { name: alice }
      responses:
        "201":
          description: Registered.
          content:
            application/json:
              schema:
                type: object
                required: [id, callbackurl]
                properties:
                  id: { type: string }
                  callbackurl: { type: string }
                  tags: { type: array, items: { type: string } }
  /users:
    get:
      tags: [Users]
      operationId: listUsers
      summary: List users
      parameters:
        - name: limit
          in: query
          required: false
          schema: { type: integer, minimum: 1 }
          example: 10
        - name: X-Trace
          in: header
          required: false
          schema: { type: string }
          example: trace-1
      responses:
        "200":
          description: Users.
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: { type: string }
                    callbackurl: { type: string }
  /reports/daily:
    get:
      tags: [Reports]
      operationId: dailyReport
      summary: Daily report
      responses:
        "200":
          description: The report.
          content:
            application/json:
              schema: { type: object }
  /users/{id}:
    get:
      tags: [Users]
      operationId: getUser
      summary: Get a user
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
          example: u-0
        - name: view
          in: query
          required: true
          schema: { type: string }
          example: full
      responses:
        "200":
          description: The user.
          content:
            application/json:
              schema: { type: object }
        "404":
          description: No such user.
`;

export const COLLECTION = "collections/users.postman_collection.json";

interface Node {
  id: string;
  name: string;
  item?: Node[];
  event?: Array<{ listen: string; script: { exec: string[] } }>;
  request?: {
    header: Array<{ key: string; value: string; disabled?: boolean }>;
    url: { raw: string; query?: Array<{ key: string; value: string; disabled?: boolean }> };
    body?: { raw?: string };
  };
}

/** The requests of a collection file in run order, folders flattened. */
export function requests(collectionText: string): Node[] {
  const walk = (nodes: Node[]): Node[] =>
    nodes.flatMap((node) => (node.item ? walk(node.item) : [node]));
  return walk((JSON.parse(collectionText) as { item: Node[] }).item);
}

export function request(collectionText: string, name: string): Node {
  const found = requests(collectionText).find((node) => node.name === name);
  if (!found) throw new Error(`no request named ${name}`);
  return found;
}
