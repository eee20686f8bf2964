import type { Io } from "./commands/io";
import { terminalSafe } from "./text/terminal";

const USAGE = `usage: specpost <command> [options]

commands:
  generate [SPEC...] [--out-dir DIR] [--check] [--token-url URL] [--watch]
      [--client-auth post|basic|auto] [--token-param NAME=VALUE ...]
      Write a Postman collection and environments for each spec (default: specs/*).
  lint SPEC... [--strict]
      Check the spec (examples against their schemas, ...): every problem at file:line:col.
  mock SPEC [--port N] [--token-ttl SECONDS] [--token-url URL]
      Serve SPEC on 127.0.0.1 with an OAuth 2.0 client-credentials token endpoint.
  run [COLLECTION...] [--target mock|sandbox|production] [--env-var key=value ...]
      [--reporters cli,junit,html] [--report-dir DIR] [--delay-request MS]
      [--timeout-request MS] [--token-ttl SECONDS]
      [--parallel N] [--shard K/N] [--max-p95 MS]
      Run collections with Newman as a contract-test suite (default: collections/*, mock).
  report merge DIR... [--report-dir DIR]
      Combine the reports of 'run --shard K/N' jobs into one JUnit/HTML/coverage report.
`;

// Each command loads only what it needs: `generate` must not pay for Newman or fastify.
const commands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  generate: async (args, io) => (await import("./commands/generate")).generateCommand(args, io),
  lint: async (args, io) => (await import("./commands/lint")).lintCommand(args, io),
  mock: async (args, io) => (await import("./commands/mock")).mockCommand(args, io),
  run: async (args, io) => (await import("./commands/run")).runCommand(args, io),
  report: async (args, io) => (await import("./commands/report")).reportCommand(args, io),
};

/** Parses the command word, hands the rest to the command, returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`specpost: unknown command '${name}'. Run 'specpost --help' for the commands.\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    // Last line of defence: a bug must still not print a stack trace at a user.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`specpost ${name}: internal error: ${message.split("\n")[0]} (please report it)\n`);
    if (process.env.SPECPOST_DEBUG) io.stderr(`${(error as Error)?.stack ?? ""}\n`);
    return 2;
  }
}

function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(terminalSafe(text)),
    stderr: (text) => process.stderr.write(terminalSafe(text)),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
    // On stderr, so piping stdout keeps only the summary; `\r` + erase-line repaints in place.
    statusLine: (text) => process.stderr.write(`\r\x1b[2K${terminalSafe(text)}`),
  };
}
