// Collection-level test script: a 401 on a secured request whose token was still valid by its
// clock (revoked, or expired early by the server) drops the cached token, so the next request
// fetches a new one instead of every request after it failing too. At most
// SPECPOST.maxRenewals times a run: an API that refuses every token (wrong audience) must not
// cost one token request per request. The 401 itself stays a failure of its request.

(() => {
  if (SPECPOST.noTokenItemIds.indexOf(pm.info.requestId) !== -1) return;
  if (pm.response.code !== 401) return;
  const token = pm.collectionVariables.get("access_token");
  const refreshAt = Number(pm.collectionVariables.get("specpost_token_refresh_at"));
  if (!token || !(Date.now() < refreshAt)) return;
  const renewals = Number(pm.collectionVariables.get("specpost_token_renewals")) || 0;
  if (renewals >= SPECPOST.maxRenewals) return;
  pm.collectionVariables.set("specpost_token_renewals", String(renewals + 1));
  pm.collectionVariables.set("specpost_token_refresh_at", "0");
  console.warn(
    `${pm.info.requestName}: 401 with a token that was valid by its expiry; renewing it for the next requests`,
  );
})();
