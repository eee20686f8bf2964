import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../golden/run-cli";
import { runNewman } from "./newman-run";
import { collectionSchemaErrors } from "./postman-schema";

// Binary request data as a server sees it: `specpost generate` on @readme/oas-examples'
// file-uploads spec, the collection under Newman with the working directory `specpost run`
// gives it (the collection's folder), a loopback server keeping the raw bytes of each request.

const SPEC = "node_modules/@readme/oas-examples/3.0/json/file-uploads.json";
const ROOT = process.cwd();

interface Received {
  method: string;
  path: string;
  contentType: string;
  body: Buffer;
}

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The parts of a multipart/form-data body (test oracle: small bodies, well-formed). */
function partsOf(received: Received): Part[] {
  const boundary = /boundary=([^;]+)/.exec(received.contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${received.contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = received.body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (received.body.subarray(start, start + 2).toString() === "--") break;
    const next = received.body.indexOf(delimiter, start);
    const chunk = received.body.subarray(start + 2, next - 2);
    const split = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, split).toString();
    const part: Part = {
      name: /name="([^"]*)"/.exec(head)?.[1] ?? "",
      data: chunk.subarray(split + 4),
    };
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) part.filename = filename;
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
    if (type !== undefined) part.contentType = type;
    parts.push(part);
    at = next;
  }
  return parts;
}

let server: Server;
let origin: string;
let outDir: string;
let collectionsDir: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
        contentType: req.headers["content-type"] ?? "",
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  outDir = await mkdtemp(join(tmpdir(), "specpost-uploads-"));
  collectionsDir = join(outDir, "collections");
  const generated = await runCli(["generate", SPEC, "--out-dir", outDir], ROOT);
  expect(generated.code, generated.stderr).toBe(0);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(outDir, { recursive: true, force: true });
});

const collectionFile = () => join(collectionsDir, "file-uploads.postman_collection.json");

async function sendAll(): Promise<Map<string, Received>> {
  received.length = 0;
  const collection = JSON.parse(await readFile(collectionFile(), "utf8"));
  const run = await runNewman(collection, {
    envVar: { baseUrl: origin },
    workingDir: collectionsDir,
  });
  expect(run.scriptErrors).toEqual([]);
  expect(run.warnings).toEqual([]);
  return new Map(received.map((r) => [`${r.method} ${r.path}`, r]));
}

describe("file uploads under Newman", () => {
  it("send a file part with a filename and the sample's bytes, two parts for an array of files, the PNG as the body", async () => {
    const sample = await readFile(join(collectionsDir, "files", "sample.bin"));
    const png = await readFile(join(collectionsDir, "files", "sample.png"));
    expect(sample.length).toBeGreaterThan(0);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
    const got = await sendAll();

    const single = got.get("POST /anything/multipart-formdata");
    if (!single) throw new Error("Single file was not sent");
    const parts = partsOf(single);
    expect(parts.map((p) => p.name)).toEqual(["orderId", "userId", "documentFile"]);
    const file = parts[2] as Part;
    expect(file.filename).toBe("sample.bin");
    expect(file.contentType).toBe("application/octet-stream");
    expect(file.data).toEqual(sample);
    expect(parts[0]?.filename).toBeUndefined();

    const multiple = got.get("PUT /anything/multipart-formdata");
    if (!multiple) throw new Error("Multiple files was not sent");
    const files = partsOf(multiple);
    expect(files.map((p) => [p.name, p.filename])).toEqual([
      ["filename", "sample.bin"],
      ["filename", "sample.bin"],
    ]);
    for (const part of files) expect(part.data).toEqual(sample);

    const image = got.get("POST /anything/image-png");
    if (!image) throw new Error("the image/png upload was not sent");
    expect(image.contentType).toBe("image/png");
    expect(image.body).toEqual(png);
  });

  it("produce a collection the official Postman v2.1.0 schema accepts", async () => {
    const collection = JSON.parse(await readFile(collectionFile(), "utf8"));
    expect(collectionSchemaErrors(collection)).toEqual([]);
  });

  it("generate --check fails on a deleted or altered sample file and passes once regenerated", async () => {
    const check = () => runCli(["generate", SPEC, "--out-dir", outDir, "--check"], ROOT);
    expect((await check()).code).toBe(0);
    const png = join(collectionsDir, "files", "sample.png");
    await rm(png);
    const missing = await check();
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`stale ${png}`);
    await writeFile(png, "not a png");
    expect((await check()).stdout).toContain(`stale ${png}`);
    expect((await runCli(["generate", SPEC, "--out-dir", outDir], ROOT)).code).toBe(0);
    expect((await check()).code).toBe(0);
  });
});
