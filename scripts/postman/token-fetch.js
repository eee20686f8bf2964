// Token requests: client authentication (post | basic | auto), extra token parameters and
// retries of transient faults. specpost inlines it after token-common.js. Config it reads:
//   grantTypeInBody  send grant_type=client_credentials (the token URL lacks it)
//   sendScope        send scope={{scope}}
//   tokenParams      names of extra form parameters, each from variable token_param_<name>
//   tokenRetries     retries of a 5xx, 429 or network error (4xx is never retried)
//   retryBaseMs      first backoff, doubled per retry, when no Retry-After is given
//   retryMaxWaitMs   the longest wait, Retry-After included
// Callback-only pm.sendRequest (Newman); setTimeout keeps the request waiting.

// `auto` starts with the method that worked last (remembered for the run or Postman session),
// else with `post` (credentials in the body, KPN), and tries the other once on invalid_client.
function clientAuthMethods(settings) {
  if (settings.clientAuth === "post" || settings.clientAuth === "basic") {
    return [settings.clientAuth];
  }
  const first =
    pm.collectionVariables.get("specpost_client_auth_used") === "basic" ? "basic" : "post";
  return [first, first === "post" ? "basic" : "post"];
}

// RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for Basic.
function formEncode(text) {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

function basicCredentials(settings) {
  const encode = typeof btoa === "function" ? btoa : require("btoa");
  return `Basic ${encode(`${formEncode(settings.clientId)}:${formEncode(settings.clientSecret)}`)}`;
}

function tokenRequestParts(settings, method) {
  const form = [];
  if (method === "post") {
    form.push({ key: "client_id", value: settings.clientId });
    form.push({ key: "client_secret", value: settings.clientSecret });
  }
  if (SPECPOST.grantTypeInBody) form.push({ key: "grant_type", value: "client_credentials" });
  if (SPECPOST.sendScope) form.push({ key: "scope", value: settings.scope });
  for (const param of settings.params) {
    if (param.value !== "") form.push({ key: param.name, value: param.value });
  }
  const header = [
    { key: "Content-Type", value: "application/x-www-form-urlencoded" },
    { key: "Accept", value: "application/json" },
  ];
  if (method === "basic") header.push({ key: "Authorization", value: basicCredentials(settings) });
  return { form, header };
}

function answerText(res) {
  try {
    return res?.text() || "";
  } catch (_e) {
    return "";
  }
}

// ok | transient (retry) | invalid-client (try the other method) | fatal
function tokenVerdict(err, res) {
  if (err || !res || !res.code) return "transient";
  if (res.code === 200) return "ok";
  const invalidClient = /invalid_client/i.test(answerText(res));
  if (res.code === 401 || ((res.code === 400 || res.code >= 500) && invalidClient)) {
    return "invalid-client";
  }
  if (res.code === 429 || res.code >= 500) return "transient";
  return "fatal";
}

// Retry-After in seconds or as an HTTP date; else exponential backoff. Always bounded.
function retryWaitMs(res, retry) {
  let wait = SPECPOST.retryBaseMs * 2 ** retry;
  const header = res?.headers ? res.headers.get("Retry-After") : undefined;
  if (header) {
    const seconds = Number(header);
    const date = Date.parse(header);
    if (Number.isFinite(seconds)) wait = seconds * 1000;
    else if (Number.isFinite(date)) wait = date - Date.now();
  }
  return Math.max(0, Math.min(wait, SPECPOST.retryMaxWaitMs));
}

// Sends token requests until one succeeds, a failure is final or the retries are spent, then
// calls done(err, res, method, tried) once. `first` is an answer already received for the
// first method (the "Get Access Token" request's own), so it is not sent again.
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function fetchToken(settings, first, done) {
  const methods = clientAuthMethods(settings);
  const tried = { methods: [methods[0]], retries: 0 };
  let index = 0;
  const handle = (err, res) => {
    const verdict = tokenVerdict(err, res);
    if (verdict === "transient" && tried.retries < SPECPOST.tokenRetries) {
      const wait = retryWaitMs(res, tried.retries);
      tried.retries += 1;
      setTimeout(send, wait);
      return;
    }
    if (verdict === "invalid-client" && index + 1 < methods.length) {
      index += 1;
      tried.methods.push(methods[index]);
      send();
      return;
    }
    if (verdict === "ok" && settings.clientAuth !== "post" && settings.clientAuth !== "basic") {
      pm.collectionVariables.set("specpost_client_auth_used", methods[index]);
    }
    done(err, res, methods[index], tried);
  };
  function send() {
    countTokenRequest();
    const parts = tokenRequestParts(settings, methods[index]);
    pm.sendRequest(
      {
        url: settings.tokenUrl,
        method: "POST",
        header: parts.header,
        body: { mode: "urlencoded", urlencoded: parts.form },
      },
      handle,
    );
  }
  if (first) handle(undefined, first);
  else send();
}

// What was tried, for the failure message: "(client_secret_post, then client_secret_basic;
// 3 retries)".
// biome-ignore lint/correctness/noUnusedVariables: used by the script inlined after this one
function triedText(tried) {
  const names = tried.methods.map((m) =>
    m === "basic" ? "client_secret_basic" : "client_secret_post",
  );
  const parts = [];
  if (names.length > 1) parts.push(`tried ${names.join(", then ")}`);
  if (tried.retries > 0)
    parts.push(`${tried.retries} ${tried.retries === 1 ? "retry" : "retries"}`);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}
