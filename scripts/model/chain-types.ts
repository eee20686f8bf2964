/**
 * A chain: one request's response feeds a later request's parameter or body field, so the
 * later request uses an id the server issued instead of a made-up example.
 */

/** Where the producing request's value comes from. */
export type ChainSource =
  /** A JSON pointer into the response body (`$response.body#/id` → ["id"]). */
  | { from: "body"; pointer: string[] }
  /** A response header as sent (`$response.header.Location`). */
  | { from: "header"; name: string }
  /** The last path segment of a `Location` header (`/things/42` → `42`). */
  | { from: "location-id" }
  /** The value the producing request itself sent (`$request.path.id`). */
  | { from: "request"; in: "path" | "query" | "header"; name: string };

/** Where the consuming request uses it. */
export type ChainTarget =
  | { in: "path" | "query" | "header"; name: string }
  /** A top-level-or-deeper field of the JSON request body. */
  | { in: "body"; path: string[] };

export interface ChainModel {
  /** Collection variable that carries the value (`projectId`). */
  variable: string;
  /** Operation key of the producer (`POST /projects`). */
  producer: string;
  source: ChainSource;
  /** The source as a runtime expression, for notes and test names (`$response.body#/id`). */
  expression: string;
  /** Operation key of the consumer. */
  consumer: string;
  target: ChainTarget;
  /** `link`: the spec's OpenAPI link; `inferred`: guessed from names; `user`: the overrides file. */
  origin: "link" | "inferred" | "user";
}

export const targetText = (target: ChainTarget): string =>
  target.in === "body" ? `body ${["$", ...target.path].join(".")}` : `${target.in} ${target.name}`;
