// Shared by the two token scripts: specpost inlines this file into both, right after the
// generated `const SPECPOST = {...};` line and before token-prerequest.js or token-test.js.
// Config it reads: marginMs, marginRatio (renew when the token expires within
// min(marginMs, marginRatio * lifetime), so a 2-second token still renews in time) and
// defaultLifetimeMs (assumed when the endpoint sends no expires_in).

// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function readToken(body) {
  if (body === null || typeof body !== "object") {
    return { error: "the answer is not a JSON object" };
  }
  if (typeof body.access_token !== "string" || body.access_token === "") {
    return { error: "the answer has no access_token" };
  }
  if (String(body.token_type || "").toLowerCase() !== "bearer") {
    return { error: `token_type is ${JSON.stringify(body.token_type)}, expected Bearer` };
  }
  let lifetimeMs = SPECPOST.defaultLifetimeMs;
  if (body.expires_in !== undefined && body.expires_in !== null && body.expires_in !== "") {
    // KPN's gateway sends every value as a string: "3599".
    const seconds = Number(body.expires_in);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      return { error: `expires_in is ${JSON.stringify(body.expires_in)}, expected seconds` };
    }
    lifetimeMs = seconds * 1000;
  } else {
    const expiresAt = jwtExpiry(body.access_token);
    if (expiresAt !== undefined) lifetimeMs = Math.max(0, expiresAt - Date.now());
  }
  return { token: body.access_token, lifetimeMs: lifetimeMs };
}

// A JWT access token without expires_in: its `exp` claim (seconds) says when it expires.
function jwtExpiry(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const decode = typeof atob === "function" ? atob : require("atob");
    const text = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(decode(text + "===".slice((text.length + 3) % 4)));
    return typeof claims.exp === "number" && Number.isFinite(claims.exp)
      ? claims.exp * 1000
      : undefined;
  } catch (_e) {
    return undefined;
  }
}

// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function storeToken(token, lifetimeMs, now) {
  const margin = Math.min(SPECPOST.marginMs, SPECPOST.marginRatio * lifetimeMs);
  pm.collectionVariables.set("access_token", token);
  pm.collectionVariables.set("access_token_expires_at", String(now + lifetimeMs));
  pm.collectionVariables.set(
    "specpost_token_refresh_at",
    String(Math.floor(now + lifetimeMs - margin)),
  );
  pm.collectionVariables.set("specpost_token_error", "");
}

// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function countTokenRequest() {
  const requests = Number(pm.collectionVariables.get("specpost_token_requests")) || 0;
  pm.collectionVariables.set("specpost_token_requests", String(requests + 1));
}

// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function tokenSettings() {
  const get = (name) => pm.variables.replaceIn(pm.variables.get(name) || "");
  return {
    tokenUrl: get("tokenUrl"),
    clientId: get("client_id"),
    clientSecret: get("client_secret"),
    scope: get("scope"),
    clientAuth: get("client_auth") || "auto",
    params: SPECPOST.tokenParams.map((name) => ({ name: name, value: get(`token_param_${name}`) })),
  };
}

function redact(text, secret) {
  return secret && secret.length >= 4 ? text.split(secret).join("***") : text;
}

// The server's own words, from the error shapes seen in the wild (OAuth 2.0, Apigee, KPN).
function errorText(res) {
  let text = "";
  try {
    text = res.text() || "";
  } catch (_e) {
    return "";
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch (_e) {
    return text.replace(/\s+/g, " ").trim().slice(0, 300);
  }
  const parts = [];
  const add = (value) => {
    if (typeof value === "string" && value !== "" && parts.indexOf(value) === -1) parts.push(value);
  };
  if (body && typeof body === "object") {
    add(body.error);
    add(body.error_description);
    add(body.ErrorCode);
    add(body.Error);
    add(body.message);
    if (body.error && typeof body.error === "object") add(body.error.message);
    if (body.fault && typeof body.fault === "object") add(body.fault.faultstring);
  }
  return parts.length > 0 ? parts.join(": ") : text.replace(/\s+/g, " ").trim().slice(0, 300);
}

// Newman hands sendRequest errors over as plain objects: {code, syscall, address, port}.
function networkError(err) {
  if (typeof err === "string") return err;
  if (err.message) return err.message;
  const where = err.address ? ` ${err.address}${err.port ? `:${err.port}` : ""}` : "";
  const text = [err.syscall, err.code].filter(Boolean).join(" ");
  return text ? `${text}${where}` : JSON.stringify(err);
}

// One sentence naming the URL, the status and the server's error text — never the secret.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function describeFailure(settings, err, res) {
  const where = `Token request POST ${settings.tokenUrl || "(tokenUrl is empty: set it in the environment)"}`;
  const hint = settings.clientId === "" ? " (client_id is empty: set it in the environment)" : "";
  if (err) {
    return redact(`${where} failed: ${networkError(err)}${hint}`, settings.clientSecret);
  }
  if (!res?.code) return `${where} got no response${hint}`;
  const text = errorText(res);
  return redact(
    `${where} answered ${res.code} ${res.status || ""}${text ? ` — ${text}` : ""}${hint}`,
    settings.clientSecret,
  );
}

// Remembers the failure so the requests after it are skipped instead of each failing with
// a 401, and reports it as one failed test.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function recordFailure(settings, message) {
  pm.collectionVariables.set(
    "specpost_token_error",
    JSON.stringify({ at: Date.now(), url: settings.tokenUrl, clientId: settings.clientId }),
  );
  pm.collectionVariables.set("access_token", "");
  pm.collectionVariables.set("specpost_token_refresh_at", "");
  pm.test("Access token is issued by the token endpoint", () => {
    pm.expect.fail(message);
  });
}
