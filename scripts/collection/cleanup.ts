import { scriptAssetLines } from "../assets";
import type { ChainModel, ChainSource } from "../model/chain-types";
import type { OperationModel } from "../model/types";
import { singleQuoted } from "./contract-data";
import type { IdSource } from "./ids";
import { operationRequest } from "./request";
import type { PostmanItem, PostmanItemGroup } from "./types";

export const TRACK = scriptAssetLines("postman/cleanup-track.js");
const PREREQUEST = scriptAssetLines("postman/cleanup-prerequest.js");
const TEST = scriptAssetLines("postman/cleanup-test.js");

const segmentsOf = (path: string) => path.split("/").filter((s) => s !== "");

/** A kind of resource the run may create and the spec can delete. */
export interface CleanupResource {
  /** The chain variable that carries the new id (`taskId`). */
  variable: string;
  /**
   * Collection variable with the records of what was created (`specpost.created.taskId`). Not
   * declared in the collection: the run creates it with its first record (every declared variable
   * costs every script of every request).
   */
  list: string;
  create: string;
  /** The DELETE that removes one (`DELETE /projects/{projectId}/tasks/{taskId}`). */
  delete: string;
  /** Path template of the create, as segments (`projects`, `{projectId}`, `tasks`). */
  createPath: string[];
  deletePath: string[];
  /** The delete's parameter that names the new resource (`taskId`). */
  id: string;
  source: ChainSource;
  expression: string;
}

/**
 * Resources the Cleanup folder deletes: a create (`POST /things`) chained into the DELETE of
 * its item path (`/things/{id}`). One per variable, in spec order of the delete.
 */
export function cleanupResources(
  chains: readonly ChainModel[],
  byKey: ReadonlyMap<string, OperationModel>,
): CleanupResource[] {
  const out = new Map<string, CleanupResource>();
  for (const chain of chains) {
    const create = byKey.get(chain.producer);
    const remove = byKey.get(chain.consumer);
    if (create?.method !== "post" || remove?.method !== "delete" || chain.target.in !== "path")
      continue;
    if (chain.source.from === "request" || out.has(chain.variable)) continue;
    const createPath = segmentsOf(create.path);
    const deletePath = segmentsOf(remove.path);
    const item = `{${chain.target.name}}`;
    const isItemOf =
      deletePath.length === createPath.length + 1 &&
      deletePath.at(-1) === item &&
      createPath.every((s, i) => deletePath[i] === s);
    if (!isItemOf) continue;
    out.set(chain.variable, {
      variable: chain.variable,
      list: `specpost.created.${chain.variable}`,
      create: create.key,
      delete: remove.key,
      createPath,
      deletePath,
      id: chain.target.name,
      source: chain.source,
      expression: chain.expression,
    });
  }
  return [...out.values()];
}

/** The Cleanup folder's name: `specpost run` gives it to every part of a split run. */
export const CLEANUP_FOLDER = "Cleanup";

/**
 * The "Cleanup" folder, last in the collection: per resource one DELETE that runs once for
 * each record of what the run created and is still there (deepest paths first, so tasks go
 * before their project). Runs on every target: on the mock it forgets what the run created.
 */
export function cleanupFolder(
  resources: readonly CleanupResource[],
  byKey: ReadonlyMap<string, OperationModel>,
  ids: IdSource,
): PostmanItemGroup | undefined {
  if (resources.length === 0) return undefined;
  const ordered = [...resources].sort((a, b) => b.deletePath.length - a.deletePath.length);
  const items: PostmanItem[] = ordered.flatMap((resource) => {
    const op = byKey.get(resource.delete);
    if (!op) return [];
    const parameters = op.parameters.map((p) => {
      if (p.in !== "path") return p;
      return { ...p, example: `{{specpost.cleanup.${p.name}}}`, exampleSource: "user" as const };
    });
    const label = `${resource.delete} for each ${resource.create} of this run`;
    // A DELETE that documents only 4xx answers (Petstore's `DELETE /store/order/{orderId}`: 400,
    // 404) has no other way to say it worked: those answers count as done.
    const statuses = op.responses.map((r) => r.status);
    const promised = statuses.every((s) => s.startsWith("4"))
      ? statuses.filter((s) => /^\d{3}$/.test(s)).map(Number)
      : [];
    const config = { list: resource.list, label, ...(promised.length > 0 && { promised }) };
    const table = `const SPECPOST_CLEANUP = ${singleQuoted(JSON.stringify(config))};`;
    const script = (lines: string[]) => ({
      type: "text/javascript" as const,
      exec: [table, ...TRACK, ...lines],
    });
    return [
      {
        id: ids.of(`cleanup:${resource.variable}`),
        name: `Delete what ${resource.create} created`,
        description: `Deletes, at the end of the run, every resource ${resource.create} created (and the run did not delete), so a shared sandbox is not littered. Skipped when there is none.`,
        event: [
          { listen: "prerequest", script: script(PREREQUEST) },
          { listen: "test", script: script(TEST) },
        ],
        request: operationRequest({ ...op, parameters }),
        response: [],
      },
    ];
  });
  return { id: ids.of("cleanup"), name: CLEANUP_FOLDER, item: items };
}
