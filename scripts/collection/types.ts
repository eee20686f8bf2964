/**
 * The slice of the Postman Collection v2.1 format specpost writes, as plain JSON shapes.
 * Plain objects (not postman-collection SDK instances) so the serialiser alone decides
 * what lands in the file, byte for byte.
 */

export const POSTMAN_SCHEMA_URL =
  "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

export interface PostmanVariable {
  key: string;
  value: string;
  type?: "string" | "boolean" | "any" | "number";
  description?: string;
  disabled?: boolean;
}

export interface PostmanAuthAttribute {
  key: string;
  value: string;
  type: "string";
}

export type PostmanAuth =
  | { type: "noauth" }
  | { type: "bearer"; bearer: PostmanAuthAttribute[] }
  | { type: "apikey"; apikey: PostmanAuthAttribute[] }
  | { type: "basic"; basic: PostmanAuthAttribute[] };

export interface PostmanScript {
  type: "text/javascript";
  exec: string[];
}

export interface PostmanEvent {
  listen: "prerequest" | "test";
  script: PostmanScript;
}

export interface PostmanHeader {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

export interface PostmanQueryParam {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

export interface PostmanUrl {
  raw: string;
  host: string[];
  path?: string[];
  query?: PostmanQueryParam[];
  variable?: PostmanVariable[];
}

export interface PostmanFormParam {
  key: string;
  value?: string;
  type: "text" | "file";
  /** A file part's file, relative to the working directory (sample-files.ts). */
  src?: string | string[] | null;
  /** A file part's media type, when the spec names one. */
  contentType?: string;
  description?: string;
  disabled?: boolean;
}

export type PostmanBody =
  | { mode: "raw"; raw: string; options?: { raw: { language: string } } }
  | { mode: "urlencoded"; urlencoded: PostmanFormParam[] }
  | { mode: "formdata"; formdata: PostmanFormParam[] }
  | { mode: "file"; file: { src: string } };

export interface PostmanRequest {
  auth?: PostmanAuth;
  method: string;
  header: PostmanHeader[];
  body?: PostmanBody;
  url: PostmanUrl;
  description?: string;
}

export interface PostmanResponse {
  id: string;
  name: string;
  originalRequest: PostmanRequest;
  status: string;
  code: number;
  _postman_previewlanguage: string;
  header: PostmanHeader[];
  cookie: never[];
  body: string;
}

export interface PostmanItem {
  id: string;
  name: string;
  description?: string;
  event?: PostmanEvent[];
  request: PostmanRequest;
  response: PostmanResponse[];
}

export interface PostmanItemGroup {
  id: string;
  name: string;
  description?: string;
  item: Array<PostmanItem | PostmanItemGroup>;
  auth?: PostmanAuth;
  event?: PostmanEvent[];
}

export interface PostmanCollection {
  info: {
    _postman_id: string;
    name: string;
    description?: string;
    version?: string;
    schema: typeof POSTMAN_SCHEMA_URL;
  };
  item: Array<PostmanItem | PostmanItemGroup>;
  event?: PostmanEvent[];
  auth?: PostmanAuth;
  variable: PostmanVariable[];
}

export interface PostmanEnvironmentValue {
  key: string;
  value: string;
  type: "default" | "secret";
  enabled: true;
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: PostmanEnvironmentValue[];
  _postman_variable_scope: "environment";
}

export const isItemGroup = (node: PostmanItem | PostmanItemGroup): node is PostmanItemGroup =>
  "item" in node;

/** A folder of `I` items: the collection's tree while it is built, its items maybe not yet. */
export interface FolderOf<I> {
  id: string;
  name: string;
  description?: string;
  item: Array<I | FolderOf<I>>;
}

export const isFolder = <I extends { id: string }>(node: I | FolderOf<I>): node is FolderOf<I> =>
  "item" in node;

/** What the user's overrides add beyond the model, placed by the builder as it builds. */
export interface CollectionAdditions {
  /** Events appended to an operation's item, by operation key. */
  events: ReadonlyMap<string, PostmanEvent[]>;
  /** Collection variables the user's `set` entries fill, after the generated ones. */
  variables: PostmanVariable[];
  /** Run rank by operation key; items and folders run in rank order. */
  rank: ReadonlyMap<string, number>;
}
