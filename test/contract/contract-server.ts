import { afterAll, beforeAll, expect } from "vitest";
import type { ApiModel } from "../../scripts/model/types";
import { runNewman, type TokenRun } from "../collection/newman-run";
import { fixtureCollection, handRegistry } from "./fixture";
import { conforming, definitions, model } from "./fixture-api";
import { json, type Reply, type SeenRequest, startServer, type TestServer } from "./server";

export interface ContractServer {
  /** Where the server listens (from beforeAll on). */
  readonly url: string;
  /** From now on answer with the conforming replies, `overrides` replacing some paths. */
  answer(overrides: Record<string, Reply>): void;
  /** Answers so and runs the fixture collection of `api` without its Auth checks folder. */
  runWith(overrides: Record<string, Reply>, api?: ApiModel): Promise<TokenRun>;
}

/** A loopback server for the contract fixture, started and closed around the file's tests. */
export function useContractServer(): ContractServer {
  let server: TestServer;
  let replies: Record<string, Reply> = conforming;
  beforeAll(async () => {
    server = await startServer((request: SeenRequest) => {
      const path = request.path.split("?")[0] ?? "/";
      return replies[path] ?? json(404, { message: "no such path" });
    });
  });
  afterAll(() => server.close());
  const answer = (overrides: Record<string, Reply>) => {
    replies = { ...conforming, ...overrides };
  };
  return {
    get url() {
      return server.url;
    },
    answer,
    async runWith(overrides, api = model) {
      answer(overrides);
      const collection = fixtureCollection(api, handRegistry(definitions), { baseUrl: server.url });
      // The Auth checks folder has its own tests; here only the contract script is under test.
      collection.item = collection.item.filter((item) => item.name !== "Auth checks");
      const run = await runNewman(collection);
      expect(run.scriptErrors).toEqual([]);
      return run;
    },
  };
}
