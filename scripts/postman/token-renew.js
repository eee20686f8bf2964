// Opens the collection-level test script, in front of the contract checks. A 401 on a secured
// request whose token was still valid by its clock (revoked, or expired early by the server)
// drops the cached token and sends that request once more, with a new token the collection's
// pre-request script fetches for it. The generator puts `const SPECPOST_RENEW = {...};` first:
//   noTokenItemIds  items whose 401 says nothing about our token (the token request, Auth checks)
//   noRetryItemIds  items renewed for the next requests but not re-sent: workflow steps and
//                   Cleanup requests, whose own scripts choose what runs next
//   maxRenewals     renewals a run: an API that refuses every token (wrong audience) must not
//                   cost one token request per request
// Bounded: a request is re-sent at most once (refused again, it is a failure and renews nothing:
// its token was brand new), and only while a renewal is left. What it decided goes to the
// contract checks in the local variable specpost_renewal, { requestId, state }: "resend" (this
// answer is not judged), "refused-again", "renewed" (for the next requests; this one stays
// failed) or "none".
// Re-sending is pm.execution.setNextRequest, which only a collection run (Postman's runner,
// Newman) obeys: after a single Send in the Postman app nothing is re-sent, and the next Send of
// that request gets the new token and counts as the retry.

(() => {
  const RETRY = "specpost_retry";
  const id = pm.info.requestId;
  let pending;
  try {
    pending = JSON.parse(pm.collectionVariables.get(RETRY) || "null");
  } catch (_e) {
    pending = null;
  }
  const isRetry = pending !== null && pending.requestId === id;
  if (pending !== null) {
    pm.collectionVariables.set(RETRY, "");
    // Something else chose the next request (a user's setNextRequest), or a single Send in the
    // Postman app was followed by another request: the refused one was never judged again.
    if (!isRetry) {
      console.warn(`specpost: ${pending.name} was not sent again after its 401; send it again`);
    }
  }
  if (SPECPOST_RENEW.noTokenItemIds.indexOf(id) !== -1) return;
  if (pm.response.code !== 401 || promised401(id)) return;
  const decide = (state) =>
    pm.variables.set("specpost_renewal", JSON.stringify({ requestId: id, state: state }));
  if (isRetry) {
    decide("refused-again");
    return;
  }
  const token = pm.collectionVariables.get("access_token");
  const refreshAt = Number(pm.collectionVariables.get("specpost_token_refresh_at"));
  const renewals = Number(pm.collectionVariables.get("specpost_token_renewals")) || 0;
  if (!token || !(Date.now() < refreshAt) || renewals >= SPECPOST_RENEW.maxRenewals) {
    decide("none");
    return;
  }
  pm.collectionVariables.set("specpost_token_renewals", String(renewals + 1));
  pm.collectionVariables.set("specpost_token_refresh_at", "0");
  const name = pm.info.requestName;
  if (SPECPOST_RENEW.noRetryItemIds.indexOf(id) !== -1) {
    decide("renewed");
    console.warn(`${name}: 401 with a token valid by its expiry; renewed it for the next requests`);
    return;
  }
  decide("resend");
  pm.collectionVariables.set(RETRY, JSON.stringify({ requestId: id, name: name }));
  const resent = Number(pm.collectionVariables.get("specpost_token_resent")) || 0;
  pm.collectionVariables.set("specpost_token_resent", String(resent + 1));
  // Nothing was created: the chain scripts have nothing to store from this answer.
  pm.variables.set("specpost_chain", "");
  console.warn(
    `${name}: 401 with a token valid by its expiry; renewed it, sending the request again`,
  );
  pm.execution.setNextRequest(id);

  // An operation whose spec documents nothing but 4xx answers, 401 among them (httpbin's
  // /status/401), promises this 401: it says nothing about the token (contract.js agrees).
  function promised401(requestId) {
    try {
      const declared = JSON.parse(pm.variables.get("specpost_contract") || "null");
      if (!declared || declared.requestId !== requestId) return false;
      const contract = JSON.parse(declared.contract);
      return Boolean(contract.errorsOnly) && Object.hasOwn(contract.responses, "401");
    } catch (_e) {
      return false;
    }
  }
})();
