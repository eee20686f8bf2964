/**
 * An Arazzo workflow over the projects/tasks spec of test/chains: create a project, add a task
 * to it, read the task back, then end (the last step must never run). `createCheck` replaces
 * the create's first criterion (a broken one fails the step); `projectId`: the id the server
 * issues the workflow's project.
 */
export function lifecycleArazzo(
  options: { createCheck?: string; projectId?: string } = {},
): string {
  const check = options.createCheck ?? "$statusCode == 201";
  // The id the server will issue the workflow's project (`p1` on a fresh server).
  const id = options.projectId ?? "p1";
  return `arazzo: 1.0.1
info: { title: Project lifecycle, version: "1" }
sourceDescriptions:
  - { name: projects, url: ./projects.yaml, type: openapi }
workflows:
  - workflowId: lifecycle
    summary: Project lifecycle
    inputs:
      type: object
      properties:
        projectName: { type: string, default: Alpha }
    steps:
      - stepId: create
        operationId: createProject
        requestBody:
          contentType: application/json
          payload: { name: $inputs.projectName }
        successCriteria:
          - condition: ${check}
          - { context: $response.body#/name, type: regex, condition: "^Al" }
        outputs:
          projectId: $response.body#/id
      - stepId: addTask
        operationPath: "{$sourceDescriptions.projects.url}#/paths/~1projects~1{projectId}~1tasks/post"
        parameters:
          - { name: projectId, in: path, value: $steps.create.outputs.projectId }
        requestBody:
          payload: { title: "task of {$steps.create.outputs.projectId}" }
        successCriteria:
          # String comparisons ignore case (Arazzo 1.0.1 §4.6.18).
          - condition: $statusCode == 201 && $response.body#/title == 'TASK OF ${id.toUpperCase()}'
        outputs:
          taskId: $response.body#/id
          title: $response.body#/title
      - stepId: readTask
        operationId: getTask
        parameters:
          - { name: projectId, in: path, value: $steps.create.outputs.projectId }
          - { name: taskId, in: path, value: $steps.addTask.outputs.taskId }
        successCriteria:
          - condition: $statusCode == 200 && $response.body#/id == $steps.addTask.outputs.taskId
          - { context: $response.body, type: jsonpath, condition: "$[?(@ == 'task of ${id}')]" }
        onSuccess:
          - { name: finished, type: end }
      - stepId: neverRun
        operationId: deleteProject
        parameters:
          - { name: projectId, in: path, value: $steps.create.outputs.projectId }
    outputs:
      task: $steps.addTask.outputs.taskId
`;
}

/** Flow control: `retry` on a 404 (twice, then the workflow ends), `goto` past a step. */
export const flowArazzo = `arazzo: 1.0.1
info: { title: Flow, version: "1" }
sourceDescriptions:
  - { name: projects, url: ./projects.yaml }
workflows:
  - workflowId: retrying
    inputs: { type: object, properties: { missing: { type: string, default: nope } } }
    steps:
      - stepId: peek
        operationId: getProject
        parameters: [{ name: projectId, in: path, value: $inputs.missing }]
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - { name: again, type: retry, retryLimit: 2, criteria: [{ condition: $statusCode == 404 }] }
      - stepId: unreached
        operationId: createProject
  - workflowId: jumping
    steps:
      - stepId: make
        operationId: createProject
        successCriteria: [{ condition: $statusCode == 201 }]
        outputs: { id: $response.body#/id }
        onSuccess: [{ name: skipRename, type: goto, stepId: read }]
      - stepId: rename
        operationId: renameProject
        parameters: [{ name: projectId, in: path, value: $steps.make.outputs.id }]
      - stepId: read
        operationId: getProject
        parameters: [{ name: projectId, in: path, value: $steps.make.outputs.id }]
        successCriteria:
          - { context: $response.body, type: jsonpath, condition: "$[?length(@) > 100]" }
`;
