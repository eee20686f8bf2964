// specpost workflows, before each request (collection level): a step's parameters and body
// with their runtime expressions resolved. The generator puts the values file
// (workflow-values.js) and `const SPECPOST_WORKFLOWS = { [itemId]: '<JSON of the step>' }`
// in front. A step whose expressions have no value (an earlier step failed) is skipped.
(() => {
  if (!Object.hasOwn(SPECPOST_WORKFLOWS, pm.info.requestId)) return;
  const entry = JSON.parse(SPECPOST_WORKFLOWS[pm.info.requestId]);
  const values = specpostValues;
  // This step's old outputs go first, so a failure cannot hand stale ones on.
  for (const name of Object.keys(entry.outputs)) {
    values.forget(`${entry.workflow}.steps.${entry.step}.outputs.${name}`);
  }
  const missing = [];
  for (const param of entry.params) {
    pm.collectionVariables.set(
      param.variable,
      values.text(values.fill(param.value, entry, missing) ?? ""),
    );
  }
  if (entry.body) {
    let payload = values.fill(entry.body.payload, entry, missing);
    for (const r of entry.body.replacements) {
      payload = values.replace(payload, r.target, values.fill(r.value, entry, missing));
    }
    pm.collectionVariables.set(entry.body.variable, values.text(payload ?? null));
  }
  if (missing.length === 0) return;
  const why = [...new Set(missing)].join(", ");
  console.log(
    `specpost: skipped step "${entry.step}" of workflow ${entry.workflow}: no value for ${why}`,
  );
  pm.execution.skipRequest();
})();
