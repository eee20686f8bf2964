// specpost, before each request (collection level): a request that needs a user's token
// (authorization code, implicit, password, device flow) is skipped while
// {{user_access_token}} is empty, with one line for the whole run instead of one per request.
// The generator puts `const SPECPOST_USER_TOKEN = { itemIds: [...], count: N };` in front.
(() => {
  if (SPECPOST_USER_TOKEN.itemIds.indexOf(pm.info.requestId) === -1) return;
  if (pm.variables.get("user_access_token")) return;
  const skipped = Number(pm.collectionVariables.get("specpost_user_token_skipped")) || 0;
  if (skipped === 0) {
    const n = SPECPOST_USER_TOKEN.count;
    console.warn(
      `specpost: ${n} operation${n === 1 ? " needs" : "s need"} a user token: set user_access_token`,
    );
  }
  pm.collectionVariables.set("specpost_user_token_skipped", String(skipped + 1));
  pm.execution.skipRequest();
})();
