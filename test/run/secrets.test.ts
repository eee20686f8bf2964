import { describe, expect, it } from "vitest";
import type { RecordedRun } from "../../scripts/run/recorded";
import { collectSecrets, makeRedactor, REDACTED, redactDeep } from "../../scripts/run/secrets";

function run(parts: Partial<RecordedRun>): RecordedRun {
  return {
    executions: [],
    scriptRequests: [],
    console: [],
    collectionVariables: {},
    environment: {},
    stats: { assertions: 0, failedAssertions: 0 },
    startedAt: 0,
    durationMs: 0,
    ...parts,
  };
}

describe("collectSecrets", () => {
  it("finds tokens in token responses, Authorization headers, variables and form bodies", () => {
    const secrets = collectSecrets(
      run({
        scriptRequests: [
          {
            method: "POST",
            url: "http://t/token",
            requestHeaders: [],
            requestBody: "client_id=abc&client_secret=s%2Bcret%21",
            response: {
              code: 200,
              status: "OK",
              headers: [{ key: "Set-Cookie", value: "session=cookie-value" }],
              body: '{"access_token":"issued-token-1","expires_in":"3599"}',
              responseTimeMs: 1,
            },
          },
        ],
        executions: [
          {
            name: "x",
            folders: [],
            method: "GET",
            url: "http://a/x",
            requestHeaders: [{ key: "Authorization", value: "Bearer header-token-2" }],
            requestBody: "",
            assertions: [],
            scriptErrors: [],
          },
        ],
        collectionVariables: {
          access_token: "var-token-3",
          access_token_expires_at: "1700000000000",
          baseUrl: "http://a",
        },
      }),
      ["known-secret"],
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        "known-secret",
        "issued-token-1",
        "header-token-2",
        "Bearer header-token-2",
        "var-token-3",
        "s+cret!",
        "session=cookie-value",
      ]),
    );
    expect(secrets).not.toContain("1700000000000");
    expect(secrets).not.toContain("http://a");
  });
});

describe("makeRedactor", () => {
  const redact = makeRedactor(["s3cr3t/+=", "tok-123"]);
  it.each([
    ["plain", "secret is s3cr3t/+= ok", `secret is ${REDACTED} ok`],
    ["url-encoded", "client_id=a&x=s3cr3t%2F%2B%3D", `client_id=a&x=${REDACTED}`],
    [
      "in an assertion message",
      "expected 'Bearer tok-123' to equal 'x'",
      `expected 'Bearer ${REDACTED}' to equal 'x'`,
    ],
    [
      "an unknown bearer token",
      "Authorization: Bearer zzzzzz",
      `Authorization: Bearer ${REDACTED}`,
    ],
    [
      "an unknown client_secret in a form",
      "client_secret=other&a=1",
      `client_secret=${REDACTED}&a=1`,
    ],
    [
      "an unknown access_token in JSON",
      '{"access_token": "other", "b": 1}',
      `{"access_token": "${REDACTED}", "b": 1}`,
    ],
    [
      "shortened by chai",
      "expected 's3cr3t/…' to equal 'x'",
      `expected '${REDACTED}…' to equal 'x'`,
    ],
    ["shortened with dots", "token tok-12... was", `token ${REDACTED}... was`],
    ["nothing secret", "GET /userlist → 200", "GET /userlist → 200"],
  ])("%s", (_name, input, want) => {
    expect(redact(input)).toBe(want);
  });

  // Every spelling an echo may give a known secret: none may survive.
  const secret = "s3cr3t/é+x y-1234567890";
  const encoded = makeRedactor([secret]);
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  it.each([
    ["JSON the PHP/Java way", `{"s":"s3cr3t\\/\\u00e9+x y-1234567890"}`],
    ["JSON upper-case escapes", `{"s":"s3cr3t\\/\\u00E9+x y-1234567890"}`],
    ["JSON unicode escapes only", `{"s":"s3cr3t/\\u00e9+x y-1234567890"}`],
    ["URL-encoded", `q=${encodeURIComponent(secret)}`],
    ["URL-encoded, lower-case hex", `q=${encodeURIComponent(secret).toLowerCase()}`],
    ["form-encoded", new URLSearchParams({ q: secret }).toString()],
    ["base64 alone", `x ${b64(secret)} y`],
    ["base64 after one byte", `x ${b64(`a${secret}`)} y`],
    ["base64 after two bytes", `x ${b64(`ab${secret}`)} y`],
    ["base64url", `x ${Buffer.from(`ab${secret}`).toString("base64url")} y`],
  ])("a known secret %s is redacted", (_name, text) => {
    const out = encoded(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain("s3cr3t");
    expect(out).not.toContain(b64(secret).slice(4, 16));
  });

  it("a known secret escaped for HTML/XML is redacted", () => {
    const out = makeRedactor(["it's<&>\"-secret"])("<td>it&#39;s&lt;&amp;&gt;&quot;-secret</td>");
    expect(out).toBe(`<td>${REDACTED}</td>`);
  });

  it.each([
    [
      "a title with scheme names",
      "Bearer Token Demo API (Basic plan)",
      "Bearer Token Demo API (Basic plan)",
    ],
    [
      "a failure line keeps its newline and 'expected'",
      "token_type is Bearer ...\n  expected 'bearer' to equal 'Bearer'",
      "token_type is Bearer ...\n  expected 'bearer' to equal 'Bearer'",
    ],
    [
      "a header-shaped value, however short",
      '{"authorization":"Basic abc"}',
      `{"authorization":"Basic ${REDACTED}"}`,
    ],
    ["a token-shaped bearer value", "sent Bearer eyJhbGciOi.x1y2", `sent Bearer ${REDACTED}`],
    [
      "a URL's password",
      "baseUrl=http://user:p%40ss@host:8080/api",
      `baseUrl=http://user:${REDACTED}@host:8080/api`,
    ],
    ["a URL without a password", "http://user@host/a:b@c", "http://user@host/a:b@c"],
  ])("shapes: %s", (_name, input, want) => {
    expect(makeRedactor([])(input)).toBe(want);
  });

  it("redacts every string of nested data", () => {
    expect(redactDeep({ a: ["tok-123", 1], b: { c: "x tok-123" } }, redact)).toEqual({
      a: [REDACTED, 1],
      b: { c: `x ${REDACTED}` },
    });
  });
});
