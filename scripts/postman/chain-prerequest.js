// specpost chains, in the pre-request script of each request that takes part. The generator
// puts `const SPECPOST_CHAIN = '<JSON of { resets, needs, stores, forget? }>';` in front. A producer
// forgets its old values first, so a failed create cannot hand a stale id on, and leaves what
// it stores in the local variable specpost_chain for chain-store.js; a consumer whose producer
// gave nothing is skipped: its producer's test already said why.
(() => {
  const roles = JSON.parse(SPECPOST_CHAIN);
  if (roles.stores.length > 0 || roles.forget) {
    const declared = { requestId: pm.info.requestId, stores: roles.stores, forget: roles.forget };
    pm.variables.set("specpost_chain", JSON.stringify(declared));
  }
  for (const name of roles.resets) pm.collectionVariables.unset(name);
  const empty = (name) => {
    const value = pm.collectionVariables.get(name);
    return value === undefined || value === null || value === "";
  };
  const missing = roles.needs.filter((need) => empty(need.variable));
  if (missing.length === 0) return;
  const why = missing.map((need) => `{{${need.variable}}} (from ${need.producer})`).join(", ");
  console.log(`specpost: skipped "${pm.info.requestName}": no ${why}`);
  pm.execution.skipRequest();
})();
