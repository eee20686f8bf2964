// specpost chains, after each request (collection level): a producer stores the values later
// requests use as {{variable}}. The generator puts `const SPECPOST_CHAINS = { [itemId]: '<JSON of roles>' }`
// in front; roles.stores: [{ variable, expression, source, dependants }], source:
// { from: "body", pointer } | { from: "header", name } | { from: "location-id" }; entry.track and
// roles.forget feed the Cleanup folder (cleanup-track.js is inlined in front when there is one).
(() => {
  if (!Object.hasOwn(SPECPOST_CHAINS, pm.info.requestId)) return;
  const roles = JSON.parse(SPECPOST_CHAINS[pm.info.requestId]);
  const stores = roles.stores;
  const code = pm.response.code;
  // A delete that worked: the Cleanup folder has nothing left to do for that resource.
  if (roles.forget && code >= 200 && code <= 299) specpostCreated.remove(roles.forget);
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
      pm.collectionVariables.set(
        entry.variable,
        typeof value === "string" ? value : JSON.stringify(value),
      );
      if (entry.track) specpostCreated.add(entry.track, value);
    });
  }
})();
