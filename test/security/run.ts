import newman from "newman";
import { buildCollection } from "../../scripts/collection/build";
import { buildEnvironments } from "../../scripts/collection/environments";
import type { PostmanCollection, PostmanEnvironment } from "../../scripts/collection/types";
import { loadSpec } from "../../scripts/load/load";
import { buildModel } from "../../scripts/model/build";
import type { ApiModel } from "../../scripts/model/types";
import type { Problem } from "../../scripts/problems";
import { createSchemaRegistry } from "../../scripts/schema/registry";

export interface Built {
  model: ApiModel;
  problems: Problem[];
  collection: PostmanCollection;
  environment(target: "mock" | "sandbox" | "production"): PostmanEnvironment;
}

export async function build(file: string): Promise<Built> {
  const loaded = await loadSpec(file, { cwd: process.cwd() });
  if (!loaded.spec) throw new Error(`${file} does not load`);
  const { model, problems } = buildModel(loaded.spec);
  if (!model) throw new Error(`${file} does not model`);
  const registry = createSchemaRegistry(loaded.spec.document, loaded.spec.version);
  const collection = buildCollection(model, registry);
  const environments = buildEnvironments(model);
  const environment = (target: string) => {
    const found = environments.find((e) => e.target === target);
    if (!found) throw new Error(`no ${target} environment`);
    return found.environment;
  };
  return { model, problems, collection, environment };
}

export interface Outcome {
  /** Item names whose request was sent. */
  sent: string[];
  assertions: Array<{ item: string; name: string; passed: boolean; message?: string }>;
  failed: string[];
  /** Console lines of the scripts (warn level and up). */
  warnings: string[];
  scriptErrors: string[];
  failures: number;
}

/** The collection under Newman with an environment whose values `override` replaces. */
export function run(
  collection: PostmanCollection,
  environment: PostmanEnvironment,
  override: Record<string, string>,
): Promise<Outcome> {
  const values = environment.values.map((v) =>
    Object.hasOwn(override, v.key) ? { ...v, value: override[v.key] ?? "" } : v,
  );
  for (const [key, value] of Object.entries(override)) {
    if (!values.some((v) => v.key === key))
      values.push({ key, value, type: "default", enabled: true });
  }
  return new Promise((resolve, reject) => {
    const outcome: Outcome = {
      sent: [],
      assertions: [],
      failed: [],
      warnings: [],
      scriptErrors: [],
      failures: 0,
    };
    newman
      .run(
        {
          collection: collection as never,
          environment: { ...environment, values } as never,
          reporters: [],
        },
        (error, summary) => {
          if (error) return reject(error);
          outcome.failures = summary.run.failures.length;
          outcome.failed = outcome.assertions
            .filter((a) => !a.passed)
            .map((a) => `${a.item}: ${a.name}: ${a.message}`);
          resolve(outcome);
        },
      )
      .on("request", (_e: Error | null, args: { item: { name?: string } }) => {
        if (args.item.name !== undefined) outcome.sent.push(args.item.name);
      })
      .on("assertion", (e: Error | null, args: { assertion: string; item: { name: string } }) => {
        outcome.assertions.push({
          item: args.item.name,
          name: args.assertion,
          passed: !e,
          ...(e && { message: e.message }),
        });
      })
      .on("console", (_e: Error | null, args: { level: string; messages: unknown[] }) => {
        if (args.level === "warn" || args.level === "error")
          outcome.warnings.push(args.messages.map(String).join(" "));
      })
      .on("script", (e: Error | null) => {
        if (e) outcome.scriptErrors.push(e.message);
      });
  });
}
