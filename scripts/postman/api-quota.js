// Collection-level test script, in front of the contract checks: an API call answered 429
// waits as Retry-After (seconds or an HTTP date) or KPN's quota-reset-UTC (a date or epoch
// seconds/ms) says, at most SPECPOST.maxQuotaWaitMs, then sends that request once more
// (pm.execution.setNextRequest, which a collection run obeys; after a single Send in the
// Postman app, send it again). Each request at most once: a second 429 is judged as any 4xx.
// Not re-sent: SPECPOST.noRetryItemIds (workflow steps, Cleanup requests: their own scripts
// choose what runs next). What it decided goes to the contract checks in the local variable
// specpost_quota, { requestId, state: "resend" }: this answer is not judged.

(() => {
  const RETRY = "specpost_quota_retry";
  const id = pm.info.requestId;
  const again = pm.collectionVariables.get(RETRY) === id;
  if (pm.collectionVariables.get(RETRY)) pm.collectionVariables.set(RETRY, "");
  if (pm.response.code !== 429) return;
  const header = (name) => pm.response.headers.get(name);
  let wait;
  const retryAfter = header("Retry-After");
  const reset = header("quota-reset-UTC");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
  } else if (reset) {
    const number = Number(reset);
    const at = Number.isFinite(number)
      ? number > 1e12
        ? number
        : number * 1000
      : Date.parse(reset);
    wait = at - Date.now();
  }
  wait = Number.isFinite(wait) && wait > 0 ? Math.min(wait, SPECPOST.maxQuotaWaitMs) : 0;
  const resend = !again && SPECPOST.noRetryItemIds.indexOf(id) === -1;
  const name = pm.info.requestName;
  if (resend) {
    pm.variables.set("specpost_quota", JSON.stringify({ requestId: id, state: "resend" }));
    pm.collectionVariables.set(RETRY, id);
    // Nothing was created: the chain scripts have nothing to store from this answer.
    pm.variables.set("specpost_chain", "");
    pm.execution.setNextRequest(id);
  }
  const then = resend ? ", then sending it again" : " before the next request";
  console.warn(`${name}: 429, waiting ${Math.round(wait)} ms${then}`);
  if (wait > 0) setTimeout(() => {}, wait);
})();
