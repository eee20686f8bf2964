// Test script of the "Get Access Token" request: checks the token endpoint's answer and
// stores the token, so the requests after it need no token request of their own. An answer
// that calls for it (invalid_client under client_auth auto, a 5xx, 429) continues with
// fetchToken. specpost inlines it after `const SPECPOST = {...};`, token-common.js and
// token-fetch.js.

function check(settings, res, issuedAt) {
  pm.test("Access token is issued by the token endpoint", () => {});
  let body;
  try {
    body = res.json();
  } catch (_e) {
    body = undefined;
  }
  const data = body !== null && typeof body === "object" ? body : {};
  pm.test("Access token: token_type is Bearer", () => {
    pm.expect(String(data.token_type || "").toLowerCase()).to.equal("bearer");
  });
  pm.test("Access token: access_token is not empty", () => {
    pm.expect(data.access_token).to.be.a("string").that.is.not.empty;
  });
  pm.test("Access token: expires_in is a number of seconds", () => {
    // KPN's gateway sends "3599", a string: a number or a numeric string both count. A JWT
    // without it counts when it carries `exp` (readToken uses that).
    const value = data.expires_in;
    const ok =
      (typeof value === "number" && Number.isFinite(value)) ||
      (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) ||
      (value === undefined &&
        typeof data.access_token === "string" &&
        jwtExpiry(data.access_token) !== undefined);
    pm.expect(ok, `expires_in is ${JSON.stringify(value)}`).to.equal(true);
  });

  const result = readToken(body);
  if (result.error) {
    recordFailure(
      settings,
      `Token request POST ${settings.tokenUrl} answered 200 but ${result.error}`,
    );
    return;
  }
  storeToken(result.token, result.lifetimeMs, issuedAt);
}

function main() {
  const settings = tokenSettings();
  countTokenRequest();
  // The response arrived responseTime ms after the request left: count from then.
  const sentAt = Date.now() - (pm.response.responseTime || 0);
  if (pm.response.code === 200) {
    check(settings, pm.response, sentAt);
    return;
  }
  fetchToken(settings, pm.response, (err, res, _method, tried) => {
    if (!err && res && res.code === 200) {
      check(settings, res, sentAt);
      return;
    }
    recordFailure(settings, describeFailure(settings, err, res) + triedText(tried));
  });
}

main();
