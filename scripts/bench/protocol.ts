/**
 * What a benchmark child process reports to the harness over its IPC channel. Every run
 * happens in a fresh child so that peak RSS belongs to that one run alone.
 */

export type Tool = "specpost" | "openapi-to-postmanv2";

export interface GenerationRequest {
  tool: Tool;
  /** Absolute path of the spec on disk: both tools start from the file. */
  file: string;
  /** Token URL handed to specpost for specs that declare no client-credentials flow. */
  tokenUrl?: string;
}

export interface GenerationMeasurement {
  ok: true;
  /** From just before the tool's modules are imported to the serialised output in memory. */
  wallMs: number;
  /** User + system CPU time of the child: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** process.resourceUsage().maxRSS of the child, in KiB. */
  maxRssKb: number;
  /** UTF-8 bytes of the serialised collection (+ environments for specpost). */
  bytes: number;
  /** Requests in the collection, to show both tools converted the same operations. */
  requests: number;
  /** specpost only: milliseconds per stage (startup, import, load, model, render). */
  stages?: Record<string, number>;
  /** specpost only: process RSS in MiB right after each stage, to pin memory to a stage. */
  stageRssMb?: Record<string, number>;
}

export interface ChildFailure {
  ok: false;
  error: string;
}

export type GenerationResult = GenerationMeasurement | ChildFailure;
