// specpost chains, before each request (collection level). The generator puts
// `const SPECPOST_CHAINS = { [itemId]: '<JSON of { resets, needs, stores }>' }` in front.
// A producer forgets its old values first, so a failed create cannot hand a stale id on; a
// consumer whose producer gave nothing is skipped: its producer's test already said why.
(() => {
  if (!Object.hasOwn(SPECPOST_CHAINS, pm.info.requestId)) return;
  const roles = JSON.parse(SPECPOST_CHAINS[pm.info.requestId]);
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
