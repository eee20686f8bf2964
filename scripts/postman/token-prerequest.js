// Collection-level pre-request script: makes sure a valid access token is in `access_token`
// before every request that needs one, asking the token endpoint only when there is no
// token or it is about to expire — one token request per expiry window, not one per request.
// specpost inlines it after `const SPECPOST = {...};`, token-common.js and token-fetch.js. Config it reads:
//   noTokenItemIds  items that never trigger a token request (the token request itself, the
//                   auth checks that send bad tokens on purpose, unsecured operations)
//   failureHoldMs   how long a token failure is remembered (see failedRecently)
// Newman's sandbox has only the callback form of pm.sendRequest: no Promise, no await.

function skip() {
  const skipped = Number(pm.collectionVariables.get("specpost_skipped_requests")) || 0;
  pm.collectionVariables.set("specpost_skipped_requests", String(skipped + 1));
  if (pm.execution && typeof pm.execution.skipRequest === "function") {
    pm.execution.skipRequest();
  }
}

// A failure already reported for the same token URL and client is not reported again, and
// the requests it leaves without a token are skipped instead of each failing with a 401.
// The hold keeps a Postman app session from staying stuck after the credentials are fixed;
// running "Get Access Token" by hand clears it at once.
function failedRecently(settings, now) {
  const raw = pm.collectionVariables.get("specpost_token_error");
  if (!raw) return false;
  let failure;
  try {
    failure = JSON.parse(raw);
  } catch (_e) {
    return false;
  }
  return (
    failure.url === settings.tokenUrl &&
    failure.clientId === settings.clientId &&
    now - Number(failure.at) < SPECPOST.failureHoldMs
  );
}

function main() {
  if (SPECPOST.noTokenItemIds.indexOf(pm.info.requestId) !== -1) return;

  const now = Date.now();
  const token = pm.collectionVariables.get("access_token");
  const refreshAt = Number(pm.collectionVariables.get("specpost_token_refresh_at"));
  if (token && now < refreshAt) return;

  const settings = tokenSettings();
  if (failedRecently(settings, now)) {
    skip();
    return;
  }

  fetchToken(settings, undefined, (err, res, _method, tried) => {
    let result;
    if (!err && res && res.code === 200) {
      let body;
      try {
        body = res.json();
      } catch (_e) {
        body = undefined;
      }
      result = readToken(body);
      if (!result.error) {
        // Counted from before the first request was sent: the token cannot be older.
        storeToken(result.token, result.lifetimeMs, now);
        return;
      }
    }
    const message = result
      ? `Token request POST ${settings.tokenUrl} answered 200 but ${result.error}`
      : describeFailure(settings, err, res);
    recordFailure(settings, message + triedText(tried));
    skip();
  });
}

main();
