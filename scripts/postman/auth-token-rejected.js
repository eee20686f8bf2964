// specpost auth check, item-level "test" script of "<operation> rejects a missing token" and
// "<operation> rejects an invalid token". The generator puts one data line in front of it:
// SPECPOST_AUTH_CHECK = { name, missing? } (the test name; what the request goes without).
(() => {
  const code = pm.response.code;
  pm.test(SPECPOST_AUTH_CHECK.name, () => {
    if (code === 401 || code === 403) return;
    let why = "";
    if (code >= 200 && code < 300)
      why = `: the operation answered without ${SPECPOST_AUTH_CHECK.missing || "a valid token"}`;
    // Some KPN proxies send gateway faults with 500: the request was refused, but the spec
    // and clients expect 401, so it is reported rather than accepted.
    if (code >= 500) why = ": a gateway that refuses tokens with 5xx should answer 401 instead";
    pm.expect.fail(`expected 401 or 403, got ${code} ${pm.response.status}${why}`);
  });
})();
