import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import type { ApiModel } from "../model/types";
import { createSchemaValidator } from "../schema/validator";
import { type ApiContext, handleApiRequest } from "./api-handler";
import { createApiRouter } from "./api-router";
import { MOCK_CONTROL_PREFIX, MOCK_DEFAULT_TOKEN_TTL_SECONDS, MOCK_HOST } from "./constants";
import { type ControlContext, handleControl } from "./control";
import { PreparedResponses, structuralWarning } from "./prepared-responses";
import { type MockReply, mockError } from "./reply";
import { ResourceState } from "./state";
import { StatefulAnswers } from "./stateful";
import { StatsRecorder } from "./stats";
import { handleTokenRequest } from "./token-endpoint";
import { TokenStore } from "./token-store";
import type { MockFaults, MockOptions, MockServer } from "./types";

/** Bodies beyond this are refused with 413 before they are read further. */
export const MOCK_BODY_LIMIT = 1024 * 1024;

const MOCK_REQUEST_TIMEOUT_MS = 30_000;

/** A whole HTTP response in the mock's error format, for a socket fastify never parsed a request on. */
function rawError(status: number, message: string): string {
  const reply = mockError(status, message);
  const json = (reply.body && "json" in reply.body ? reply.body.json : {}) as { name?: string };
  const body = JSON.stringify(json);
  return `HTTP/1.1 ${status} ${json.name ?? "Error"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/**
 * Path and query of a URL, relative URLs allowed. A URL `new URL` refuses (an unresolved
 * `{host}` variable) still has a path after its authority.
 */
function pathAndQuery(url: string): { pathname: string; search: string } {
  try {
    const { pathname, search } = new URL(url, "http://specpost.invalid");
    return { pathname, search };
  } catch {
    const match = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/i.exec(url);
    return { pathname: match?.[1] || "/", search: match?.[2] ?? "" };
  }
}

interface RequestTarget {
  pathname: string;
  search: string;
}

/**
 * The path and query a request was sent to, read as a path: `//x` is a path whose first
 * segment is empty (a URL parser would take `x` for a host). Absolute-form targets
 * (`http://host/p`, sent to proxies) give their path.
 */
function requestTarget(target: string): RequestTarget | undefined {
  let rest = target;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(rest);
    rest = match?.[1] || "/";
  }
  if (!rest.startsWith("/")) return undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf("?");
  return question < 0
    ? { pathname: rest, search: "" }
    : { pathname: rest.slice(0, question), search: rest.slice(question) };
}

function send(reply: FastifyReply, mock: MockReply): FastifyReply {
  reply.code(mock.status).headers(mock.headers);
  if (mock.body === undefined) return reply.send();
  const text = "text" in mock.body ? mock.body.text : JSON.stringify(mock.body.json);
  // A Buffer keeps the content type exactly as documented (fastify appends a charset to strings).
  return reply.send(Buffer.from(text, "utf8"));
}

/**
 * Starts the spec-driven mock on loopback: the API under the path of the spec's server URL,
 * the OAuth token endpoint under the path of its token URL, test hooks under
 * MOCK_CONTROL_PREFIX. Quiet: it logs nothing, so no token or header ever reaches a log.
 */
export async function startMock(model: ApiModel, options: MockOptions = {}): Promise<MockServer> {
  const now = options.now ?? Date.now;
  const store = new TokenStore(options.tokenTtlSeconds ?? MOCK_DEFAULT_TOKEN_TTL_SECONDS, now);
  const document = model.spec.document;
  const validator = createSchemaValidator(document, model.spec.version);
  // Only the routing table is built up front; answers are prepared on first request.
  const router = createApiRouter(model);
  const warnings: string[] = [];
  const warn = (warning: string) => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };
  for (const operation of model.operations) {
    const warning = structuralWarning(operation);
    if (warning !== undefined) warn(warning);
  }
  const responses = new PreparedResponses(model, validator, warn);
  const stats = new StatsRecorder(model.operations.map((operation) => operation.key));
  const basePath = pathAndQuery(model.baseUrl).pathname.replace(/\/+$/, "");
  const stateful =
    options.stateless === true
      ? undefined
      : new StatefulAnswers({ model, validator, state: new ResourceState(), basePath });
  const tokenUrl =
    model.auth.kind === "client-credentials" ? pathAndQuery(model.auth.tokenUrl) : undefined;

  let faults: MockFaults = {};
  let tokenFailuresLeft = 0;
  const setFaults = (next: MockFaults) => {
    faults = { ...next };
    tokenFailuresLeft = faults.tokenFailures ?? 0;
  };
  setFaults(options.faults ?? {});

  const delay = async () => {
    if (faults.latencyMs) await sleep(faults.latencyMs);
  };

  function token(request: FastifyRequest): MockReply {
    const reply = handleTokenRequest(
      {
        method: request.method,
        query: request.query as Record<string, unknown>,
        body: request.body,
        authorization: request.headers.authorization,
      },
      {
        store,
        productName: model.name,
        takeFailure: () => tokenFailuresLeft > 0 && tokenFailuresLeft-- > 0,
      },
    );
    stats.tokenRequest(reply.status === 200);
    return reply;
  }

  const apiContext: ApiContext = {
    model,
    router,
    validator,
    store,
    responses,
    ...(stateful && { stateful }),
    faults: () => faults,
  };

  function api(request: FastifyRequest, url: RequestTarget): MockReply {
    const { reply, operation } = handleApiRequest(
      {
        method: request.method,
        path: url.pathname.slice(basePath.length) || "/",
        rawQuery: url.search.slice(1),
        headers: request.headers,
        body: request.body,
      },
      apiContext,
    );
    if (operation) stats.request(operation.key, reply.status);
    return reply;
  }

  const control: ControlContext = {
    stats: () => stats.snapshot(),
    faults: () => ({ ...faults }),
    setFaults,
    reset: () => {
      stats.reset();
      stateful?.reset();
      setFaults({});
    },
  };

  async function dispatch(request: FastifyRequest, reply: FastifyReply) {
    const url = requestTarget(request.url);
    if (!url) return send(reply, mockError(404, "The request target is not a path."));
    const path = url.pathname;
    if (path.startsWith(`${MOCK_CONTROL_PREFIX}/`)) {
      return send(reply, handleControl(request.method, path, request.body, control));
    }
    if (tokenUrl && path === tokenUrl.pathname) {
      const answer = token(request);
      await delay();
      return send(reply, answer);
    }
    if (basePath === "" || path === basePath || path.startsWith(`${basePath}/`)) {
      const answer = api(request, url);
      await delay();
      return send(reply, answer);
    }
    return send(
      reply,
      mockError(404, `Nothing is served at ${path}; the API lives under ${basePath}.`),
    );
  }

  const app = Fastify({
    logger: false,
    bodyLimit: MOCK_BODY_LIMIT,
    forceCloseConnections: true,
    // A client that trickles its body must not hold a connection for ever; node checks
    // every `connectionsCheckingInterval` (30 s by default, longer than the limit itself).
    serverFactory: (handler) => {
      const limit = options.requestTimeoutMs ?? MOCK_REQUEST_TIMEOUT_MS;
      const every = Math.max(50, Math.min(1000, Math.floor(limit / 2)));
      return createServer({ requestTimeout: limit, connectionsCheckingInterval: every }, handler);
    },
    // Malformed HTTP gets the mock's error body too, not fastify's.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return;
      const status =
        error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? 408
          : error.code === "HPE_HEADER_OVERFLOW"
            ? 431
            : 400;
      socket.end(
        rawError(
          status,
          status === 408
            ? "The request was not received in time."
            : "The request is not valid HTTP.",
        ),
      );
    },
  });
  // The mock parses bodies itself, so that malformed JSON is a 400 in its words, not fastify's.
  app.removeAllContentTypeParsers();
  await app.register(formbody, { bodyLimit: MOCK_BODY_LIMIT });
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    const message =
      status === 413
        ? `The request body is larger than ${MOCK_BODY_LIMIT} bytes.`
        : `The mock could not handle the request: ${error.message ?? "unknown error"}`;
    return send(reply, mockError(status, message));
  });
  app.setNotFoundHandler(dispatch);
  app.all("/*", dispatch);

  try {
    await app.listen({ host: options.host ?? MOCK_HOST, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const host = options.host ?? MOCK_HOST;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    origin,
    baseUrl: `${origin}${basePath}`,
    tokenUrl: tokenUrl ? `${origin}${tokenUrl.pathname}${tokenUrl.search}` : undefined,
    warnings,
    stats: () => stats.snapshot(),
    faults: () => ({ ...faults }),
    setFaults,
    resetStats: () => stats.reset(),
    state: () => stateful?.info() ?? { served: 0, unknownIds: [] },
    close: () => app.close(),
  };
}
