import { describe, expect, it } from "vitest";
import { main } from "../../scripts/cli";
import type { Io } from "../../scripts/commands/io";

async function lint(...args: string[]) {
  let out = "";
  const io: Io = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      out += text;
    },
    cwd: process.cwd(),
    env: {},
  };
  const code = await main(["lint", ...args], io);
  return { code, lines: out.trimEnd().split("\n") };
}

describe("specpost lint", () => {
  it("lists each broken example at its own line and column, with a summary", async () => {
    const { code, lines } = await lint("test/prism/fixtures/repair.yaml");
    expect(code).toBe(0);
    expect(lines.filter((l) => l.includes("invalid-example"))).toEqual([
      expect.stringMatching(
        /^test\/prism\/fixtures\/repair\.yaml:17:13 warning invalid-example .*example\.code must be string/,
      ),
      expect.stringMatching(
        /^test\/prism\/fixtures\/repair\.yaml:23:80 warning invalid-example .*must be integer/,
      ),
    ]);
    expect(lines.at(-1)).toBe(
      "specpost lint: 0 error(s), 3 warning(s), 2 about examples and schemas",
    );
  });

  it("exits 1 on warnings with --strict, 2 without a spec", async () => {
    expect((await lint("--strict", "test/prism/fixtures/repair.yaml")).code).toBe(1);
    expect((await lint()).code).toBe(2);
  });
});
