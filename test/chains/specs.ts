/**
 * A projects/tasks API in the order people often write it (item paths first, deletes before
 * sub-resources), with made-up example ids no server ever issued. `links: true` declares the
 * chains as OpenAPI links and names the id `key`, which inference would not find.
 */
export function projectsSpec(origin: string, options: { links?: boolean } = {}): string {
  const id = options.links ? "key" : "id";
  const link = (operationId: string, param: string) =>
    options.links
      ? `
          links:
            ${operationId}:
              operationId: ${operationId}
              parameters:
                ${param}: $response.body#/key`
      : "";
  const projectLinks = options.links
    ? `
          links:
            getProject: { operationId: getProject, parameters: { projectId: $response.body#/key } }
            renameProject: { operationId: renameProject, parameters: { projectId: $response.body#/key } }
            deleteProject: { operationId: deleteProject, parameters: { projectId: $response.body#/key } }
            createTask: { operationId: createTask, parameters: { projectId: $response.body#/key } }
            getTask: { operationId: getTask, parameters: { projectId: $response.body#/key } }
            deleteTask: { operationId: deleteTask, parameters: { projectId: $response.body#/key } }`
    : "";
  return `openapi: 3.0.3
info: { title: Projects, version: "1.0.0" }
servers: [{ url: "${origin}" }]
paths:
  /projects/{projectId}:
    parameters:
      - { name: projectId, in: path, required: true, schema: { type: string }, example: prj_7h2k9x4m1q }
    get:
      operationId: getProject
      responses:
        "200": { description: the project, content: { application/json: { schema: { $ref: "#/components/schemas/Project" } } } }
        "404": { description: no such project, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
    delete:
      operationId: deleteProject
      responses:
        "204": { description: deleted }
        "404": { description: no such project, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
    patch:
      operationId: renameProject
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { name: { type: string } } }, example: { name: renamed } } }
      responses:
        "200": { description: the project, content: { application/json: { schema: { $ref: "#/components/schemas/Project" } } } }
        "404": { description: no such project, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
  /projects:
    post:
      operationId: createProject
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { name: { type: string } } }, example: { name: demo } } }
      responses:
        "201":
          description: created
          content: { application/json: { schema: { $ref: "#/components/schemas/Project" } } }${projectLinks}
        "409": { description: refused, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
  /projects/{projectId}/tasks/{taskId}:
    parameters:
      - { name: projectId, in: path, required: true, schema: { type: string }, example: prj_7h2k9x4m1q }
      - { name: taskId, in: path, required: true, schema: { type: string }, example: tsk_3b8c1d }
    get:
      operationId: getTask
      responses:
        "200": { description: the task, content: { application/json: { schema: { $ref: "#/components/schemas/Task" } } } }
        "404": { description: no such task, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
    delete:
      operationId: deleteTask
      responses:
        "204": { description: deleted }
        "404": { description: no such task, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
  /projects/{projectId}/tasks:
    parameters:
      - { name: projectId, in: path, required: true, schema: { type: string }, example: prj_7h2k9x4m1q }
    post:
      operationId: createTask
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { title: { type: string } } }, example: { title: write tests } } }
      responses:
        "201":
          description: created
          content: { application/json: { schema: { $ref: "#/components/schemas/Task" } } }${link("getTask", "taskId")}${
            options.links
              ? `
            deleteTask: { operationId: deleteTask, parameters: { taskId: $response.body#/key } }`
              : ""
          }
        "404": { description: no such project, content: { application/json: { schema: { $ref: "#/components/schemas/Error" } } } }
components:
  schemas:
    Project:
      type: object
      required: [${id}, name]
      properties: { ${id}: { type: string }, name: { type: string } }
    Task:
      type: object
      required: [${id}, title]
      properties: { ${id}: { type: string }, title: { type: string } }
    Error:
      type: object
      properties: { message: { type: string } }
`;
}
