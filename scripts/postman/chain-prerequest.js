// specpost chains, before a request that takes part in one. The generator puts
// `const SPECPOST_CHAIN = { resets: [variable], needs: [{ variable, producer }] }` in front.
// A producer forgets its old values first, so a failed create cannot hand a stale id on; a
// consumer whose producer gave nothing is skipped: its producer's test already said why.
(() => {
  for (const name of SPECPOST_CHAIN.resets) pm.collectionVariables.unset(name);
  const empty = (name) => {
    const value = pm.collectionVariables.get(name);
    return value === undefined || value === null || value === "";
  };
  const missing = SPECPOST_CHAIN.needs.filter((need) => empty(need.variable));
  if (missing.length === 0) return;
  const why = missing.map((need) => `{{${need.variable}}} (from ${need.producer})`).join(", ");
  console.log(`specpost: skipped "${pm.info.requestName}": no ${why}`);
  pm.execution.skipRequest();
})();
