import type { GenerationRequest, GenerationResult } from "./protocol";
import { StageClock } from "./stage-clock";

// Wall time counts from the process's time origin (performance.now() is relative to it), so
// Node's start-up, tsx and module loading are in the figure, as for openapi-to-postmanv2.
async function measure(request: GenerationRequest): Promise<GenerationResult> {
  const clock = new StageClock();
  clock.record("startup", performance.now());
  const adapter = await clock.time("import", () => import("./specpost-adapter"));
  const output = await adapter.generateInMemory(
    request.file,
    { tokenUrl: request.tokenUrl },
    clock,
  );
  const wallMs = performance.now();
  const usage = process.resourceUsage();
  return {
    ok: true,
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKb: usage.maxRSS,
    bytes: output.bytes,
    requests: adapter.countRequests(output.files[0]?.content ?? "{}"),
    stages: clock.ms,
    stageRssMb: clock.rssMb,
  };
}

function report(message: GenerationResult): void {
  process.send?.(message, () => process.exit(0));
}

const request = JSON.parse(process.argv[2] ?? "{}") as GenerationRequest;
measure(request).then(report, (error: unknown) =>
  report({ ok: false, error: error instanceof Error ? error.message : String(error) }),
);
