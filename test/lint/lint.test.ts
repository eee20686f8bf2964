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
      expect.stringMatching(
        /^test\/prism\/fixtures\/repair\.yaml:44:11 warning invalid-example .*2 branches of this oneOf/,
      ),
    ]);
    expect(lines.at(-1)).toBe(
      "specpost lint: 0 error(s), 4 warning(s), 3 about examples and schemas",
    );
  });

  it("finds property-level and component examples, in $ref'd files too, each with all its errors", async () => {
    const { lines } = await lint("test/lint/fixtures/nested.yaml");
    const found = lines
      .filter((l) => l.includes("invalid-example"))
      .map((l) => {
        const [where] = l.split(" ");
        const said = /does not match its schema: (.*?)\. (It is used|Data shaped)/.exec(l)?.[1];
        return `${where} ${said}`;
      });
    expect(found).toEqual([
      "test/lint/fixtures/nested.yaml:13:15 example.name must be string; example.age must be integer",
      "test/lint/fixtures/nested.yaml:28:31 example must be string",
      "test/lint/fixtures/nested.yaml:29:43 example must be >= 0",
      "test/lint/fixtures/nested.yaml:33:11 example[0] must be string; example[1] must be string",
      "test/lint/fixtures/nested.yaml:34:7 example.name must be string; example.age must be integer",
      "test/lint/fixtures/owner.yaml:4:26 example must be integer",
      "test/lint/fixtures/owner.yaml:6:3 example.id must be integer; example.email must be string",
    ]);
  });

  it("exits 1 on warnings with --strict, 2 without a spec", async () => {
    expect((await lint("--strict", "test/prism/fixtures/repair.yaml")).code).toBe(1);
    expect((await lint()).code).toBe(2);
  });
});
