// Test script of the "Get Access Token" request: checks the token endpoint's answer and
// stores the token, so the requests after it need no token request of their own.
// specpost inlines it after `const SPECPOST = {...};` and token-common.js.

function main() {
  const settings = tokenSettings();
  countTokenRequest();

  if (pm.response.code !== 200) {
    recordFailure(settings, describeFailure(settings, undefined, pm.response));
    return;
  }
  pm.test("Access token is issued by the token endpoint", () => {});

  let body;
  try {
    body = pm.response.json();
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
    // KPN's gateway sends "3599", a string: a number or a numeric string both count.
    const value = data.expires_in;
    const ok =
      (typeof value === "number" && Number.isFinite(value)) ||
      (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value));
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
  // The response arrived responseTime ms after the request left: count from then.
  storeToken(result.token, result.lifetimeMs, Date.now() - (pm.response.responseTime || 0));
}

main();
