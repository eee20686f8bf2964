import type { HttpMethod } from "./types";

export const HTTP_METHODS: ReadonlySet<string> = new Set<HttpMethod>([
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
]);

export const isHttpMethod = (key: string): key is HttpMethod => HTTP_METHODS.has(key);
