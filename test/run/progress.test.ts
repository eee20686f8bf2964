import { describe, expect, it } from "vitest";
import { progressDisplay, progressLine } from "../../scripts/commands/progress";
import { captureIo } from "./helpers/io";

const step = (done: number, failed = 0) => ({ collection: "c", total: 10, done, failed });

describe("run progress", () => {
  it("says done/total, failures so far, elapsed time and ETA", () => {
    expect(progressLine(step(4, 1), 8_000)).toBe("c: 4/10 requests, 1 failed, 8s elapsed, ETA 12s");
    expect(progressLine({ ...step(30), total: 100 }, 60_000)).toBe(
      "c: 30/100 requests, 0 failed, 1m 00s elapsed, ETA 2m 20s",
    );
  });

  it("on a TTY repaints one live line (at most every 100 ms) and clears it at the end", () => {
    let clock = 0;
    const painted: string[] = [];
    const io = {
      ...captureIo("/"),
      isTTY: true,
      statusLine: (text: string) => painted.push(text),
      now: () => clock,
    };
    const display = progressDisplay(io, 10_000);
    display.update(step(0));
    for (let done = 1; done <= 10; done++) {
      clock += 60;
      display.update(step(done));
    }
    display.end();
    expect(io.out).toEqual([]);
    // Every 60 ms: painted on the 2nd, 4th, ... update, plus the last one, then cleared.
    expect(painted).toHaveLength(5 + 1);
    expect(painted.at(-2)).toMatch(/^c: 10\/10 requests, 0 failed/);
    expect(painted.at(-1)).toBe("");
  });

  it("--progress-every 0 prints nothing", () => {
    let clock = 0;
    const io = { ...captureIo("/"), now: () => (clock += 60_000) };
    const display = progressDisplay(io, 0);
    for (let done = 0; done <= 10; done++) display.update(step(done));
    expect(io.out).toEqual([]);
  });
});
