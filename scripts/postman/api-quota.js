// Collection-level test script: an API call answered 429 waits as Retry-After (seconds or an
// HTTP date) or KPN's quota-reset-UTC (a date or epoch seconds/ms) says, at most
// SPECPOST.maxQuotaWaitMs, so the next request does not hit the same quota. The 429 itself
// stays that request's result (it is not re-sent yet).

(() => {
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
  if (!Number.isFinite(wait) || wait <= 0) return;
  wait = Math.min(wait, SPECPOST.maxQuotaWaitMs);
  console.warn(
    `${pm.info.requestName}: 429, waiting ${Math.round(wait)} ms before the next request`,
  );
  setTimeout(() => {}, wait);
})();
