import net from "node:net";
import { describe, expect, it } from "vitest";
import { shopSpec } from "./fixture-spec";
import { FORM, mock } from "./helpers";
import { inlineModel } from "./inline-model";

/** Sends raw bytes and returns everything the mock answers before it closes the socket. */
function raw(origin: string, text: string, keepOpen = false): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = net.connect(Number(port), hostname, () => {
      if (keepOpen) socket.write(text);
      else socket.end(text);
    });
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));

describe("the mock under hostile requests", () => {
  it("a form-encoded POST /__specpost/faults is refused and the active faults stay", async () => {
    const server = await mock(inlineModel(shopSpec));
    server.setFaults({ tokenFailures: 2 });
    const response = await fetch(`${server.origin}/__specpost/faults`, {
      method: "POST",
      headers: FORM,
      body: "tokenFailures=0",
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toContain("as JSON");
    expect(server.faults()).toEqual({ tokenFailures: 2 });
  });

  it("a body that never finishes arriving is answered 408 in the mock's format", async () => {
    const server = await mock(inlineModel(shopSpec), { requestTimeoutMs: 300 });
    const answer = await raw(
      server.origin,
      "POST /shop/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
      true,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(answer)).toMatchObject({
      status: "408 - Request Timeout",
      name: "Request Timeout",
    });
  });

  it("malformed HTTP is answered 400 in the mock's format, not fastify's", async () => {
    const server = await mock(inlineModel(shopSpec));
    const answer = await raw(server.origin, "GARBAGE\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ status: "400 - Bad Request", name: "Bad Request" });
  });
});
