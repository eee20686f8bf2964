import type { HeaderPair, RecordedRun } from "./recorded";
import { secretForms } from "./secret-forms";

export const REDACTED = "[REDACTED]";

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
/** Variable names whose value is a credential (access_token_expires_at is not). */
export const SECRET_VARIABLE =
  /(^|[_-])(access_?token|refresh_?token|id_?token|token|client_?secret|secret|password|api_?key)$|^apikey_/i;
/** Shorter values would shred ordinary text; no real secret or token is this short. */
const MIN_SECRET_LENGTH = 3;
/** A shortened secret shorter than this says too little to be worth hiding, and matches too much. */
const MIN_TRUNCATED_PREFIX = 6;

/**
 * Every credential value a run could leak: the secrets we were given, tokens the token
 * endpoint issued (seen in any response body, script-sent or not), and what went out in
 * Authorization/Cookie headers and `client_secret=` bodies. Longest first so that a value
 * containing another is replaced whole.
 */
export function collectSecrets(run: RecordedRun | undefined, known: readonly string[]): string[] {
  const found = new Set<string>(known);
  const addVariables = (values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) {
      if (SECRET_VARIABLE.test(key)) found.add(value);
      for (const password of urlPasswords(value)) found.add(password);
    }
  };
  if (run) {
    addVariables(run.collectionVariables);
    addVariables(run.environment);
    for (const secret of run.secrets ?? []) found.add(secret);
    for (const sent of [...run.executions, ...run.scriptRequests]) addSentSecrets(found, sent);
  }
  return [...found]
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** What a request and its answer could leak: the recorder calls it before it drops them. */
export function addSentSecrets(found: Set<string>, sent: SentLike): void {
  const addHeaders = (headers: HeaderPair[]) => {
    for (const { key, value } of headers) {
      if (!SECRET_HEADERS.has(key.toLowerCase())) continue;
      found.add(value);
      // `Bearer abc` → also `abc`, which is what a body or an assertion message would echo.
      const credential = /^\s*\S+\s+(.+)$/.exec(value)?.[1];
      if (credential) found.add(credential.trim());
    }
  };
  const addBody = (body: string) => {
    for (const token of tokensInText(body)) found.add(token);
  };
  addHeaders(sent.requestHeaders);
  addBody(sent.requestBody);
  if (sent.response) {
    addHeaders(sent.response.headers);
    addBody(sent.response.body);
  }
}

interface SentLike {
  requestHeaders: HeaderPair[];
  requestBody: string;
  response?: { headers: HeaderPair[]; body: string };
}

/** Values of token/secret fields in a JSON or form-encoded body, wherever they sit. */
function tokensInText(text: string): string[] {
  const out: string[] = [];
  const field = "(?:access_token|refresh_token|id_token|client_secret)";
  const json = new RegExp(`"${field}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, "g");
  const form = new RegExp(`(?:^|[?&\\s])${field}=([^&\\s"]*)`, "g");
  for (const match of text.matchAll(json)) if (match[1]) out.push(match[1], unescapeJson(match[1]));
  for (const match of text.matchAll(form)) {
    if (match[1]) out.push(match[1], decodeSafely(match[1]));
  }
  return out;
}

/** `"tok\/abc"` in a body is the token `tok/abc`. */
function unescapeJson(value: string): string {
  try {
    return String(JSON.parse(`"${value}"`));
  } catch {
    return value;
  }
}

/** The password of every `scheme://user:password@host` in a text, as written and decoded. */
export function urlPasswords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(URL_PASSWORD)) {
    if (match[2]) out.push(match[2], decodeSafely(match[2]));
  }
  return out;
}

const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'<>]*:)([^\s/?#@"'<>]+)@/gi;

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

export type Redact = (text: string) => string;

/**
 * Replaces known secrets in every spelling an echo may give them (secret-forms.ts), then
 * anything shaped like a credential that a script may have built on its own: an
 * `Authorization`-shaped value, `Bearer x` where x looks like a token rather than a word,
 * `client_secret=x`, `"access_token": "x"`, the password in `https://user:password@host`.
 */
export function makeRedactor(secrets: readonly string[]): Redact {
  const variants = new Set<string>();
  for (const secret of secrets) for (const form of secretForms(secret)) variants.add(form);
  const ordered = [...variants]
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  // Chai shortens long strings in assertion messages ("expected 'sentinel-abc…' to equal"):
  // the start of a secret before an ellipsis is still the secret.
  const truncatable = ordered.filter((value) => value.length > MIN_TRUNCATED_PREFIX);
  return (text) => {
    let out = text;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    if (out.includes("…") || out.includes("...")) {
      for (const secret of truncatable) {
        for (let length = secret.length - 1; length >= MIN_TRUNCATED_PREFIX; length--) {
          const start = secret.slice(0, length);
          for (const ellipsis of ["…", "..."]) {
            if (out.includes(start + ellipsis))
              out = out.split(start + ellipsis).join(REDACTED + ellipsis);
          }
        }
      }
    }
    return redactShapes(out);
  };
}

const AUTH_SCHEME = /\b(Bearer|Basic)([ \t]+)(?!\[REDACTED\])([A-Za-z0-9\-._~+/]+=*)/g;
/** Text just before a scheme that makes it a header value: `Authorization: `, `"authorization":"`. */
const AUTHORIZATION_BEFORE = /authorization["']?\s*[:=]\s*["']?$/i;

function redactShapes(text: string): string {
  return text
    .replace(AUTH_SCHEME, (whole, scheme: string, gap: string, value: string, at: number) => {
      const inHeader = AUTHORIZATION_BEFORE.test(text.slice(Math.max(0, at - 40), at));
      return inHeader || looksLikeCredential(value) ? `${scheme}${gap}${REDACTED}` : whole;
    })
    .replace(
      /((?:access_token|refresh_token|id_token|client_secret)=)(?!\[REDACTED\])[^&\s"']+/g,
      `$1${REDACTED}`,
    )
    .replace(
      /("(?:access_token|refresh_token|id_token|client_secret)"\s*:\s*")(?!\[REDACTED\])(?:[^"\\]|\\.)+"/g,
      `$1${REDACTED}"`,
    )
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}

/** "Token", "plan" and "..." are words; a token has a digit in it or is long. */
function looksLikeCredential(value: string): boolean {
  return (value.length >= 8 && /\d/.test(value)) || value.length >= 20;
}

/** Applies `redact` to every string in a plain-data value (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, redact)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key] = redactDeep(entry, redact);
    return out as T;
  }
  return value;
}
