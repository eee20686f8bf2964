// specpost auth check, item-level "test" script of "Token endpoint rejects wrong credentials".
// The request sends the configured client_id with a secret that cannot be right.
(() => {
  const code = pm.response.code;
  const text = excerpt(pm.response.text());
  pm.test("Token endpoint rejects wrong credentials", () => {
    if (code >= 400 && code < 500) return;
    if (code >= 500 && /invalid_client/i.test(text)) {
      // Some KPN API Store gateways answer an unknown client with 500 and invalid_client in the
      // body: the credentials were rejected, only the status is off. Noted, not failed.
      console.warn(
        `Token endpoint answered ${code} with invalid_client to wrong credentials (KPN-style); ` +
          "RFC 6749 asks for 400 or 401.",
      );
      return;
    }
    if (code >= 200 && code < 300 && /access_token/.test(text)) {
      pm.expect.fail(
        `the token endpoint issued a token for a wrong client_secret (${code}): it does not check credentials`,
      );
    }
    pm.expect.fail(
      `expected 4xx (RFC 6749: 401 invalid_client) for a wrong client_secret, got ${code} ${pm.response.status}` +
        (text ? ` — ${text}` : ""),
    );
  });

  function excerpt(body) {
    return String(body || "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 200);
  }
})();
