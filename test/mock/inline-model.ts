import type { LoadedSpec, OpenApiDocument } from "../../scripts/load/types";
import type {
  ApiModel,
  AuthModel,
  HttpMethod,
  OasSchema,
  OperationModel,
  ParameterModel,
  ResponseModel,
} from "../../scripts/model/types";

/**
 * A deliberately small stand-in for loadSpec + buildModel, so the mock's tests do not depend on
 * the other stages: enough of the model for inline OpenAPI 3 documents.
 */
type Node = Record<string, unknown>;
const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function deref(document: unknown, node: unknown): Node {
  let current = node as Node;
  while (current && typeof current.$ref === "string") {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .reduce(
        (at: Node, key) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")] as Node,
        document as Node,
      );
  }
  return current;
}

function authOf(document: Node): AuthModel {
  const schemes = ((document.components as Node | undefined)?.securitySchemes ?? {}) as Record<
    string,
    Node
  >;
  for (const [schemeName, scheme] of Object.entries(schemes)) {
    const flow = (scheme.flows as Node | undefined)?.clientCredentials as Node | undefined;
    if (scheme.type === "oauth2" && flow) {
      return {
        kind: "client-credentials",
        schemeName,
        tokenUrl: String(flow.tokenUrl),
        scopes: [],
        source: "flow",
      };
    }
    if (scheme.type === "http" && scheme.scheme === "bearer") return { kind: "bearer", schemeName };
    if (scheme.type === "apiKey") {
      return {
        kind: "api-key",
        schemeName,
        name: String(scheme.name),
        in: scheme.in as "header" | "query",
      };
    }
  }
  return { kind: "none" };
}

export function inlineModel(input: object, file = "inline.yaml"): ApiModel {
  const document = input as Node;
  const spec: LoadedSpec = {
    file,
    absolutePath: `/inline/${file}`,
    version: String(document.openapi).startsWith("3.1") ? "3.1" : "3.0",
    document: input as OpenApiDocument,
    locate: () => ({ file, line: 1, column: 1 }),
  };
  const operations: OperationModel[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Node>)) {
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const pointer = `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`;
      const security = (op.security ?? document.security ?? []) as unknown[];
      const parameters = [
        ...((item.parameters ?? []) as Node[]),
        ...((op.parameters ?? []) as Node[]),
      ]
        .map((p) => deref(document, p))
        .map(
          (p): ParameterModel => ({
            name: String(p.name),
            in: p.in as ParameterModel["in"],
            required: p.required === true,
            schema: p.schema as OasSchema,
            example: p.example,
            ...(typeof p.style === "string" && { style: p.style }),
            ...(typeof p.explode === "boolean" && { explode: p.explode }),
            pointer,
          }),
        );
      const body = op.requestBody ? deref(document, op.requestBody) : undefined;
      const [bodyType, bodyMedia] =
        Object.entries((body?.content ?? {}) as Record<string, Node>)[0] ?? [];
      const responses = Object.entries((op.responses ?? {}) as Record<string, Node>).map(
        ([status, raw]): ResponseModel => {
          const response = deref(document, raw);
          return {
            status,
            description: String(response.description ?? ""),
            contents: Object.entries((response.content ?? {}) as Record<string, Node>).map(
              ([contentType, media]) => ({
                contentType,
                schema: media.schema as OasSchema,
                ...(media.example !== undefined && { example: media.example }),
              }),
            ),
            headers: Object.entries((response.headers ?? {}) as Record<string, Node>).map(
              ([name, h]) => ({
                name,
                required: deref(document, h).required === true,
                schema: deref(document, h).schema as OasSchema,
              }),
            ),
            pointer: `${pointer}/responses/${status}`,
          };
        },
      );
      const key = `${method.toUpperCase()} ${path}`;
      operations.push({
        key,
        method,
        path,
        name: String(op.summary ?? op.operationId ?? key),
        deprecated: false,
        secured: security.length > 0 && authOf(document).kind !== "none",
        parameters,
        ...(typeof op.operationId === "string" && { operationId: op.operationId }),
        ...(bodyType !== undefined && {
          requestBody: {
            contentType: bodyType,
            required: body?.required === true,
            schema: bodyMedia?.schema as OasSchema,
            example: bodyMedia?.example,
            pointer: `${pointer}/requestBody`,
          },
        }),
        responses,
        pointer,
      });
    }
  }
  const info = (document.info ?? {}) as Node;
  return {
    spec,
    name: file.replace(/\.[^.]+$/, ""),
    title: String(info.title ?? "API"),
    version: String(info.version ?? "1"),
    baseUrl: String(
      ((document.servers as Node[] | undefined)?.[0]?.url as string | undefined) ?? "/",
    ),
    auth: authOf(document),
    tags: [],
    operations,
  };
}
