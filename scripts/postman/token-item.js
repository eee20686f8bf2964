// Pre-request script of the "Get Access Token" request: shapes it as the token scripts would
// send it — the client authentication method (client_auth: post, basic or auto) and the
// extra token parameters (token_param_<name>). specpost inlines it after token-common.js
// and token-fetch.js. With SPECPOST.wrongSecret (the Auth check) that secret is sent instead.

(() => {
  const settings = tokenSettings();
  if (SPECPOST.wrongSecret) settings.clientSecret = SPECPOST.wrongSecret;
  const parts = tokenRequestParts(settings, clientAuthMethods(settings)[0]);
  pm.request.body.update({ mode: "urlencoded", urlencoded: parts.form });
  for (const header of parts.header) pm.request.headers.upsert(header);
})();
