// specpost chains, in the pre-request script of each request that takes part (10,000 of Graph's
// requests: hence few lines; the generator leaves this header and the biome comment out). It
// puts `const SPECPOST_CHAIN = '<JSON of { resets, needs, stores, forget? }>';` in front. A
// producer forgets its old values first, so a failed create cannot hand a stale id on, and
// leaves what it stores in the local variable specpost_chain for chain-store.js; a consumer
// whose producer gave nothing is skipped: its producer's test already said why.
// biome-ignore format: inlined into every chained request, so as few lines as still read well
((r, vars) => {
  if (r.stores.length > 0 || r.forget || r.gone) pm.variables.set("specpost_chain", JSON.stringify({ requestId: pm.info.requestId, stores: r.stores, forget: r.forget, gone: r.gone }));
  for (const name of r.resets) vars.unset(name);
  const no = r.needs.filter((n) => [undefined, null, ""].includes(vars.get(n.variable))).map((n) => `{{${n.variable}}} (from ${n.producer})`);
  if (no.length > 0) { console.log(`specpost: skipped "${pm.info.requestName}": no ${no.join(", ")}`); pm.execution.skipRequest(); }
})(JSON.parse(SPECPOST_CHAIN), pm.collectionVariables);
