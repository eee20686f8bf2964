/** Times named stages of one run and notes the process RSS after each. */
export class StageClock {
  readonly ms: Record<string, number> = {};
  readonly rssMb: Record<string, number> = {};

  async time<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await work();
    this.record(stage, performance.now() - started);
    return value;
  }

  record(stage: string, ms: number): void {
    this.ms[stage] = (this.ms[stage] ?? 0) + ms;
    this.rssMb[stage] = process.memoryUsage.rss() / 1024 / 1024;
  }
}
