import { scriptAssetLines } from "../assets";
import type { CollectionAdditions, PostmanEvent, PostmanVariable } from "../collection/types";
import type { OperationOverride, ResolvedOverrides } from "./types";

const SET_SCRIPT = scriptAssetLines("overrides/postman/set-variables.js");

function event(listen: PostmanEvent["listen"], exec: string[]): PostmanEvent {
  return { listen, script: { type: "text/javascript", exec } };
}

function itemEvents(override: OperationOverride, fileName: string): PostmanEvent[] {
  const origin = `// From ${fileName} (specpost overrides): edit it there and regenerate; changes here are lost.`;
  const events: PostmanEvent[] = [];
  if (override.prerequest.length > 0) {
    events.push(event("prerequest", [origin, ...override.prerequest]));
  }
  const tests: string[] = [];
  if (override.set.length > 0) {
    const entries = override.set.map(({ name, source, path }) => ({ name, source, path }));
    tests.push(`const SPECPOST_SET = ${JSON.stringify(entries)};`, ...SET_SCRIPT);
  }
  tests.push(...override.tests);
  if (tests.length > 0) events.push(event("test", [origin, ...tests]));
  return events;
}

/**
 * What the overrides add to the collection beyond the model (which already carries the user's
 * example values and leaves disabled operations out): the user's scripts and `set` assertions
 * per operation, the variables those set, and the run order. The builder places them; nothing
 * built is edited afterwards.
 */
export function collectionAdditions(overrides: ResolvedOverrides): CollectionAdditions {
  const events = new Map<string, PostmanEvent[]>();
  const variables: PostmanVariable[] = [];
  const declared = new Set<string>();
  for (const override of overrides.operations) {
    const added = itemEvents(override, overrides.fileName);
    if (added.length > 0) events.set(override.operationKey, added);
    for (const { name, source } of override.set) {
      if (declared.has(name)) continue;
      declared.add(name);
      variables.push({
        key: name,
        value: "",
        type: "string",
        description: `Set by the test of ${override.operationKey} from ${source} (${overrides.fileName}).`,
      });
    }
  }
  return { events, variables, rank: overrides.rank };
}
