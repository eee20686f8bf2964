import { describe, expect, it } from "vitest";
import { mergeReports } from "../../scripts/run/merge";
import type { CollectionReport, ExecutionReport } from "../../scripts/run/report";
import {
  parseShard,
  shardUnits,
  splitCollection,
  splitUnits,
  subCollection,
} from "../../scripts/run/shard";

const request = (name: string) => ({ name, request: { method: "GET", url: "http://x/" } });
const folder = (name: string, size: number) => ({
  name,
  item: Array.from({ length: size }, (_, i) => request(`${name}${i}`)),
});
const collection = {
  info: { name: "c", schema: "" },
  item: [
    request("Get Access Token"),
    folder("Users", 5),
    folder("Services", 3),
    folder("Tiles", 3),
    folder("Spaces", 1),
    folder("Auth checks", 3),
  ],
};
const names = (items: readonly number[]) =>
  subCollection(collection, items).item?.map((item) => item.name);

describe("shard split", () => {
  it("balances parts by request count, largest folder first, ties by name", () => {
    const parts = splitUnits(shardUnits(collection), 3);
    // Users 5 → part 1; Auth checks 3 → 2; Services 3 → 3; Tiles 3 → 2 (2: 3, 3: 3, tie → lowest);
    // then Get Access Token 1 and Spaces 1 go to the lightest.
    expect(parts.map(names)).toEqual([
      ["Users"],
      ["Tiles", "Auth checks"],
      ["Get Access Token", "Services", "Spaces"],
    ]);
  });

  it.each([1, 2, 3, 4, 7])(
    "covers every request exactly once in %i parts, the same way twice",
    (n) => {
      const parts = splitUnits(shardUnits(collection), n);
      expect(splitUnits(shardUnits(collection), n)).toEqual(parts);
      expect(parts).toHaveLength(n);
      expect(parts.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    },
  );

  it("keeps folders that chains connect in one part", () => {
    const units = shardUnits(collection, [["Spaces", "Users"]]);
    const joined = units.find((unit) => unit.name === "Users");
    expect(joined).toEqual({ name: "Users", items: [1, 4], requests: 6 });
    const parts = splitUnits(units, 5).map(names);
    expect(parts.find((part) => part?.includes("Users"))).toContain("Spaces");
  });

  it("keeps a request with no folder in the part of the folder its chain comes from", () => {
    // Graph's untagged `GET /agreements/{agreement-id}/files/$count` uses the id that
    // `POST /agreements` (folder agreements.agreement) created.
    const create = { ...request("Create"), id: "create-id" };
    const loose = { ...request("Count"), id: "count-id" };
    const chained = {
      ...collection,
      item: [...collection.item, { name: "Agreements", item: [create] }, loose],
    };
    const units = shardUnits(chained, [["create-id", "count-id"]]);
    expect(units.find((unit) => unit.name === "Agreements")?.items).toEqual([6, 7]);
    for (const n of [2, 3, 4]) {
      const parts = splitUnits(units, n);
      expect(parts.filter((part) => part.includes(6) && part.includes(7))).toHaveLength(1);
    }
  });

  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/3", { index: 2, count: 3 }],
    ["0/3", undefined],
    ["4/3", undefined],
    ["a/b", undefined],
    ["1/300", undefined],
  ])("parses --shard %s", (text, want) => {
    expect(parseShard(text)).toEqual(want);
  });

  it("gives every part the Cleanup folder, and a merge counts each Cleanup request once", () => {
    const withCleanup = { ...collection, item: [...collection.item, folder("Cleanup", 2)] };
    const parts = splitCollection(withCleanup, [], 2);
    const partNames = parts.map((items) =>
      subCollection(withCleanup, items).item?.map((i) => i.name),
    );
    expect(partNames.map((part) => part?.at(-1))).toEqual(["Cleanup", "Cleanup"]);
    expect(partNames.flat().filter((name) => name !== "Cleanup")).toHaveLength(6);

    // Part one sent Cleanup0 (it had created something), part two skipped both.
    const execution = (position: number, name: string, sent: boolean): ExecutionReport => ({
      name,
      folders: ["Cleanup"],
      method: sent ? "DELETE" : "",
      url: "",
      position,
      assertions: [],
      scriptErrors: [],
    });
    const report = (executions: ExecutionReport[]) =>
      ({
        name: "c",
        title: "c",
        target: "mock",
        baseUrl: "",
        startedAt: "",
        durationMs: 1,
        executions,
        coverage: [],
        messages: [],
      }) as unknown as CollectionReport;
    const merged = mergeReports([
      report([execution(20, "Cleanup0", true), execution(21, "Cleanup1", false)]),
      report([execution(20, "Cleanup0", false), execution(21, "Cleanup1", false)]),
    ]);
    expect(merged.executions.map((e) => `${e.name} ${e.method || "skipped"}`)).toEqual([
      "Cleanup0 DELETE",
      "Cleanup1 skipped",
    ]);
  });
});
