import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

const PRISM = "node_modules/@stoplight/prism-cli/dist/index.js";
/** Prism needs a few seconds to parse a spec on a shared machine; GitHub's slice more. */
const START_TIMEOUT_MS = 45_000;

export interface PrismServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** What Prism printed, for a failure message. */
  output(): string;
  close(): Promise<void>;
}

/** A free loopback port: bind port 0, read it, let it go. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

/**
 * Stoplight Prism (`prism mock`, request validation on) as a child process on loopback:
 * an independent validating server, static (examples) or dynamic (`-d`, generated bodies).
 * Resolves once Prism says it listens; the caller closes it (afterAll).
 */
export async function startPrism(spec: string, options: { dynamic?: boolean } = {}) {
  const port = await freePort();
  const args = [PRISM, "mock", "-h", "127.0.0.1", "-p", String(port), spec];
  if (options.dynamic) args.push("-d", "--seed", "specpost");
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const exited = once(child, "exit");
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start:\n${text.slice(-2000)}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      // Bounded: keep the tail only.
      if (text.length > 200_000) text = text.slice(-100_000);
      if (text.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${text.slice(-2000)}`));
    });
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  try {
    await listening;
  } catch (error) {
    await close();
    throw error;
  }
  const server: PrismServer = { origin: `http://127.0.0.1:${port}`, output: () => text, close };
  return server;
}
