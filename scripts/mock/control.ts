import { MOCK_CONTROL_PREFIX } from "./constants";
import { jsonReply, type MockReply, mockError } from "./reply";
import type { MockFaults, MockStats } from "./types";

const BOOLEAN_FAULTS = [
  "invalidBody",
  "undocumentedStatus",
  "wrongContentType",
  "rejectTokens",
] as const;
const NUMBER_FAULTS = ["tokenFailures", "latencyMs"] as const;
const KNOWN = [...NUMBER_FAULTS, ...BOOLEAN_FAULTS].sort();
/** A test that asks for more latency than this has a typo, not a plan. */
const MAX_LATENCY_MS = 120_000;

/** Checks a faults object from a test; returns the faults or what is wrong with them. */
export function parseFaults(input: unknown): MockFaults | string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return `faults must be a JSON object with any of: ${KNOWN.join(", ")}`;
  }
  const faults: MockFaults = {};
  for (const [key, value] of Object.entries(input)) {
    if ((BOOLEAN_FAULTS as readonly string[]).includes(key)) {
      if (typeof value !== "boolean") return `fault '${key}' must be true or false`;
      faults[key as (typeof BOOLEAN_FAULTS)[number]] = value;
    } else if ((NUMBER_FAULTS as readonly string[]).includes(key)) {
      const max = key === "latencyMs" ? MAX_LATENCY_MS : Number.MAX_SAFE_INTEGER;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
        return `fault '${key}' must be a whole number from 0 to ${max}`;
      }
      faults[key as (typeof NUMBER_FAULTS)[number]] = value;
    } else {
      return `unknown fault '${key}'; known faults: ${KNOWN.join(", ")}`;
    }
  }
  return faults;
}

export interface ControlContext {
  stats(): MockStats;
  faults(): MockFaults;
  setFaults(faults: MockFaults): void;
  reset(): void;
}

/**
 * Test hooks under MOCK_CONTROL_PREFIX: `GET stats`, `GET|POST faults`, `POST reset`
 * (stats and faults; issued tokens stay valid so a running client is not disturbed).
 */
export function handleControl(
  method: string,
  path: string,
  rawBody: unknown,
  context: ControlContext,
): MockReply {
  const action = path.slice(MOCK_CONTROL_PREFIX.length);
  const allowed: Record<string, string[]> = {
    "/stats": ["GET"],
    "/faults": ["GET", "POST"],
    "/reset": ["POST"],
  };
  const methods = allowed[action];
  if (!methods) return mockError(404, `No test hook at ${path}; try ${MOCK_CONTROL_PREFIX}/stats.`);
  if (!methods.includes(method)) {
    const reply = mockError(405, `${path} accepts ${methods.join(", ")}, not ${method}.`);
    return { ...reply, headers: { ...reply.headers, allow: methods.join(", ") } };
  }
  if (action === "/stats") return jsonReply(200, context.stats());
  if (action === "/reset") {
    context.reset();
    return jsonReply(200, { stats: context.stats(), faults: context.faults() });
  }
  if (method === "GET") return jsonReply(200, context.faults());
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== "string") {
    // A form body, parsed: taken as `{}`, it would silently clear every active fault.
    return mockError(415, "Send the faults as JSON (Content-Type: application/json).");
  }
  let input: unknown;
  try {
    input = JSON.parse(typeof rawBody === "string" && rawBody !== "" ? rawBody : "{}");
  } catch (error) {
    return mockError(400, `faults body is not valid JSON: ${(error as Error).message}`);
  }
  const faults = parseFaults(input);
  if (typeof faults === "string") return mockError(400, faults);
  context.setFaults(faults);
  return jsonReply(200, context.faults());
}
