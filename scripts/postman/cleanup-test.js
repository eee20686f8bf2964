// specpost Cleanup, after a Cleanup request (item level): deleted, or already gone (404, 410),
// both leave nothing behind; or an answer the spec documents as the only kind this DELETE gives
// (`promised`: it documents nothing but 4xx). More records in the list: this request runs again
// for the next.
(() => {
  const cleanup = JSON.parse(SPECPOST_CLEANUP);
  const code = pm.response.code;
  pm.test(`cleanup: ${cleanup.label}`, () => {
    const promised = cleanup.promised || [];
    const gone =
      (code >= 200 && code <= 299) || code === 404 || code === 410 || promised.includes(code);
    if (!gone) pm.expect.fail(`status ${code}: it may still exist on the server`);
  });
  if (specpostCreated.read(cleanup.list).length > 0) {
    pm.execution.setNextRequest(pm.info.requestId);
  }
})();
