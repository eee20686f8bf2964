import type { OpenAPIV3, OpenAPIV3_1 } from "openapi-types";
import type { WorkflowsModel } from "../arazzo/types";
import type { LoadedSpec } from "../load/types";
import type { Problem } from "../problems";
import type { ChainModel } from "./chain-types";
import type { OperationSecurity } from "./security-types";

/** An OpenAPI 3.0/3.1 schema object as written in the document (may be a `$ref`). */
export type OasSchema =
  | OpenAPIV3.SchemaObject
  | OpenAPIV3.ReferenceObject
  | OpenAPIV3_1.SchemaObject
  | OpenAPIV3_1.ReferenceObject
  | boolean;

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/**
 * How requests authenticate. Only `client-credentials` gets the token machinery;
 * the other kinds convert with a warning.
 */
export type AuthModel =
  | {
      kind: "client-credentials";
      schemeName: string;
      /** Absolute URL, query string kept (KPN puts `grant_type` there). */
      tokenUrl: string;
      scopes: string[];
      /** Where the token URL came from. */
      source: "flow" | "extension" | "option";
      /** How the client authenticates at the token endpoint; absent = "auto". */
      clientAuth?: ClientAuth;
      /** Extra form parameters sent with every token request (`audience`, `resource`). */
      tokenParams?: TokenParam[];
    }
  | { kind: "bearer"; schemeName: string }
  | { kind: "api-key"; schemeName: string; name: string; in: "header" | "query" | "cookie" }
  | { kind: "basic"; schemeName: string }
  | { kind: "none" };

/**
 * `spec`: an example the spec gives; `generated`: made to fit the schema; `user`: a value from
 * the overrides file, whose `{{variables}}` are meant (in spec text they are literal text).
 */
export type ExampleSource = "spec" | "generated" | "user";

export interface ParameterModel {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: OasSchema;
  style?: string;
  explode?: boolean;
  /** The value the collection sends: spec example first, else a generated sample valid for `schema`. */
  example: unknown;
  /** Where `example` came from: the spec, or generated from the schema. */
  exampleSource?: ExampleSource;
  /** Set when the parameter is described by `content` (e.g. JSON in a query string) instead of `schema`. */
  contentType?: string;
  /** No text value one `oneOf` branch alone accepts: a validating server may reject it. */
  mayReject?: true;
  /** JSON pointer of the parameter object (for problems). */
  pointer: string;
}

/** A multipart property sent as file parts (schema/binary.ts decides which). */
export interface FilePart {
  name: string;
  /** Parts to send: 1 for one file, 2 (within minItems/maxItems) for an array of files. */
  count: number;
  /** The part's media type, when the spec names one (`encoding`, 3.1 `contentMediaType`). */
  contentType?: string;
}

export interface BodyModel {
  contentType: string;
  required: boolean;
  description?: string;
  schema?: OasSchema;
  /** Spec example first, else a generated sample valid for `schema`. */
  example: unknown;
  /** Where `example` came from: the spec, or generated from the schema. */
  exampleSource?: ExampleSource;
  /**
   * No value the server would accept could be built (an unsatisfiable schema, oneOf branches
   * only a discriminator separates): the contract allows a 4xx for this request.
   */
  mayReject?: true;
  /**
   * Chain variables that stand for a number or boolean in a JSON body: written `{{name}}`, not
   * `"{{name}}"`, so the server gets the value's own type (GitHub's `issue_id` is an integer).
   */
  unquoted?: string[];
  /** Multipart: the properties that are files, sent as file parts. */
  files?: FilePart[];
  /** The whole body is bytes (an image, a PDF): sent as a file. */
  binary?: true;
  pointer: string;
}

export interface ResponseContentModel {
  contentType: string;
  schema?: OasSchema;
  /** Only examples the spec gives (used for saved Postman responses and by the mock). */
  example?: unknown;
}

export interface ResponseHeaderModel {
  name: string;
  required: boolean;
  schema?: OasSchema;
}

export interface ResponseModel {
  /** As written: `"200"`, `"2XX"`, `"default"`. */
  status: string;
  description: string;
  contents: ResponseContentModel[];
  headers: ResponseHeaderModel[];
  pointer: string;
}

export interface OperationModel {
  /** `GET /userlist`: method upper-cased + path as written. Unique within a spec. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  /** summary, else operationId, else key. */
  name: string;
  summary?: string;
  description?: string;
  /** First tag, if any: the collection folder. */
  tag?: string;
  deprecated: boolean;
  /** False when the operation opts out (`security: []`) or nothing secures it. */
  secured: boolean;
  /** The requirement alternatives and the one the collection sends (requirements.ts). */
  security?: OperationSecurity;
  parameters: ParameterModel[];
  requestBody?: BodyModel;
  /** In spec order. */
  responses: ResponseModel[];
  /**
   * Set only when the path item or operation declares its own `servers` whose first URL
   * differs from the API's baseUrl (absolute, no trailing slash).
   */
  baseUrl?: string;
  /** `#/paths/~1userlist/get` */
  pointer: string;
  /** Statuses the user declared as the expected answer (overrides `expect`), not a 2xx. */
  expectStatuses?: number[];
  /** The request could not be built valid from the spec (unsatisfiable schema). */
  mayReject?: boolean;
}

export interface ServerModel {
  /** First server with its variables at their defaults; absolute when the spec allows it. */
  baseUrl: string;
}

/** A root `servers` entry as a run target of its own (see model/servers.ts). */
export interface ServerTarget {
  /** `server-eu-production`: the environment file's target and `run --target`. */
  name: string;
  /** Its description, else its host. */
  label: string;
  /** As written, `{variables}` kept (no trailing slash). */
  url: string;
  /** The URL's variables at their defaults. */
  variables: Array<{ name: string; value: string }>;
}

export interface TagModel {
  name: string;
  description?: string;
}

export interface ApiModel {
  spec: LoadedSpec;
  /** Spec file name without extension: names the output files. */
  name: string;
  title: string;
  version: string;
  description?: string;
  baseUrl: string;
  auth: AuthModel;
  /** Document order of tags (declared tags first, then first use). */
  tags: TagModel[];
  /** Paths in document order, methods in document order. */
  operations: OperationModel[];
  /** Requests fed by earlier responses (OpenAPI links, inferred, overrides); see chain-types.ts. */
  chains?: ChainModel[];
  /** Arazzo workflows over this spec (`<name>.arazzo.yaml` beside it); see arazzo/types.ts. */
  workflows?: WorkflowsModel[];
  /** One per root server when the spec lists several. */
  servers?: ServerTarget[];
}

export interface ModelOptions {
  /** `--token-url`: token endpoint for specs that declare only http bearer (or to override). */
  tokenUrl?: string;
  /** `--client-auth`: client authentication at the token endpoint. */
  clientAuth?: ClientAuth;
  /** `--token-param NAME=VALUE` (repeatable), in the order given. */
  tokenParams?: TokenParam[];
}

/**
 * RFC 6749 §2.3.1: `post` sends client_id/client_secret in the form body (KPN), `basic` an
 * HTTP Basic header; `auto` tries one, on invalid_client the other once, and remembers.
 */
export type ClientAuth = "post" | "basic" | "auto";
export const CLIENT_AUTH_METHODS: readonly ClientAuth[] = ["post", "basic", "auto"];

export interface TokenParam {
  name: string;
  value: string;
}

export interface ModelResult {
  model?: ApiModel;
  problems: Problem[];
}
