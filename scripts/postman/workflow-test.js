// specpost workflows, after each request (collection level): the step's successCriteria as
// tests named by the criterion, its outputs stored, then onSuccess / onFailure: `end` jumps past
// the workflow, `goto` to a step, `retry` runs the step again (pm.execution.setNextRequest).
// No criteria: the step succeeds on a 2xx. A failed step without a matching action ends its
// workflow. At most 100 jumps a run, so a goto loop cannot run for ever.
(() => {
  if (!Object.hasOwn(SPECPOST_WORKFLOWS, pm.info.requestId)) return;
  const entry = JSON.parse(SPECPOST_WORKFLOWS[pm.info.requestId]);
  const values = specpostValues;
  const MAX_JUMPS = 100;
  const label = `${entry.workflow}.${entry.step}`;
  const code = pm.response.code;
  const check = (criterion) => {
    const operand = (t) => (t.expr === undefined ? undefined : values.resolve(t.expr, entry).value);
    if (criterion.type === "simple")
      return specpostCondition.evaluate(criterion.condition, operand);
    const context = values.resolve(criterion.context, entry);
    if (!context.found) throw new Error(`${criterion.context} has no value`);
    if (criterion.type === "regex") {
      return new RegExp(criterion.condition).test(values.text(context.value));
    }
    return specpostJsonPath.query(criterion.condition, context.value).length > 0;
  };
  const met = (criterion) => {
    try {
      return { ok: check(criterion) };
    } catch (error) {
      return { ok: false, error: error.message };
    }
  };
  let success = true;
  if (entry.criteria.length === 0) {
    success = code >= 200 && code <= 299;
    pm.test(`${label}: status is a success (no successCriteria)`, () => {
      if (!success) pm.expect.fail(`status ${code}`);
    });
  }
  entry.criteria.forEach((criterion, index) => {
    const result = met(criterion);
    if (!result.ok) success = false;
    const kind = criterion.type === "simple" ? "" : ` (${criterion.type} on ${criterion.context})`;
    pm.test(`${label} successCriteria[${index}]: ${criterion.condition}${kind}`, () => {
      if (result.error) pm.expect.fail(`cannot be evaluated: ${result.error} (status ${code})`);
      if (!result.ok) pm.expect.fail(`not met (status ${code})`);
    });
  });
  if (success) {
    for (const [name, expression] of Object.entries(entry.outputs)) {
      const found = values.resolve(expression, entry);
      pm.test(`${label} outputs.${name} = ${expression}`, () => {
        if (!found.found) pm.expect.fail(`${expression} has no value (status ${code})`);
        values.store(`${entry.workflow}.steps.${entry.step}.outputs.${name}`, found.value);
      });
    }
    // What the step created, for the Cleanup folder (specpostCreated: cleanup-track.js).
    if (entry.track) {
      const location = pm.response.headers.get("Location");
      const id =
        entry.track.expression === "location-id"
          ? typeof location === "string"
            ? decodeURIComponent(location.split(/[?#]/)[0].replace(/\/+$/, "").split("/").pop())
            : undefined
          : values.resolve(entry.track.expression, entry).value;
      if (id !== undefined && id !== null && id !== "") specpostCreated.add(entry.track, id);
    }
    for (const [name, expression] of Object.entries(entry.workflowOutputs)) {
      const found = values.resolve(expression, entry);
      if (found.found) values.store(`${entry.workflow}.outputs.${name}`, found.value);
    }
  }
  const mirror = values.mirror;
  const counters = mirror.__counters ?? { jumps: 0, retries: {} };
  const jump = (target, why) => {
    counters.jumps++;
    if (counters.jumps > MAX_JUMPS) {
      pm.test(`${label}: at most ${MAX_JUMPS} workflow jumps a run`, () => {
        pm.expect.fail(
          `${why}: the run has jumped ${MAX_JUMPS} times; workflow ${entry.workflow} ends here`,
        );
      });
      pm.execution.setNextRequest(entry.end);
      return;
    }
    console.log(`specpost: ${label} ${why}`);
    pm.execution.setNextRequest(target);
  };
  const actions = success ? entry.onSuccess : entry.onFailure;
  const chosen = actions.find((action) => action.criteria.every((c) => met(c).ok));
  if (success) delete counters.retries[pm.info.requestId];
  if (chosen?.type === "end") jump(entry.end, `${chosen.name}: end of workflow ${entry.workflow}`);
  else if (chosen?.type === "goto") jump(chosen.target, `${chosen.name}: goto`);
  else if (chosen?.type === "retry") {
    const done = counters.retries[pm.info.requestId] ?? 0;
    if (done < chosen.retryLimit) {
      counters.retries[pm.info.requestId] = done + 1;
      const target = chosen.target === "self" ? pm.info.requestId : chosen.target;
      const go = () => jump(target, `${chosen.name}: retry ${done + 1} of ${chosen.retryLimit}`);
      if (chosen.retryAfter) setTimeout(go, chosen.retryAfter * 1000);
      else go();
    } else {
      delete counters.retries[pm.info.requestId];
      jump(
        entry.end,
        `${chosen.name}: gave up after ${chosen.retryLimit} retries; workflow ${entry.workflow} ends`,
      );
    }
  } else if (!success) {
    jump(entry.end, `failed; workflow ${entry.workflow} ends (no onFailure action applies)`);
  }
  mirror.__counters = counters;
  pm.collectionVariables.set("specpost.arazzo", JSON.stringify(mirror));
})();
