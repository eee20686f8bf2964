// specpost chains, in the pre-request script of each request that takes part (10,000 of Graph's
// requests: hence few lines). The generator puts `const SPECPOST_CHAIN = '<JSON of { resets,
// needs, stores, forget? }>';` in front and leaves this header out. A producer forgets its old
// values first, so a failed create cannot hand a stale id on, and leaves what it stores in the
// local variable specpost_chain for chain-store.js; a consumer whose producer gave nothing is
// skipped: its producer's test already said why.
(({ resets, needs, stores, forget }, vars) => {
  const mine = { requestId: pm.info.requestId, stores, forget };
  if (stores.length > 0 || forget) pm.variables.set("specpost_chain", JSON.stringify(mine));
  for (const name of resets) vars.unset(name);
  const no = needs.filter((n) => [undefined, null, ""].includes(vars.get(n.variable)));
  const why = no.map((n) => `{{${n.variable}}} (from ${n.producer})`).join(", ");
  if (no.length > 0) console.log(`specpost: skipped "${pm.info.requestName}": no ${why}`);
  if (no.length > 0) pm.execution.skipRequest();
})(JSON.parse(SPECPOST_CHAIN), pm.collectionVariables);
