// specpost overrides: the `set:` entries of an operation in its overrides file. Stores values of
// the JSON response body in collection variables, so later requests can use them as {{name}}.
// The generator puts `const SPECPOST_SET = [{ name, source, path }]` in front of this file.
(() => {
  let body;
  let unreadable;
  try {
    body = pm.response.json();
  } catch (error) {
    unreadable = error;
  }
  for (const entry of SPECPOST_SET) {
    pm.test(`stores ${entry.source} as {{${entry.name}}}`, () => {
      if (unreadable !== undefined) {
        pm.expect.fail(
          `the response (status ${pm.response.code}) is not JSON, so ${entry.source} cannot be read`,
        );
      }
      let value = body;
      for (const step of entry.path) {
        const found = value !== null && typeof value === "object" && Object.hasOwn(value, step);
        if (!found) {
          pm.expect.fail(
            `${entry.source} is not in the response (status ${pm.response.code}); later requests that use {{${entry.name}}} will not get it`,
          );
        }
        value = value[step];
      }
      pm.collectionVariables.set(
        entry.name,
        typeof value === "string" ? value : JSON.stringify(value),
      );
    });
  }
})();
