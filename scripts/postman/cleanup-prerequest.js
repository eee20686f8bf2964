// specpost Cleanup, before a Cleanup request (item level): takes the last record of what the
// run created (`specpost.created.<variable>`) and puts its path parameters in the local
// variables `specpost.cleanup.<name>` for this request's URL; nothing left: the request is
// skipped. The generator puts `const SPECPOST_CLEANUP = '<JSON of { list, label }>'` in front.
(() => {
  const cleanup = JSON.parse(SPECPOST_CLEANUP);
  const records = specpostCreated.read(cleanup.list);
  const record = records.pop();
  if (record === undefined) {
    console.log(`specpost: Cleanup: nothing the run created is left for ${cleanup.label}`);
    pm.execution.skipRequest();
    return;
  }
  specpostCreated.write(cleanup.list, records);
  for (const [name, value] of Object.entries(record)) {
    // Path parameters all: percent-encoded, so a value with a slash stays one segment.
    pm.variables.set(`specpost.cleanup.${name}`, encodeURIComponent(value));
  }
})();
