import type { MockStats } from "./types";

/** Counts what the mock saw; a runner reports coverage and token requests from it. */
export class StatsRecorder {
  private tokenRequests = 0;
  private tokensIssued = 0;
  private requests = new Map<string, number>();
  private statuses = new Map<string, Map<string, number>>();

  /** Keys of every operation, in spec order: uncovered operations show up with 0. */
  constructor(private readonly operationKeys: readonly string[]) {
    this.reset();
  }

  reset(): void {
    this.tokenRequests = 0;
    this.tokensIssued = 0;
    this.requests = new Map(this.operationKeys.map((key) => [key, 0]));
    this.statuses = new Map();
  }

  tokenRequest(issued: boolean): void {
    this.tokenRequests += 1;
    if (issued) this.tokensIssued += 1;
  }

  request(operationKey: string, status: number): void {
    this.requests.set(operationKey, (this.requests.get(operationKey) ?? 0) + 1);
    const byStatus = this.statuses.get(operationKey) ?? new Map<string, number>();
    this.statuses.set(operationKey, byStatus);
    byStatus.set(String(status), (byStatus.get(String(status)) ?? 0) + 1);
  }

  snapshot(): MockStats {
    const statuses: MockStats["statuses"] = {};
    for (const key of this.operationKeys) {
      const byStatus = this.statuses.get(key);
      if (!byStatus) continue;
      statuses[key] = Object.fromEntries([...byStatus].sort(([a], [b]) => a.localeCompare(b)));
    }
    return {
      tokenRequests: this.tokenRequests,
      tokensIssued: this.tokensIssued,
      requests: Object.fromEntries(this.requests),
      statuses,
    };
  }
}
