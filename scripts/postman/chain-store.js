// specpost chains, after each request (collection level): a producer stores the values later
// requests use as {{variable}}. What to store comes from the producer's own pre-request script
// (chain-prerequest.js): the local variable specpost_chain, { requestId, stores, forget?, gone? };
// stores: [{ variable, expression, source, dependants, path?, track? }], source:
// { from: "body", pointer } | { from: "header", name } | { from: "location-id" }; entry.track and
// forget feed the Cleanup folder (cleanup-track.js is inlined in front when there is one).
(() => {
  let declared;
  try {
    declared = JSON.parse(pm.variables.get("specpost_chain") || "null");
  } catch (_e) {
    declared = null;
  }
  // Local variables outlive a request in a Newman run: the id tells whose they are.
  if (!declared || declared.requestId !== pm.info.requestId) return;
  const stores = declared.stores;
  const code = pm.response.code;
  // A delete that worked: the Cleanup folder has nothing left to do for that resource.
  if (declared.forget && code >= 200 && code <= 299) specpostCreated.remove(declared.forget);
  // A delete of the item a variable names: later requests that use it are skipped, not 404.
  if (declared.gone && code >= 200 && code <= 299) {
    for (const name of declared.gone) pm.collectionVariables.unset(name);
  }
  if (stores.length === 0) return;
  let body;
  let unreadable;
  const read = (source) => {
    if (source.from === "header") return pm.response.headers.get(source.name);
    if (source.from === "location-id") {
      const location = pm.response.headers.get("Location");
      if (typeof location !== "string") return undefined;
      const path = location.split(/[?#]/)[0].replace(/\/+$/, "");
      return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
    }
    if (body === undefined && unreadable === undefined) {
      try {
        body = pm.response.json();
      } catch (error) {
        unreadable = error;
      }
    }
    let value = body;
    for (const step of source.pointer) {
      const found = value !== null && typeof value === "object" && Object.hasOwn(value, step);
      if (!found) return undefined;
      value = value[step];
    }
    return value;
  };
  for (const entry of stores) {
    pm.test(`stores ${entry.expression} as {{${entry.variable}}}`, () => {
      const skipped = `: the ${entry.dependants} later request(s) that use {{${entry.variable}}} are skipped`;
      if (code < 200 || code > 299) {
        pm.expect.fail(`status ${code} is not a success, so nothing was created${skipped}`);
      }
      const value = read(entry.source);
      if (value === undefined || value === null || value === "") {
        pm.expect.fail(`${entry.expression} is not in the response (status ${code})${skipped}`);
      }
      const text = typeof value === "string" ? value : JSON.stringify(value);
      // A path segment's value goes percent-encoded: `refs/heads/x` must stay one segment.
      pm.collectionVariables.set(entry.variable, entry.path ? encodeURIComponent(text) : text);
      if (entry.track) specpostCreated.add(entry.track, value);
    });
  }
})();
