// Pre-request script of the Auth check "<operation> rejects a token without scope <s>":
// fetches a token for the other scopes only (SPECPOST.narrowScope) into
// specpost_narrow_token, which the request sends. specpost inlines it after token-common.js
// and token-fetch.js. A server that will not issue such a token leaves nothing to check:
// the request is skipped with one line.
(() => {
  const settings = tokenSettings();
  settings.scope = SPECPOST.narrowScope;
  fetchToken(settings, undefined, (err, res) => {
    let token = "";
    if (!err && res && res.code === 200) {
      let body;
      try {
        body = res.json();
      } catch (_e) {
        body = undefined;
      }
      const result = readToken(body);
      if (!result.error) token = result.token;
    }
    pm.variables.set("specpost_narrow_token", token);
    if (token) return;
    console.log(
      `specpost: skipped "${pm.info.requestName}": no token for scope "${settings.scope}"`,
    );
    pm.execution.skipRequest();
  });
})();
